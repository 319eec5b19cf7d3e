package dev.spectron.models.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks us to wait: OpenAI's {@code retry-after-ms} when present (finer
 * than seconds), else the standard {@code Retry-After} in seconds or as an HTTP date (RFC 9110 §10.2.3).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> seconds(value, 0.001));
        return millis.isPresent() ? millis : headers.firstValue("retry-after").flatMap(value -> parse(value, clock));
    }

    private static Optional<Duration> parse(String value, Clock clock) {
        Optional<Duration> seconds = seconds(value, 1);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime until = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), until.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable header is treated as absent: our own backoff applies
        }
    }

    private static Optional<Duration> seconds(String value, double unitSeconds) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(amount * unitSeconds * 1_000_000_000L)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
