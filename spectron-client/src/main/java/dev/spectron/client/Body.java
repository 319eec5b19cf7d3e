package dev.spectron.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object under construction that leaves out null values. */
final class Body {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Body put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    Body putIf(boolean condition, String name, Object value) {
        return condition ? put(name, value) : this;
    }

    Map<String, Object> map() {
        return fields;
    }
}
