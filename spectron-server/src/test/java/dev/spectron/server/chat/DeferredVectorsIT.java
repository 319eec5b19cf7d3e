package dev.spectron.server.chat;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.server.SpectronServer;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat stores its turns without waiting for the embedding model; their vectors follow in the
 * background, and a restart embeds whatever a stopped process left without one.
 */
class DeferredVectorsIT {
    @TempDir
    Path dataDir;

    @Test
    void a_chats_turns_become_findable_by_vector_right_after_it() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            TestHttp http = server.http();
            String session = http.post("/api/v1/default/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", "rosa"))).send()
                    .json().get("id").asText();
            JsonNode reply = http.post("/api/v1/default/sessions/" + session + "/chat").bearer(API_KEY)
                    .json(Map.of("message", "My grandmother grows purple tomatoes in Dublin.")).send().json();

            assertThat(eventuallyFoundByVector(http, "grandmother purple tomatoes", reply.get("turnId").asText())).isTrue();
        }
    }

    @Test
    void a_restart_embeds_documents_left_without_a_vector() throws Exception {
        String session = newSession();
        storedWhileStopped(tx -> tx.search().insert(ContextId.DEFAULT, turnDoc("turn_left", session,
                "rosa: The lighthouse keeper painted his boat bright orange.")));
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(eventuallyFoundByVector(server.http(), "lighthouse keeper boat colour", "turn_left")).isTrue();
        }
    }

    @Test
    void a_restart_re_embeds_documents_whose_only_vector_is_from_the_former_default_model() throws Exception {
        String session = newSession();
        float[] formerVector = new float[384];
        formerVector[0] = 1;
        storedWhileStopped(tx -> {
            tx.search().insert(ContextId.DEFAULT, turnDoc("turn_former", session, "rosa: My grandmother grows purple tomatoes on her balcony."));
            tx.search().putEmbedding(ContextId.DEFAULT, "doc_turn_former", "onnx/bge-small-en-v1.5", formerVector);
        });
        assertThat(EmbeddingSpec.DEFAULT).isNotEqualTo("onnx/bge-small-en-v1.5");
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(eventuallyFoundByVector(server.http(), "grandmother tomatoes balcony", "turn_former")).isTrue();
        }
    }

    /** A session of user rosa, created through a server that is stopped again. */
    private String newSession() {
        try (TestServer server = TestServer.start(dataDir)) {
            return server.http().post("/api/v1/default/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", "rosa"))).send()
                    .json().get("id").asText();
        }
    }

    /** Writes straight into the database while no server runs, as a stopped process may have left it. */
    private void storedWhileStopped(Consumer<StoreTransaction> write) {
        try (MemoryStore store = SpectronServer.openStore(TestServer.config(dataDir))) {
            store.write(tx -> {
                write.accept(tx);
                return null;
            });
        }
    }

    private static SearchDoc turnDoc(String turnId, String session, String text) {
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        return new SearchDoc("doc_" + turnId, SearchDoc.Kind.TURN, turnId, session, turnId, "user", "rosa", text, ScopeSet.NONE, 0.5, at, at);
    }

    private static boolean eventuallyFoundByVector(TestHttp http, String query, String turnId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode hits = http.post("/api/v1/default/query").bearer(API_KEY).json(Map.of("query", query, "mode", "vector", "k", 5)).send()
                    .json().get("hits");
            for (JsonNode hit : hits) {
                if (turnId.equals(hit.path("turnId").asText()) && "turn".equals(hit.path("kind").asText())) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
