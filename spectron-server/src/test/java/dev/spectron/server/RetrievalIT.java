package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads over HTTP with the real in-process embedding model: tiers, scopes, asOf, supersession, traces. */
class RetrievalIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    static final String BASE = "/api/v1/default";
    static String ada;
    static String bob;

    @BeforeAll
    static void conversation() {
        ada = session("ada");
        bob = session("bob");
        say(ada, "I live in Lisbon.", "2025-01-10T10:00:00Z");
        say(ada, "I adopted a puppy called Rex, a border collie.", "2025-02-01T10:00:00Z");
        say(ada, "We went hiking in the Alps with the hiking club last weekend.", "2025-03-03T10:00:00Z");
        say(ada, "I moved to Porto last month.", "2025-06-15T10:00:00Z");
        say(bob, "My secret project is called Bluebird.", "2025-06-16T10:00:00Z");
        say(bob, "I live in Madrid.", "2025-06-16T10:01:00Z");
    }

    @Test
    void a_question_naming_an_entity_and_a_key_it_has_is_answered_directly() {
        JsonNode reply = query(Map.of("query", "Where does Ada live?"));
        assertThat(reply.get("tier").asText()).isEqualTo("direct");
        assertThat(reply.get("seedEntities").toString()).contains("person/ada");
        JsonNode first = reply.get("hits").get(0);
        assertThat(first.get("source").asText()).isEqualTo("direct");
        assertThat(first.get("text").asText()).contains("Porto");
        assertThat(reply.get("hits").findValuesAsText("text")).noneMatch(t -> t.contains("Lisbon") && t.startsWith("Ada home"));
    }

    @Test
    void an_open_question_is_answered_by_fused_retrievers() {
        JsonNode reply = query(Map.of("query", "What kind of dog did someone get?", "k", 5));
        assertThat(reply.get("tier").asText()).isIn("hybrid", "full_context");
        assertThat(reply.get("hits").get(0).get("text").asText()).contains("puppy");
        assertThat(reply.get("hits").get(0).get("source").asText()).contains("vector");
        assertThat(reply.get("queryMs").asDouble()).isPositive();
    }

    @Test
    void a_user_scoped_fact_never_reaches_another_users_session_context() {
        JsonNode context = http.post(BASE + "/sessions/" + ada + "/context").bearer(API_KEY).json(Map.of("query", "What is the secret project called?"))
                .send().json();
        assertThat(context.get("context").asText()).doesNotContain("Bluebird").doesNotContain("Madrid");
        JsonNode bobs = http.get(BASE + "/sessions/" + bob + "/context?query=secret%20project").bearer(API_KEY).send().json();
        assertThat(bobs.get("context").asText()).contains("Bluebird");
        JsonNode lens = query(Map.of("query", "secret project Bluebird", "lens", List.of("user/ada")));
        assertThat(lens.get("hits").findValuesAsText("text")).noneMatch(t -> t.contains("Bluebird"));
    }

    @Test
    void superseded_facts_are_absent_from_the_context_but_replay_with_as_of() {
        String context = http.post(BASE + "/sessions/" + ada + "/context").bearer(API_KEY).json(Map.of("query", "Where does Ada live, Lisbon?"))
                .send().json().get("context").asText();
        assertThat(context).contains("home: Porto").doesNotContain("home: Lisbon");
        JsonNode past = query(Map.of("query", "Where does Ada live?", "asOf", "2025-03-01T00:00:00Z"));
        assertThat(past.get("hits").findValuesAsText("text")).anyMatch(t -> t.contains("home: Lisbon")).noneMatch(t -> t.contains("Porto"));
    }

    @Test
    void the_trace_says_which_tier_ran_and_why() {
        JsonNode reply = query(Map.of("query", "hiking club"));
        String traceId = reply.get("trace").get("traceId").asText();
        JsonNode trace = http.get(BASE + "/traces/" + traceId).bearer(API_KEY).send().json();
        assertThat(trace.get("resolutionTier").asText()).isEqualTo(reply.get("tier").asText());
        assertThat(trace.get("tierReason").asText()).isNotBlank();
        assertThat(trace.get("candidates").get("bm25").asInt()).isPositive();
        assertThat(trace.get("returned").size()).isEqualTo(reply.get("hits").size());
        assertThat(http.get(BASE + "/traces/trace_missing").bearer(API_KEY).send().status()).isEqualTo(404);
    }

    @Test
    void bad_reads_are_refused() {
        assertThat(http.post(BASE + "/query").bearer(API_KEY).json(Map.of("query", "x", "k", 51)).send().json().get("detail").asText())
                .contains("k must be between 1 and 50");
        assertThat(http.post(BASE + "/query").bearer(API_KEY).json(Map.of("query", "x", "mode", "magic")).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/query").bearer(API_KEY).json(Map.of("k", 3)).send().status()).isEqualTo(400);
        assertThat(http.get(BASE + "/sessions/" + ada + "/context").bearer(API_KEY).send().status()).isEqualTo(400);
        assertThat(http.get(BASE + "/sessions/sess_missing/context?query=x").bearer(API_KEY).send().status()).isEqualTo(404);
    }

    private static JsonNode query(Map<String, ?> body) {
        var reply = http.post(BASE + "/query").bearer(API_KEY).json(body).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String session(String user) {
        return http.post(BASE + "/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", user))).send().json().get("id").asText();
    }

    private static void say(String session, String text, String ts) {
        assertThat(http.post(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", text, "ts", ts))
                .send().status()).isEqualTo(201);
    }
}
