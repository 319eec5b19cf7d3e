package dev.spectron.core.session;

import dev.spectron.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a record lives, as a disjunction of conjunctions of scope paths (spectron-api.md §1.2):
 * {@code [["org/acme/","user/ada/"]]} is one clause meaning "org acme AND user ada". Clauses are
 * kept sorted and deduplicated so that equal scopes compare and store equally. Empty means the
 * context's default region.
 */
public record ScopeSet(List<List<ScopePath>> clauses) {
    public static final ScopeSet NONE = new ScopeSet(List.of());

    public ScopeSet {
        TreeSet<List<ScopePath>> sorted = new TreeSet<>(ScopeSet::compareClauses);
        for (List<ScopePath> clause : clauses) {
            if (clause.isEmpty()) {
                throw new InvalidInputException("scopes", "a scope clause must name at least one path");
            }
            sorted.add(List.copyOf(new TreeSet<>(clause)));
        }
        clauses = List.copyOf(sorted);
    }

    /**
     * Reads every scope form the upstream API has used (spectron-api.md §7.2): DNF
     * {@code [["a","b"],["c"]]}, a flat list (OR of singletons), a bare string, {@code "k=v"}
     * strings, and a key–value map (one AND clause of {@code k/v} paths).
     */
    public static ScopeSet parse(Object raw) {
        if (raw == null) {
            return NONE;
        }
        if (raw instanceof String path) {
            return new ScopeSet(List.of(List.of(pathOf(path))));
        }
        if (raw instanceof Map<?, ?> dimensions) {
            return fromDimensions(dimensions);
        }
        if (raw instanceof List<?> items) {
            List<List<ScopePath>> clauses = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof String path) {
                    clauses.add(List.of(pathOf(path)));
                } else if (item instanceof List<?> clause) {
                    clauses.add(clause.stream().map(ScopeSet::pathOfElement).toList());
                } else {
                    throw new InvalidInputException("scopes", "scopes must be a list of paths or a list of lists of paths");
                }
            }
            return new ScopeSet(clauses);
        }
        throw new InvalidInputException("scopes", "scopes must be a path, a list of paths, a list of lists of paths, or an object of key-value dimensions");
    }

    /** The user a scope names ({@code user/ada} anywhere in a path), the speaker of its sessions. */
    public Optional<String> user() {
        for (List<ScopePath> clause : clauses) {
            for (ScopePath path : clause) {
                List<String> segments = path.segments();
                int user = segments.lastIndexOf("user");
                if (user >= 0 && user + 1 < segments.size()) {
                    return Optional.of(segments.get(user + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** Records visible under either scope set: the clauses of both. */
    public ScopeSet union(ScopeSet other) {
        List<List<ScopePath>> all = new ArrayList<>(clauses);
        all.addAll(other.clauses);
        return new ScopeSet(all);
    }

    /** The key–value view ({@code {"user":"ada"}}) of a single clause of two-segment paths, if it has one. */
    public Optional<Map<String, String>> asDimensions() {
        if (clauses.size() != 1) {
            return Optional.empty();
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (ScopePath path : clauses.get(0)) {
            List<String> segments = path.segments();
            if (segments.size() != 2 || dimensions.putIfAbsent(segments.get(0), segments.get(1)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(dimensions);
    }

    public List<List<String>> asStrings() {
        return clauses.stream().map(clause -> clause.stream().map(ScopePath::value).toList()).toList();
    }

    private static ScopeSet fromDimensions(Map<?, ?> dimensions) {
        if (dimensions.isEmpty()) {
            return NONE;
        }
        List<ScopePath> clause = new ArrayList<>();
        dimensions.forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw new InvalidInputException("scope", "scope dimension '" + key + "' must have a string value");
            }
            clause.add(ScopePath.ofDimension(String.valueOf(key), text));
        });
        return new ScopeSet(List.of(clause));
    }

    private static ScopePath pathOfElement(Object element) {
        if (element instanceof String path) {
            return pathOf(path);
        }
        throw new InvalidInputException("scopes", "every scope path must be a string");
    }

    private static ScopePath pathOf(String raw) {
        int eq = raw.indexOf('=');
        if (eq > 0 && !raw.contains("/")) {
            return ScopePath.ofDimension(raw.substring(0, eq), raw.substring(eq + 1));
        }
        return ScopePath.parse(raw);
    }

    private static int compareClauses(List<ScopePath> a, List<ScopePath> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
