package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuilderTest {
    @Test
    void environmentFallbacks() {
        try (Spectron client = Spectron.builder().environment(Map.of("SPECTRON_URL", "http://example.test:1234/", "SPECTRON_API_KEY", "k")).build()) {
            assertThat(client.baseUrl()).isEqualTo("http://example.test:1234");
        }
    }

    @Test
    void explicitOptionsWinAndApiPrefixIsDropped() {
        try (Spectron client = Spectron.builder().environment(Map.of("SPECTRON_URL", "http://env", "SPECTRON_API_KEY", "k"))
                .baseUrl("https://spectron.example/api/v1/").apiKey("other").build()) {
            assertThat(client.baseUrl()).isEqualTo("https://spectron.example");
        }
    }

    @Test
    void defaultUrlWhenNothingIsSet() {
        try (Spectron client = Spectron.builder().environment(Map.of()).apiKey("k").build()) {
            assertThat(client.baseUrl()).isEqualTo(Spectron.DEFAULT_BASE_URL);
        }
    }

    @Test
    void missingKeyOrBadUrlIsRefused() {
        assertThatThrownBy(() -> Spectron.builder().environment(Map.of()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPECTRON_API_KEY");
        assertThatThrownBy(() -> Spectron.builder().environment(Map.of()).apiKey("k").baseUrl("localhost:9090").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spectron.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spectron.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffGrowsIsJitteredAndHonoursRetryAfter() {
        Transport transport = new Transport("http://x", "k", Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofMillis(1000), true,
                "ua", null, java.time.Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
            assertThat(transport.backoff(0, null).toMillis()).isBetween(50L, 100L);
            assertThat(transport.backoff(2, null).toMillis()).isBetween(200L, 400L);
            assertThat(transport.backoff(10, null).toMillis()).isBetween(500L, 1000L);
            assertThat(transport.backoff(0, Duration.ofSeconds(2)).toMillis()).isEqualTo(2000L);
        }
        assertThat(transport.backoff(0, Duration.ofMinutes(5))).as("too long a Retry-After is not waited for").isNull();
    }

    @Test
    void scopesSerialiseInBothForms() {
        assertThat(Scope.of("user", "ada").toWire()).isEqualTo(Map.of("user", "ada"));
        assertThat(Scope.of("org", "acme", "user", "ada").toWire()).isEqualTo(Map.of("org", "acme", "user", "ada"));
        assertThat(Scope.allOf("org/acme", "user/ada").toWire()).isEqualTo(java.util.List.of(java.util.List.of("org/acme", "user/ada")));
        assertThat(Scope.anyOf(Scope.path("user/ada"), Scope.path("user/bob")).toWire())
                .isEqualTo(java.util.List.of(java.util.List.of("user/ada"), java.util.List.of("user/bob")));
        assertThatThrownBy(() -> Scope.anyOf(Scope.of("user", "ada"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityRefsParse() {
        assertThat(EntityRef.parse("person/ada")).isEqualTo(EntityRef.of("person", "ada"));
        assertThat(EntityRef.parse("product/a/b").name()).isEqualTo("a/b");
        assertThatThrownBy(() -> EntityRef.parse("ada")).isInstanceOf(IllegalArgumentException.class);
    }
}
