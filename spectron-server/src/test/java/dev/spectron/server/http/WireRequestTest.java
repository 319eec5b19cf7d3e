package dev.spectron.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spectron.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireRequestTest {
    record Sample(@JsonProperty(value = "name", required = true) String name,
                  @JsonProperty("session_id") @JsonAlias("sessionId") String sessionId,
                  Long k, Boolean stream, Map<String, Object> metadata, Object scopes) {
    }

    private static Sample read(String json) {
        return WireRequest.read(JsonBody.fromBytes(json.getBytes(StandardCharsets.UTF_8)), Sample.class);
    }

    @Test
    void the_preferred_spelling_wins_wherever_it_stands_and_null_counts_as_absent() {
        assertThat(read("{\"name\":\"a\",\"sessionId\":\"camel\",\"session_id\":\"snake\"}").sessionId()).isEqualTo("snake");
        assertThat(read("{\"name\":\"a\",\"session_id\":null,\"sessionId\":\"camel\"}").sessionId()).isEqualTo("camel");
    }

    @Test
    void unknown_fields_are_ignored_and_values_bound() {
        Sample sample = read("{\"name\":\"a\",\"k\":3,\"stream\":true,\"metadata\":{\"x\":[1]},\"scopes\":[\"user/a\"],\"colour\":1}");
        assertThat(sample).isEqualTo(new Sample("a", null, 3L, true, Map.of("x", java.util.List.of(1)), java.util.List.of("user/a")));
    }

    @Test
    void type_errors_name_the_preferred_spelling_with_the_messages_clients_know() {
        assertError("{}", "name", "field 'name' is required");
        assertError("{\"name\":\" \"}", "name", "field 'name' must not be empty");
        assertError("{\"name\":5}", "name", "field 'name' must be a string; got number");
        assertError("{\"name\":\"a\",\"sessionId\":[1]}", "session_id", "field 'session_id' must be a string; got array");
        assertError("{\"name\":\"a\",\"k\":1.5}", "k", "field 'k' must be a whole number; got 1.5");
        assertError("{\"name\":\"a\",\"stream\":\"yes\"}", "stream", "field 'stream' must be true or false; got \"yes\"");
        assertError("{\"name\":\"a\",\"metadata\":\"x\"}", "metadata", "field 'metadata' must be a JSON object; got string");
    }

    private static void assertError(String json, String field, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
