package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IsolationIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    static String betaKey;
    static String sessionOfDefault;

    @BeforeAll
    static void start() {
        http.post("/api/v1/contexts/beta").bearer(MANAGEMENT_KEY).send();
        betaKey = http.post("/api/v1/contexts/beta/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        sessionOfDefault = http.post("/api/v1/default/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", "ada"))).send().json().get("id").asText();
        http.post("/api/v1/default/sessions/" + sessionOfDefault + "/turns").bearer(API_KEY)
                .json(Map.of("role", "user", "content", "My secret is 42")).send();
    }

    @Test
    void another_context_cannot_read_the_session_or_its_turns() {
        String path = "/api/v1/beta/sessions/" + sessionOfDefault;
        assertThat(http.get(path).bearer(betaKey).send().status()).isEqualTo(404);
        assertThat(http.get(path + "/turns").bearer(betaKey).send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/beta/sessions").bearer(betaKey).send().json().get("sessions")).isEmpty();
    }

    @Test
    void another_context_cannot_write_to_or_delete_the_session() {
        String path = "/api/v1/beta/sessions/" + sessionOfDefault;
        assertThat(http.post(path + "/turns").bearer(betaKey).json(Map.of("role", "user", "content", "hi")).send().status()).isEqualTo(404);
        assertThat(http.delete(path).bearer(betaKey).send().status()).isEqualTo(404);
        var turns = http.get("/api/v1/default/sessions/" + sessionOfDefault + "/turns").bearer(API_KEY).send().json().get("turns");
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).get("content").asText()).isEqualTo("My secret is 42");
    }

    @Test
    void a_key_of_another_context_cannot_reach_through_the_right_path() {
        String path = "/api/v1/default/sessions/" + sessionOfDefault + "/turns";
        assertThat(http.get(path).bearer(betaKey).send().status()).isEqualTo(401);
    }
}
