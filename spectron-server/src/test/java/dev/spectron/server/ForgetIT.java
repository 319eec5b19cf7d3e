package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /forget} over HTTP: soft retire, dry run, purge, references, idempotency, isolation. Each test has words of its own. */
class ForgetIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    static final String BASE = "/api/v1/default";

    @Test
    void soft_forget_hides_a_fact_from_every_read_but_history_and_transcript_keep_it() {
        String session = session("ada");
        say(session, "I am allergic to peanuts.");
        say(session, "I live in Lisbon.");
        assertThat(get("/state").body()).contains("peanuts");
        assertThat(get("/profile").body()).contains("peanuts");
        assertThat(query("peanuts allergy")).anyMatch(t -> t.contains("peanuts"));
        assertThat(context(session, "peanuts")).contains("peanuts");

        JsonNode forgot = forget(Map.of("query", "peanuts"), null).json();
        assertThat(forgot.get("deleted").asInt()).isEqualTo(forgot.get("ids").size()).isGreaterThanOrEqualTo(2);
        assertThat(forgot.get("ids").toString()).contains("attr_").contains("turn_");
        assertThat(forgot.has("dryRun")).isFalse();

        assertThat(get("/state").body()).doesNotContain("peanuts").contains("Lisbon");
        assertThat(get("/profile").body()).doesNotContain("peanuts").contains("Lisbon");
        assertThat(query("peanuts allergy")).noneMatch(t -> t.contains("peanuts"));
        assertThat(context(session, "peanuts")).doesNotContain("peanuts");
        JsonNode history = get("/entities/person/ada/history/allergy").json().get("history");
        assertThat(history.findValuesAsText("value")).contains("peanuts");
        assertThat(history.get(0).get("validUntil")).isNotNull();
        assertThat(get("/sessions/" + session + "/turns").body()).contains("I am allergic to peanuts.");
        assertThat(forget(Map.of("query", "peanuts"), null).json().get("deleted").asInt()).isZero();
    }

    @Test
    void instructions_are_forgotten_by_their_words() {
        String session = session("bo");
        say(session, "Always answer in haiku form.");
        assertThat(get("/state").json().get("instructions").toString()).contains("haiku");
        assertThat(forget(Map.of("query", "haiku"), null).json().get("ids").toString()).contains("ins_");
        assertThat(get("/state").json().get("instructions").toString()).doesNotContain("haiku");
        assertThat(context(session, "how should you answer")).doesNotContain("haiku");
    }

    @Test
    void a_dry_run_counts_and_writes_nothing() {
        triple("person", "Cy", "favourite_colour", "tangerine", "2026-01-01T00:00:00Z");
        JsonNode soft = forget(Map.of("query", "tangerine", "dryRun", true), null).json();
        assertThat(soft.get("deleted").asInt()).isEqualTo(1);
        assertThat(soft.get("dryRun").asBoolean()).isTrue();
        JsonNode purge = forget(Map.of("query", "tangerine", "dryRun", true, "purge", true), "dry-key").json();
        assertThat(purge.get("deleted").asInt()).isEqualTo(1);
        assertThat(get("/state").body()).contains("tangerine");
        // The dry run kept no idempotency record either: its key is free for a real forget.
        assertThat(forget(Map.of("query", "tangerine"), "dry-key").json().get("deleted").asInt()).isEqualTo(1);
        assertThat(get("/state").body()).doesNotContain("tangerine");
    }

    @Test
    void purge_erases_the_fact_its_history_its_documents_and_matching_turns() throws SQLException {
        triple("person", "Dee", "home", "Oslo", "2025-01-01T00:00:00Z");
        triple("person", "Dee", "home", "Bergen", "2025-06-01T00:00:00Z");
        JsonNode history = get("/entities/person/dee/history/home").json().get("history");
        List<String> attributeIds = history.findValuesAsText("id");
        assertThat(history.findValuesAsText("value")).containsExactly("Oslo", "Bergen");
        List<String> docIds = column("SELECT id FROM search_docs WHERE ref_id IN (?, ?)", attributeIds.toArray());
        assertThat(docIds).hasSize(2);
        String session = http.post(BASE + "/facts").bearer(API_KEY).json(Map.of("infer", "none", "text", "My locker code at Bergen station is 4512."))
                .send().json().get("sessionId").asText();

        // A soft forget first: a purge still finds what it retired.
        // Home pairs with lives_in (issue 16): the attribute, the relation and the place's entity.
        assertThat(forget(Map.of("query", "Bergen"), null).json().get("deleted").asInt()).isEqualTo(3);
        JsonNode purged = forget(Map.of("query", "Bergen", "purge", true), null).json();
        List<String> ids = new ArrayList<>();
        purged.get("ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsAll(attributeIds).anyMatch(id -> id.startsWith("turn_")).hasSize(5)
                .filteredOn(id -> id.startsWith("rel_")).hasSize(2);

        assertThat(get("/entities/person/dee/history/home").json().get("history")).isEmpty();
        assertThat(get("/sessions/" + session + "/turns").json().get("turns")).isEmpty();
        // The places stay entities of their own ("Bergen (location)"); a purge erases facts, not the entities they pointed at.
        assertThat(column("SELECT id FROM search_docs WHERE (id IN (?, ?) OR text LIKE '%Bergen%' OR text LIKE '%Oslo%') AND kind <> 'entity'",
                docIds.toArray())).isEmpty();
        assertThat(column("SELECT doc_id FROM embeddings WHERE doc_id IN (?, ?)", docIds.toArray())).isEmpty();
        assertThat(column("SELECT ref_id FROM changes WHERE kind = 'MEMORY_PURGED'")).containsAll(ids);
        assertThat(column("SELECT ref_id FROM changes WHERE kind = 'DOCS_DELETED'")).containsAll(docIds);
        assertThat(forget(Map.of("query", "Bergen", "purge", true), null).json().get("deleted").asInt()).isZero();
    }

    @Test
    void an_entity_reference_forgets_one_key_or_the_whole_entity() {
        triple("person", "Gus", "home", "Quito", "2026-01-01T00:00:00Z");
        triple("person", "Gus", "likes", "chess", "2026-01-02T00:00:00Z");
        String before = java.time.Instant.now().toString();
        assertThat(forget(Map.of("query", "person/gus/likes"), null).json().get("deleted").asInt()).isEqualTo(1);
        assertThat(get("/entities/person/gus").json().get("attributes").findValuesAsText("value")).containsExactly("Quito");

        // Gus's home and the lives_in edge that pairs with it (issue 16), and Gus.
        assertThat(forget(Map.of("query", "person/Gus"), null).json().get("deleted").asInt()).isEqualTo(3);
        assertThat(get("/entities/person/gus").status()).isEqualTo(404);
        assertThat(get("/state").body()).doesNotContain("Quito");
        assertThat(get("/entities/person/gus?asOf=" + before).json().get("attributes").findValuesAsText("value"))
                .containsExactlyInAnyOrder("Quito", "chess");

        // Both attributes, the lives_in edge and Gus.
        assertThat(forget(Map.of("query", "person/gus", "purge", true), null).json().get("deleted").asInt()).isEqualTo(4);
        assertThat(get("/entities/person/gus?asOf=" + before).status()).isEqualTo(404);
        assertThat(forget(Map.of("query", "person/nobody"), null).json().get("deleted").asInt()).isZero();
    }

    @Test
    void a_missing_empty_or_wordless_query_is_400() {
        assertThat(forget(Map.of("query", ""), null).status()).isEqualTo(400);
        assertThat(forget(Map.of("purge", true), null).json().get("field").asText()).isEqualTo("query");
        assertThat(forget(Map.of("query", "what is the"), null).json().get("detail").asText()).contains("no word to match");
        assertThat(forget(Map.of("query", 42), null).status()).isEqualTo(400);
        assertThat(forget(Map.of("query", "zebra", "purge", "yes"), null).json().get("field").asText()).isEqualTo("purge");
        assertThat(http.post(BASE + "/forget").bearer(API_KEY).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/forget").json(Map.of("query", "zebra")).send().status()).isEqualTo(401);
    }

    @Test
    void another_contexts_memory_is_untouched() {
        http.post("/api/v1/contexts/other").bearer(MANAGEMENT_KEY).send();
        String otherKey = http.post("/api/v1/contexts/other/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        Map<String, Object> fact = triples("person", "Eve", "allergy", "shellfish", "2026-01-01T00:00:00Z");
        assertThat(http.post("/api/v1/other/facts").bearer(otherKey).json(fact).send().status()).isEqualTo(200);
        assertThat(http.post(BASE + "/facts").bearer(API_KEY).json(fact).send().status()).isEqualTo(200);

        assertThat(forget(Map.of("query", "shellfish", "purge", true), null).json().get("deleted").asInt()).isEqualTo(1);
        assertThat(forget(Map.of("query", "person/eve", "purge", true), null).json().get("deleted").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/other/state").bearer(otherKey).send().body()).contains("shellfish");
        assertThat(http.get("/api/v1/other/entities/person/eve/history/allergy").bearer(otherKey).send().json().get("history")).hasSize(1);
        assertThat(http.post("/api/v1/other/forget").bearer(API_KEY).json(Map.of("query", "shellfish")).send().status()).isEqualTo(401);
    }

    @Test
    void an_idempotency_key_replays_the_first_outcome_and_forgets_nothing_more() {
        triple("person", "Fay", "likes", "marzipan", "2026-01-01T00:00:00Z");
        Reply first = forget(Map.of("query", "marzipan"), "forget-1");
        assertThat(first.json().get("deleted").asInt()).isEqualTo(1);
        triple("person", "Fay", "dislikes", "marzipan", "2026-01-02T00:00:00Z");

        Reply replay = forget(Map.of("query", "marzipan"), "forget-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(get("/state").body()).contains("marzipan");
        assertThat(forget(Map.of("query", "marzipan", "purge", true), "forget-1").status()).isEqualTo(409);
        assertThat(forget(Map.of("query", "marzipan"), "forget-2").json().get("deleted").asInt()).isEqualTo(1);
        assertThat(get("/state").body()).doesNotContain("marzipan");
    }

    private static Reply forget(Map<String, ?> body, String idempotencyKey) {
        var call = http.post(BASE + "/forget").bearer(API_KEY);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.json(body).send();
    }

    private static Reply get(String path) {
        return http.get(BASE + path).bearer(API_KEY).send();
    }

    private static List<String> query(String text) {
        Reply reply = http.post(BASE + "/query").bearer(API_KEY).json(Map.of("query", text, "k", 10)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("hits").findValuesAsText("text");
    }

    private static String context(String session, String text) {
        Reply reply = http.post(BASE + "/sessions/" + session + "/context").bearer(API_KEY).json(Map.of("query", text)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("context").asText();
    }

    private static String session(String user) {
        return http.post(BASE + "/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", user))).send().json().get("id").asText();
    }

    private static void say(String session, String text) {
        Reply reply = http.post(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", text)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static void triple(String type, String name, String key, String value, String at) {
        Reply reply = http.post(BASE + "/facts").bearer(API_KEY).json(triples(type, name, key, value, at)).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static Map<String, Object> triples(String type, String name, String key, String value, String at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("infer", "triples");
        body.put("observed_at", at);
        body.put("triples", List.of(Map.of("entity", Map.of("type", type, "name", name), "key", key, "value", value, "memory_category", "identity")));
        return body;
    }

    /** Reads the server's database directly: what the API no longer shows must be gone from disk too. */
    private static List<String> column(String sql, Object... params) throws SQLException {
        try (Connection db = database(SERVER.server().server().config());
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static Connection database(ServerConfig config) throws SQLException {
        return config.postgres() == null ? DriverManager.getConnection("jdbc:sqlite:" + config.databaseFile())
                : DriverManager.getConnection(config.postgres().jdbcUrl(), config.postgres().user(), config.postgres().password());
    }
}
