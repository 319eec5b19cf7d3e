package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static SpectronApiException map(int status, String body, Map<String, List<String>> headers) {
        return Errors.fromResponse(status, HttpHeaders.of(headers, (a, b) -> true),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Transport.JSON, NOW);
    }

    private static SpectronApiException map(int status, String body) {
        return map(status, body, Map.of());
    }

    @ParameterizedTest
    @CsvSource({
        "400, ValidationException", "422, ValidationException", "401, AuthenticationException", "403, PermissionDeniedException",
        "404, NotFoundException", "409, ConflictException", "429, RateLimitException", "500, ServerException",
        "502, ServerException", "503, ServerException", "504, ServerException", "405, SpectronApiException", "413, SpectronApiException"})
    void statusSelectsTheType(int status, String type) {
        SpectronApiException e = map(status, "{\"type\":\"urn:spectron:problem:x\",\"status\":" + status + ",\"detail\":\"d\"}");
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.type()).isEqualTo("urn:spectron:problem:x");
    }

    @Test
    void problemFieldsAreRead() {
        SpectronApiException e = map(400, """
                {"type":"urn:spectron:problem:invalid-input","title":"Invalid request","status":400,
                 "detail":"role must be one of user, assistant, system, tool; got 'robot'","instance":"/api/v1/default/sessions/s/turns",
                 "message":"ignored because detail wins","field":"role","requestId":"req_01"}""");
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("role");
        assertThat(e.detail()).startsWith("role must be one of");
        assertThat(e.requestId()).isEqualTo("req_01");
        assertThat(e.problem().title()).isEqualTo("Invalid request");
        assertThat(e.problem().instance()).isEqualTo("/api/v1/default/sessions/s/turns");
        assertThat(e.getMessage()).isEqualTo("HTTP 400: role must be one of user, assistant, system, tool; got 'robot' (request req_01)");
    }

    @Test
    void detailFallsBackToMessageThenTitleThenRawBody() {
        assertThat(map(500, "{\"message\":\"m\",\"title\":\"t\"}").detail()).isEqualTo("m");
        assertThat(map(500, "{\"title\":\"t\"}").detail()).isEqualTo("t");
        assertThat(map(502, "<html>Bad Gateway</html>").detail()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(map(502, "").detail()).isNull();
        assertThat(map(502, null).getMessage()).isEqualTo("HTTP 502");
    }

    @Test
    void requestIdFallsBackToTheHeader() {
        assertThat(map(404, "{}", Map.of("X-Request-Id", List.of("req_hdr"))).requestId()).isEqualTo("req_hdr");
        assertThat(map(404, "{\"requestId\":\"req_body\"}", Map.of("X-Request-Id", List.of("req_hdr"))).requestId()).isEqualTo("req_body");
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        RateLimitException seconds = (RateLimitException) map(429, "{}", Map.of("Retry-After", List.of("7")));
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        SpectronApiException date = map(503, "{}", Map.of("Retry-After", List.of("Mon, 01 Jun 2026 12:00:30 GMT")));
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(map(429, "{}", Map.of("Retry-After", List.of("soon"))).retryAfter()).isEmpty();
        assertThat(map(429, "{}").retryAfter()).isEmpty();
        assertThat(map(429, "{\"retry_after\": 3}").retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void modelFailureCarriesProviderAndUserTurn() {
        ServerException e = (ServerException) map(503, """
                {"type":"urn:spectron:problem:model-unavailable","title":"Model unavailable","status":503,
                 "detail":"openai: connection refused","provider":"openai","userTurnId":"turn_1","sessionId":"sess_1"}""");
        assertThat(e.provider()).isEqualTo("openai");
        assertThat(e.userTurnId()).isEqualTo("turn_1");
        assertThat(e.sessionId()).isEqualTo("sess_1");
        assertThat(e.type()).isEqualTo("urn:spectron:problem:model-unavailable");
    }

    @Test
    void streamedProblemTakesItsStatusFromTheBody() throws Exception {
        var node = Transport.JSON.readTree("{\"type\":\"urn:spectron:problem:model-failed\",\"status\":502,\"detail\":\"refused\"}");
        assertThat(Errors.fromProblem(0, node, null, null, null)).isInstanceOf(ServerException.class).extracting(SpectronApiException::status)
                .isEqualTo(502);
        assertThat(Errors.fromProblem(0, null, null, null, "garbage").status()).isEqualTo(500);
    }

    @Test
    void transportFailuresMapToConnectionOrTimeout() {
        Duration timeout = Duration.ofSeconds(3);
        assertThat(Errors.fromThrowable(new CompletionException(new ConnectException("refused")), timeout, "GET /x"))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("GET /x").hasMessageContaining("refused");
        assertThat(Errors.fromThrowable(new HttpTimeoutException("timed out"), timeout, "GET /x"))
                .isInstanceOfSatisfying(RequestTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(timeout));
        assertThat(Errors.fromThrowable(new HttpConnectTimeoutException("connect"), timeout, "GET /x")).isInstanceOf(ConnectionException.class);
        assertThat(Errors.fromThrowable(new java.io.IOException("Connection reset"), timeout, "GET /x")).isInstanceOf(ConnectionException.class);
        assertThat(Errors.fromThrowable(new java.io.IOException("x"), timeout, "GET /x").status()).isZero();
    }

    @Test
    void hierarchyIsExhaustiveForASwitch() {
        SpectronClientException e = map(404, "{}");
        String kind = switch (e) {
            case SpectronApiException api -> "api " + api.status();
            case ConnectionException c -> "connection";
            case RequestTimeoutException t -> "timeout";
        };
        assertThat(kind).isEqualTo("api 404");
    }
}
