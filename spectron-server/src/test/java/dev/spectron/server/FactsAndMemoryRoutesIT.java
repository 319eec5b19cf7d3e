package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /facts}, {@code /facts/batch}, {@code /state}, {@code /profile} and {@code /entities...} over HTTP. */
class FactsAndMemoryRoutesIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    static final String BASE = "/api/v1/default";

    @Test
    void triples_write_attributes_and_relations_without_a_model() {
        Reply reply = facts(Map.of("infer", "triples", "scopes", List.of("user/tri"), "triples", List.of(
                Map.of("entity", Map.of("type", "product", "name", "SKU-001"), "key", "price", "value", "12 EUR"),
                Map.of("entity", Map.of("type", "product", "name", "SKU-001"), "key", "made_by",
                        "target", Map.of("type", "company", "name", "Acme"), "memory_category", "identity"))));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("mode").asText()).isEqualTo("triples");
        assertThat(body.get("sessionId").asText()).startsWith("sess_");
        JsonNode extraction = body.get("extraction");
        assertThat(extraction.get("attributes").get(0).get("value").asText()).isEqualTo("12 EUR");
        assertThat(extraction.get("attributes").get(0).get("source").get("kind").asText()).isEqualTo("upsert");
        assertThat(extraction.get("relations").get(0).get("object").asText()).isEqualTo("organisation/acme");
        assertThat(extraction.get("relations").get(0).get("subject").asText()).isEqualTo("product/sku-001");

        JsonNode entity = http.get(BASE + "/entities/product/SKU-001").bearer(API_KEY).send().json();
        assertThat(entity.get("attributes").findValuesAsText("key")).containsExactly("price");
        assertThat(entity.get("relations").findValuesAsText("label")).containsExactly("made_by");
    }

    @Test
    void infer_none_stores_the_text_without_extraction() {
        JsonNode body = facts(Map.of("infer", "none", "text", "Raw note: the launch moved to Q3.")).json();
        assertThat(body.get("mode").asText()).isEqualTo("none");
        assertThat(body.get("chunkId").asText()).isEqualTo(body.get("turnId").asText());
        assertThat(body.has("extraction")).isFalse();
        JsonNode turns = http.get(BASE + "/sessions/" + body.get("sessionId").asText() + "/turns").bearer(API_KEY).send().json().get("turns");
        assertThat(turns.get(0).get("content").asText()).isEqualTo("Raw note: the launch moved to Q3.");
    }

    @Test
    void preview_shows_the_diff_and_persists_nothing() {
        Reply preview = facts(Map.of("infer", "preview", "text", "Nothing here will be kept."));
        assertThat(preview.json().get("preview").asBoolean()).isTrue();
        assertThat(preview.json().has("turnId")).isFalse();
        assertThat(preview.json().get("extraction").get("extraction").get("status").asText()).isEqualTo("ok");
        String session = preview.json().get("sessionId").asText();
        assertThat(http.get(BASE + "/sessions/" + session).bearer(API_KEY).send().status()).isEqualTo(404);
    }

    @Test
    void facts_reject_bad_modes_and_missing_text() {
        assertThat(facts(Map.of("infer", "guess", "text", "x")).json().get("detail").asText()).contains("infer must be one of");
        assertThat(facts(Map.of("infer", "full")).json().get("detail").asText()).contains("'text' is required");
        assertThat(facts(Map.of("infer", "triples")).json().get("field").asText()).isEqualTo("triples");
        assertThat(facts(Map.of("text", "x", "memory_category", "emotion")).status()).isEqualTo(400);
        assertThat(facts(Map.of("text", "x", "session_id", "sess_nope")).status()).isEqualTo(404);
        assertThat(facts(Map.of("infer", "triples", "triples", List.of(Map.of("entity", Map.of("type", "person", "name", "X"), "key", "k"))))
                .json().get("detail").asText()).contains("either a value or a target");
    }

    @Test
    void batch_stores_every_message_in_order_in_one_session() {
        Reply reply = http.post(BASE + "/facts/batch").bearer(API_KEY).json(Map.of("scopes", List.of("user/batch"), "extract", "per_message",
                "messages", List.of(Map.of("role", "user", "content", "First.", "ts", "2023-05-08T13:56:00Z"),
                        Map.of("role", "assistant", "content", "Second."),
                        Map.of("role", "user", "content", "Third.")))).send();
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("turnIds")).hasSize(3);
        assertThat(body.get("extractions")).hasSize(3);
        JsonNode turns = http.get(BASE + "/sessions/" + body.get("sessionId").asText() + "/turns").bearer(API_KEY).send().json().get("turns");
        assertThat(turns.findValuesAsText("content")).containsExactly("First.", "Second.", "Third.");
        assertThat(turns.get(0).get("ts").asText()).isEqualTo("2023-05-08T13:56:00Z");

        Reply whole = http.post(BASE + "/facts/batch").bearer(API_KEY).json(Map.of("messages", List.of(
                Map.of("role", "user", "content", "One."), Map.of("role", "user", "content", "Two.")))).send();
        assertThat(whole.json().get("extractions")).hasSize(1);
        assertThat(http.post(BASE + "/facts/batch").bearer(API_KEY).json(Map.of("messages", List.of())).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/facts/batch").bearer(API_KEY).json(Map.of("extract", "sometimes", "messages",
                List.of(Map.of("role", "user", "content", "x")))).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/facts/batch").bearer(API_KEY).json(Map.of("messages",
                List.of(Map.of("role", "user", "content", "ok"), Map.of("role", "robot", "content", "x")))).send().status()).isEqualTo(400);
    }

    @Test
    void state_profile_entities_history_as_of_and_soft_delete() {
        String scope = "user/state";
        triple(scope, "Kim", "home", "Lisbon", "identity", "2026-01-01T00:00:00Z");
        triple(scope, "Kim", "likes", "jazz", "knowledge", "2026-01-02T00:00:00Z");
        triple(scope, "Kim", "home", "Porto", "identity", "2026-03-01T00:00:00Z");

        JsonNode state = http.get(BASE + "/state").bearer(API_KEY).send().json();
        assertThat(state.get("identity").get("attributes").findValuesAsText("value")).contains("Porto").doesNotContain("Lisbon");
        assertThat(state.get("knowledge").get("attributes").findValuesAsText("value")).contains("jazz");
        assertThat(state.has("instructions")).isTrue();
        assertThat(state.has("unknowns")).isTrue();
        assertThat(http.post(BASE + "/state").bearer(API_KEY).send().json()).isEqualTo(state);

        JsonNode profile = http.get(BASE + "/profile").bearer(API_KEY).send().json();
        assertThat(profile.get("static").findValuesAsText("value")).contains("Porto");
        assertThat(profile.get("preferences").findValuesAsText("value")).contains("jazz");

        assertThat(http.get(BASE + "/entities?type=person").bearer(API_KEY).send().json().get("entities").findValuesAsText("name")).contains("Kim");
        JsonNode history = http.get(BASE + "/entities/person/kim/history/home").bearer(API_KEY).send().json().get("history");
        assertThat(history.findValuesAsText("value")).containsExactly("Lisbon", "Porto");
        assertThat(history.get(0).get("supersededBy").asText()).isEqualTo(history.get(1).get("id").asText());

        JsonNode february = http.get(BASE + "/entities/person/kim?asOf=2026-02-01T00:00:00Z").bearer(API_KEY).send().json();
        assertThat(february.get("attributes").findValuesAsText("value")).containsExactlyInAnyOrder("Lisbon", "jazz");
        assertThat(http.get(BASE + "/entities/person/kim?asOf=2025-12-01T00:00:00Z").bearer(API_KEY).send().status()).isEqualTo(404);

        assertThat(http.delete(BASE + "/entities/person/kim").bearer(API_KEY).send().status()).isEqualTo(204);
        assertThat(http.get(BASE + "/entities/person/kim").bearer(API_KEY).send().status()).isEqualTo(404);
        assertThat(http.get(BASE + "/state").bearer(API_KEY).send().body()).doesNotContain("Porto");
        assertThat(http.get(BASE + "/entities/person/kim?asOf=2026-03-02T00:00:00Z").bearer(API_KEY).send().json()
                .get("attributes").findValuesAsText("value")).contains("Porto");
        assertThat(http.get(BASE + "/entities/person/nobody").bearer(API_KEY).send().status()).isEqualTo(404);
        assertThat(http.get(BASE + "/entities?limit=0").bearer(API_KEY).send().status()).isEqualTo(400);
        assertThat(http.get(BASE + "/entities/person/kim?asOf=yesterday").bearer(API_KEY).send().status()).isEqualTo(400);
    }

    private static void triple(String scope, String name, String key, String value, String category, String at) {
        Reply reply = facts(Map.of("infer", "triples", "scopes", List.of(scope), "observed_at", at, "triples", List.of(
                Map.of("entity", Map.of("type", "person", "name", name), "key", key, "value", value, "memory_category", category))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static Reply facts(Map<String, ?> body) {
        return http.post(BASE + "/facts").bearer(API_KEY).json(body).send();
    }
}
