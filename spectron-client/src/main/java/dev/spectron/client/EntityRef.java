package dev.spectron.client;

import java.util.Objects;

/** An entity address, {@code type/name}, e.g. {@code EntityRef.of("person", "ada")} or {@code EntityRef.parse("person/ada")}. */
public record EntityRef(String type, String name) {
    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    public static EntityRef of(String type, String name) {
        return new EntityRef(type, name);
    }

    /** Parses {@code type/name}; the name may itself contain slashes. */
    public static EntityRef parse(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException("an entity reference is type/name; got '" + path + "'");
        }
        return new EntityRef(path.substring(0, slash), path.substring(slash + 1));
    }

    @Override
    public String toString() {
        return type + "/" + name;
    }
}
