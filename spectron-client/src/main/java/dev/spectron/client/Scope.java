package dev.spectron.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where records live, in either of the two forms the server accepts:
 * <ul>
 *   <li>key-value dimensions (the seed's form): {@code Scope.of("user", "ada")}, {@code Scope.of("org", "acme", "user", "ada")},
 *       {@code Scope.of(Map.of(...))} — sent as {@code {"user":"ada"}};</li>
 *   <li>DNF slash paths (the newer form): {@code Scope.path("org/acme/user/ada")} (one path),
 *       {@code Scope.allOf("org/acme", "user/ada")} (one AND clause), {@code Scope.anyOf(a, b)} (OR of
 *       clauses), {@code Scope.dnf(List.of(List.of(...)))} — sent as {@code [["org/acme/","user/ada/"]]}.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Scope {
    private final Map<String, String> dimensions;
    private final List<List<String>> clauses;

    private Scope(Map<String, String> dimensions, List<List<String>> clauses) {
        this.dimensions = dimensions;
        this.clauses = clauses;
    }

    /** One dimension, e.g. {@code Scope.of("user", "ada")}. */
    public static Scope of(String key, String value) {
        return of(Map.of(key, value));
    }

    /** Two dimensions, e.g. {@code Scope.of("org", "acme", "user", "ada")}. */
    public static Scope of(String key1, String value1, String key2, String value2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return of(map);
    }

    /** Key-value dimensions, all of which apply (one AND clause on the server). */
    public static Scope of(Map<String, String> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a scope needs at least one dimension");
        }
        dimensions.forEach((k, v) -> {
            Objects.requireNonNull(k, "scope key");
            Objects.requireNonNull(v, "scope value of " + k);
        });
        return new Scope(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions)), null);
    }

    /** One slash path, e.g. {@code org/acme/user/ada}. */
    public static Scope path(String path) {
        return dnf(List.of(List.of(path)));
    }

    /** One clause: all of these paths (AND). */
    public static Scope allOf(String... paths) {
        return dnf(List.of(List.of(paths)));
    }

    /** Any of these scopes (OR of their clauses). Only DNF scopes can be combined. */
    public static Scope anyOf(Scope... scopes) {
        List<List<String>> all = new ArrayList<>();
        for (Scope scope : scopes) {
            if (scope.clauses == null) {
                throw new IllegalArgumentException("anyOf combines DNF scopes; convert key-value scopes with path(\"key/value\")");
            }
            all.addAll(scope.clauses);
        }
        return dnf(all);
    }

    /** A DNF selector: an OR of clauses, each an AND of slash paths. */
    public static Scope dnf(List<List<String>> clauses) {
        if (clauses.isEmpty() || clauses.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a DNF scope needs at least one clause, and every clause a path");
        }
        return new Scope(null, clauses.stream().map(List::copyOf).toList());
    }

    /** The JSON value to send: a map for key-value scopes, a list of lists for DNF scopes. */
    public Object toWire() {
        return dimensions != null ? dimensions : clauses;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope other && Objects.equals(dimensions, other.dimensions) && Objects.equals(clauses, other.clauses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimensions, clauses);
    }

    @Override
    public String toString() {
        return String.valueOf(toWire());
    }
}
