package dev.spectron.server.http;

import dev.spectron.core.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** RFC 3339 request timestamps, stored to the millisecond like every other time. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant parse(String field, String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an RFC 3339 timestamp such as 2026-05-01T10:00:00Z; got '" + raw + "'");
        }
    }
}
