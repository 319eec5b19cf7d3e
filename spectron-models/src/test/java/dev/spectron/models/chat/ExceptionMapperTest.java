package dev.spectron.models.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelException.Kind;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionMapperTest {

    private final ExceptionMapper mapper = new ExceptionMapper("anthropic");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, INVALID_REQUEST",
        "401, AUTHENTICATION",
        "403, AUTHENTICATION",
        "404, INVALID_REQUEST",
        "408, TIMEOUT",
        "413, INVALID_REQUEST",
        "422, INVALID_REQUEST",
        "429, RATE_LIMITED",
        "500, UNAVAILABLE",
        "502, UNAVAILABLE",
        "503, UNAVAILABLE",
        "529, UNAVAILABLE",
    })
    void maps_http_status_to_a_kind(int status, Kind kind) {
        HttpException http = new HttpException(status, "{\"error\": \"x\"}");

        ModelException mapped = mapper.map(http);

        assertThat(mapped.kind()).isEqualTo(kind);
        assertThat(mapped.provider()).isEqualTo("anthropic");
        assertThat(mapped.getMessage()).contains("anthropic answered " + status);
        assertThat(mapped.getCause()).isSameAs(http);
    }

    @Test
    void finds_the_status_under_langchain4j_wrappers_and_keeps_the_outer_cause() {
        RateLimitException wrapped = new RateLimitException(new HttpException(429, "slow down"));

        ModelException mapped = mapper.map(wrapped);

        assertThat(mapped.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(mapped.getCause()).isSameAs(wrapped);
    }

    @Test
    void maps_transport_failures() {
        assertThat(mapper.map(new TimeoutException(new HttpTimeoutException("request timed out"))).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(mapper.map(new UncheckedIOException(new ConnectException("Connection refused"))).kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(mapper.map(new InternalServerException("overloaded")).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void maps_refusals_and_requests_the_client_rejects() {
        assertThat(mapper.map(new ContentFilteredException("I can't help with that.")).kind()).isEqualTo(Kind.REFUSED);
        assertThat(mapper.map(new UnsupportedFeatureException("Schemaless JSON response format")).kind())
                .isEqualTo(Kind.INVALID_REQUEST);
        assertThat(mapper.map(new IllegalArgumentException("the root element of the JSON Schema must be an object")).kind())
                .isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void passes_an_already_mapped_failure_through() {
        ModelException failure = new ModelException(Kind.MALFORMED_OUTPUT, "anthropic", "no JSON");

        assertThat(mapper.map(failure)).isSameAs(failure);
    }
}
