package dev.spectron.server.http;

import dev.spectron.core.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 request timestamps, stored to the millisecond like every other time. Years 0001 to 9999
 * only: RFC 3339 writes no others, and a time near the edge of {@link Instant}'s range does not fit
 * the stores' millisecond columns (issue 20 point 1).
 */
public final class Timestamps {
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Timestamps() {
    }

    public static Instant parse(String field, String raw) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an RFC 3339 timestamp such as 2026-05-01T10:00:00Z; got '" + raw + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, field + " must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z; got '" + raw + "'");
        }
        return instant;
    }
}
