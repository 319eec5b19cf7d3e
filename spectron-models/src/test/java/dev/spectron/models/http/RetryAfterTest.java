package dev.spectron.models.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-03-10T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void reads_seconds() {
        assertThat(RetryAfter.from(headers(Map.of("Retry-After", "20")), NOW)).contains(Duration.ofSeconds(20));
    }

    @Test
    void reads_an_http_date_as_the_time_left_until_it() {
        assertThat(RetryAfter.from(headers(Map.of("Retry-After", "Mon, 10 Mar 2025 14:00:30 GMT")), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.from(headers(Map.of("Retry-After", "Mon, 10 Mar 2025 13:00:00 GMT")), NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void prefers_openai_milliseconds_to_rounded_seconds() {
        HttpHeaders headers = headers(Map.of("retry-after", "1", "retry-after-ms", "250"));

        assertThat(RetryAfter.from(headers, NOW)).contains(Duration.ofMillis(250));
    }

    @Test
    void ignores_missing_negative_or_unreadable_values() {
        assertThat(RetryAfter.from(headers(Map.of()), NOW)).isEmpty();
        assertThat(RetryAfter.from(headers(Map.of("Retry-After", "-5")), NOW)).isEmpty();
        assertThat(RetryAfter.from(headers(Map.of("Retry-After", "soon")), NOW)).isEmpty();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return HttpHeaders.of(multi, (name, value) -> true);
    }
}
