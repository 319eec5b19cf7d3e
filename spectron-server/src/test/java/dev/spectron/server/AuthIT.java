package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    static String betaKey;

    @BeforeAll
    static void start() {
        assertThat(http.post("/api/v1/contexts/beta").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(201);
        betaKey = http.post("/api/v1/contexts/beta/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
    }

    @Test
    void health_needs_no_key() {
        Reply reply = http.get("/api/v1/health").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("ok");
        assertThat(reply.json().get("store").asText()).isEqualTo(TestServer.onPostgres() ? "postgres" : "sqlite");
    }

    @Test
    void missing_key_is_401_problem() {
        Reply reply = http.get("/api/v1/default/sessions").send();
        assertUnauthorized(reply);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void wrong_key_is_401() {
        assertUnauthorized(http.get("/api/v1/default/sessions").bearer("sp-nope-123").send());
    }

    @Test
    void key_of_another_context_is_401_with_the_same_message_as_an_unknown_key() {
        Reply otherContext = http.get("/api/v1/default/sessions").bearer(betaKey).send();
        Reply unknown = http.get("/api/v1/default/sessions").bearer("sp-unknown").send();
        assertUnauthorized(otherContext);
        assertThat(otherContext.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void valid_key_on_a_context_that_does_not_exist_is_401_not_404() {
        assertUnauthorized(http.get("/api/v1/nowhere/sessions").bearer(API_KEY).send());
        assertUnauthorized(http.get("/api/v1/bad%20id/sessions").bearer(API_KEY).send());
    }

    @Test
    void each_key_works_on_its_own_context() {
        assertThat(http.get("/api/v1/default/sessions").bearer(API_KEY).send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/beta/sessions").bearer(betaKey).send().status()).isEqualTo(200);
    }

    @Test
    void legacy_api_key_header_is_accepted() {
        assertThat(http.get("/api/v1/default/sessions").header("API-KEY", API_KEY).send().status()).isEqualTo(200);
    }

    @Test
    void management_key_is_not_a_data_plane_key_and_vice_versa() {
        assertUnauthorized(http.get("/api/v1/default/sessions").bearer(MANAGEMENT_KEY).send());
        assertUnauthorized(http.get("/api/v1/contexts").bearer(API_KEY).send());
        assertUnauthorized(http.get("/api/v1/contexts").send());
    }

    @Test
    void expired_key_is_401() throws InterruptedException {
        String key = http.post("/api/v1/contexts/beta/keys").bearer(MANAGEMENT_KEY)
                .json(Map.of("name", "short", "ttl_seconds", 1)).send().json().get("key").asText();
        assertThat(http.get("/api/v1/beta/sessions").bearer(key).send().status()).isEqualTo(200);
        Thread.sleep(1100);
        assertUnauthorized(http.get("/api/v1/beta/sessions").bearer(key).send());
    }

    static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:spectron:problem:unauthorized");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }
}
