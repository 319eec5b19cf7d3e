package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing the embedding model re-embeds every document instead of mixing vectors of two models. */
class ReembeddingIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    @Test
    void a_new_embedding_model_re_embeds_every_document_and_vector_search_keeps_working() throws Exception {
        String session = http.post("/api/v1/default/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", "ada"))).send().json().get("id").asText();
        for (String text : new String[] {"I adopted a puppy called Rex.", "I live in Lisbon.", "We went sailing on the Tagus."}) {
            assertThat(http.post("/api/v1/default/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", text))
                    .send().status()).isEqualTo(201);
        }

        var patched = http.patch("/api/v1/contexts/default").bearer(MANAGEMENT_KEY)
                .json(Map.of("config", Map.of("models", Map.of("embedding", "onnx/all-minilm-l6-v2-q")))).send();
        assertThat(patched.status()).isEqualTo(200);

        JsonNode progress = waitForJob();
        assertThat(progress.get("model").asText()).isEqualTo("onnx/all-minilm-l6-v2-q");
        assertThat(progress.get("status").asText()).isEqualTo("done");
        assertThat(progress.get("done").asInt()).isEqualTo(progress.get("total").asInt()).isGreaterThanOrEqualTo(3);

        JsonNode hits = http.post("/api/v1/default/query").bearer(API_KEY).json(Map.of("query", "a young dog", "mode", "vector", "k", 3))
                .send().json().get("hits");
        assertThat(hits.get(0).get("text").asText()).as(hits.toString()).contains("puppy");

        // a later run finds nothing left to do
        assertThat(http.post("/api/v1/contexts/default/lifecycle/reindex").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(202);
        assertThat(waitForJob().get("done").asInt()).isZero();
    }

    @Test
    void an_unknown_embedding_model_is_refused_when_configured() {
        var refused = http.patch("/api/v1/contexts/default").bearer(MANAGEMENT_KEY)
                .json(Map.of("config", Map.of("models", Map.of("embedding", "onnx/word2vec")))).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("config.models.embedding");
    }

    private static JsonNode waitForJob() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode progress = http.get("/api/v1/contexts/default/lifecycle/reindex").bearer(MANAGEMENT_KEY).send().json();
            if (!progress.get("status").asText().equals("running")) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("re-embedding did not finish in 60 s");
    }
}
