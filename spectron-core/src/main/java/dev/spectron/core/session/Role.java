package dev.spectron.core.session;

import dev.spectron.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who spoke a turn. */
public enum Role {
    USER, ASSISTANT, SYSTEM, TOOL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new InvalidInputException("role", "role must be one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "))
                + "; got '" + value + "'");
    }
}
