package dev.spectron.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.ConflictException;
import dev.spectron.core.InsufficientStorageException;
import dev.spectron.core.StoreUnavailableException;
import dev.spectron.core.InvalidInputException;
import dev.spectron.core.NotFoundException;
import dev.spectron.core.PayloadTooLargeException;
import dev.spectron.core.SpectronException;
import dev.spectron.core.UnauthorizedException;
import dev.spectron.core.UnprocessableException;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import io.javalin.Javalin;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the exception → status → type table, through a real Javalin with only the mapper registered. */
class ProblemMapperTest {
    static Javalin app;
    static TestHttp http;
    static SpectronException thrown;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemMapper.register(config.routes);
            config.routes.get("/throw", ctx -> {
                throw thrown;
            });
            config.routes.get("/crash", ctx -> {
                throw new IllegalStateException("secret internals");
            });
        }).start("127.0.0.1", 0);
        http = new TestHttp("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new InvalidInputException("role", "bad role"), 400, "invalid-input"),
                Arguments.of(new UnauthorizedException("no key"), 401, "unauthorized"),
                Arguments.of(new NotFoundException("gone"), 404, "not-found"),
                Arguments.of(new ConflictException("twice"), 409, "conflict"),
                Arguments.of(new PayloadTooLargeException("big"), 413, "payload-too-large"),
                Arguments.of(new UnprocessableException("reserved"), 422, "unprocessable"),
                Arguments.of(new InsufficientStorageException("disk full", null), 507, "insufficient-storage"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("table")
    void maps_each_failure_to_its_status_and_type(SpectronException exception, int status, String type) {
        thrown = exception;
        Reply reply = http.get("/throw").send();
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:" + type);
        assertThat(reply.json().get("detail").asText()).isEqualTo(exception.getMessage());
        assertThat(reply.json().get("message").asText()).isEqualTo(exception.getMessage());
        assertThat(reply.json().get("instance").asText()).isEqualTo("/throw");
    }

    @Test
    void a_database_outage_is_503_with_retry_after_and_no_internals() {
        thrown = new StoreUnavailableException("PostgreSQL is unavailable: Connection to db.internal:5432 refused", null);
        Reply reply = http.get("/throw").send();
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:store-unavailable");
        assertThat(reply.json().get("detail").asText()).isEqualTo("the database is unavailable; nothing was written; retry shortly");
        assertThat(reply.body()).doesNotContain("db.internal");
    }

    @ParameterizedTest(name = "unmapped exception")
    @MethodSource("unmapped")
    void unmapped_exceptions_are_500_without_internals(String path) {
        Reply reply = http.get(path).send();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:internal");
        assertThat(reply.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    static Stream<String> unmapped() {
        return Stream.of("/crash");
    }
}
