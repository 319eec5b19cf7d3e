package dev.spectron.server.http;

import dev.spectron.core.InvalidInputException;
import io.javalin.http.Context;

/** Typed query parameters; accepts camelCase and snake_case spellings (spectron-api.md §2.0). */
public final class QueryParams {
    private QueryParams() {
    }

    /**
     * Refuses a query string that holds an encoded NUL ({@code %00}): no parameter may contain one,
     * and PostgreSQL text cannot hold it. Jetty already refuses one in the path.
     */
    public static void refuseNul(Context ctx) {
        String query = ctx.queryString();
        if (query != null && query.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            throw new InvalidInputException("the query string holds an encoded NUL (%00), which no parameter may contain");
        }
    }

    public static int intParam(Context ctx, int defaultValue, String... names) {
        Long value = longParam(ctx, names);
        if (value == null) {
            return defaultValue;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new InvalidInputException(names[0], "query parameter '" + names[0] + "' is out of range");
        }
        return value.intValue();
    }

    /** The parameter's value, or null when absent. */
    public static Long longParam(Context ctx, String... names) {
        for (String name : names) {
            String raw = ctx.queryParam(name);
            if (raw != null && !raw.isBlank()) {
                try {
                    return Long.parseLong(raw.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(names[0], "query parameter '" + names[0] + "' must be a whole number; got '" + raw + "'");
                }
            }
        }
        return null;
    }
}
