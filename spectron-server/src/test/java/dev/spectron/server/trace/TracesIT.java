package dev.spectron.server.trace;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces are stored: {@code GET /traces/{id}} answers the same bytes right after the read or chat
 * that made it (from memory) and after the server has stopped and started again (from the
 * database), and only to the context that made it.
 */
class TracesIT {
    private static final String BASE = "/api/v1/default";

    @TempDir
    Path dataDir;

    @Test
    void retrieval_and_response_traces_survive_a_restart_byte_for_byte() throws IOException {
        String retrievalId;
        String responseId;
        String retrievalBefore;
        String responseBefore;
        String otherKey;
        try (TestServer server = TestServer.start(dataDir)) {
            TestHttp http = server.http();
            String session = http.post(BASE + "/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", "ada"))).send().json()
                    .get("id").asText();
            http.post(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", "I live in Lisbon."))
                    .send();
            retrievalId = http.post(BASE + "/query").bearer(API_KEY).json(Map.of("query", "Where does Ada live?")).send().json()
                    .get("trace").get("traceId").asText();
            JsonNode chat = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("message", "Where do I live?"))
                    .send().json();
            responseId = chat.get("traceId").asText();

            // Asked at once, before any flush: the node that made them answers from memory.
            TestHttp.Reply retrieval = http.get(BASE + "/traces/" + retrievalId).bearer(API_KEY).send();
            TestHttp.Reply response = http.get(BASE + "/traces/" + responseId).bearer(API_KEY).send();
            assertThat(retrieval.status()).isEqualTo(200);
            assertThat(response.status()).isEqualTo(200);
            assertThat(retrieval.json().get("kind").asText()).isEqualTo("retrieval");
            assertThat(response.json().get("kind").asText()).isEqualTo("response");
            retrievalBefore = retrieval.body();
            responseBefore = response.body();

            assertThat(http.post("/api/v1/contexts/other").bearer(MANAGEMENT_KEY).json(Map.of()).send().status()).isEqualTo(201);
            otherKey = http.post("/api/v1/contexts/other/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json()
                    .get("key").asText();
        }

        if (!TestServer.onPostgres()) { // on PostgreSQL the restart finds the database the data directory is mapped to
            assertThat(Files.exists(dataDir.resolve("spectron.db"))).isTrue();
        }
        try (TestServer restarted = TestServer.start(dataDir)) {
            TestHttp http = restarted.http();
            TestHttp.Reply retrieval = http.get(BASE + "/traces/" + retrievalId).bearer(API_KEY).send();
            TestHttp.Reply response = http.get(BASE + "/traces/" + responseId).bearer(API_KEY).send();

            assertThat(retrieval.status()).isEqualTo(200);
            assertThat(retrieval.header("Content-Type")).startsWith("application/json");
            assertThat(retrieval.body()).isEqualTo(retrievalBefore);
            assertThat(response.body()).isEqualTo(responseBefore);
            assertThat(http.get("/api/v1/other/traces/" + responseId).bearer(otherKey).send().status()).isEqualTo(404);
            assertThat(http.get("/api/v1/other/traces/" + retrievalId).bearer(otherKey).send().status()).isEqualTo(404);
        }
    }
}
