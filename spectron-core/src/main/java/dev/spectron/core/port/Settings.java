package dev.spectron.core.port;

import java.util.Optional;

/** Server-wide values that must survive restarts, such as the management key's hash. */
public interface Settings {
    Optional<String> get(String name);

    void put(String name, String value);
}
