package dev.spectron.core.port.memory;

import dev.spectron.core.port.Settings;
import java.util.Optional;

final class InMemorySettings implements Settings {
    private final InMemoryTransaction tx;

    InMemorySettings(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(tx.read().settings.get(name));
    }

    @Override
    public void put(String name, String value) {
        tx.write().settings.put(name, value);
    }
}
