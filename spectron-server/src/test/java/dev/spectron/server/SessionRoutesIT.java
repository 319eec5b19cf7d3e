package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionRoutesIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    @Test
    void key_value_scope_is_stored_in_both_forms() {
        Reply created = createSession(Map.of("scope", Map.of("user", "ada", "org", "acme"), "metadata", Map.of("channel", "web")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode session = created.json();
        assertThat(session.get("id").asText()).startsWith("sess_");
        assertThat(TestHttp.json(session.get("scopes"))).isEqualTo("[[\"org/acme/\",\"user/ada/\"]]");
        assertThat(session.get("scope").get("user").asText()).isEqualTo("ada");
        assertThat(session.get("scope").get("org").asText()).isEqualTo("acme");
        assertThat(session.get("metadata").get("channel").asText()).isEqualTo("web");

        JsonNode fetched = http.get("/api/v1/default/sessions/" + session.get("id").asText()).bearer(API_KEY).send().json();
        assertThat(fetched).isEqualTo(session);
    }

    @Test
    void dnf_scopes_are_canonicalised() {
        JsonNode session = createSession(Map.of("scopes", List.of(List.of("user/ada", "org/acme/"), List.of("team/eng")))).json();
        assertThat(TestHttp.json(session.get("scopes"))).isEqualTo("[[\"org/acme/\",\"user/ada/\"],[\"team/eng/\"]]");
        assertThat(session.has("scope")).isFalse();
    }

    @Test
    void flat_scope_list_means_or_and_no_scope_means_none() {
        assertThat(TestHttp.json(createSession(Map.of("scopes", List.of("org/acme", "user/bob"))).json().get("scopes")))
                .isEqualTo("[[\"org/acme/\"],[\"user/bob/\"]]");
        Reply bare = http.post("/api/v1/default/sessions").bearer(API_KEY).send();
        assertThat(bare.status()).isEqualTo(201);
        assertThat(bare.json().get("scopes")).isEmpty();
    }

    @Test
    void turns_get_increasing_seq_and_list_oldest_first() {
        String id = createSession(Map.of("scope", Map.of("user", "ada"))).json().get("id").asText();
        String[] roles = {"user", "assistant", "system", "tool", "user"};
        for (int i = 0; i < roles.length; i++) {
            Reply reply = appendTurn(id, Map.of("role", roles[i], "content", "message " + i));
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.json().get("turn").get("seq").asLong()).isEqualTo(i + 1);
        }
        JsonNode turns = http.get("/api/v1/default/sessions/" + id + "/turns?limit=2&offset=1").bearer(API_KEY).send().json().get("turns");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).get("seq").asLong()).isEqualTo(2);
        assertThat(turns.get(0).get("role").asText()).isEqualTo("assistant");
        assertThat(turns.get(1).get("content").asText()).isEqualTo("message 2");
        assertThat(http.get("/api/v1/default/sessions/" + id + "/turns").bearer(API_KEY).send().json().get("turns")).hasSize(5);
    }

    @Test
    void turn_response_carries_the_turn_and_the_memory_diff() {
        String id = createSession(Map.of("scope", Map.of("user", "ada"))).json().get("id").asText();
        JsonNode diff = appendTurn(id, Map.of("role", "user", "content", "I live in Lisbon")).json();
        assertThat(diff.get("turnId").asText()).startsWith("turn_").isEqualTo(diff.get("turn").get("id").asText());
        assertThat(diff.get("turn").get("sessionId").asText()).isEqualTo(id);
        assertThat(diff.get("turn").get("content").asText()).isEqualTo("I live in Lisbon");
        assertThat(diff.get("entities").findValuesAsText("path")).contains("person/ada", "location/lisbon");
        JsonNode home = diff.get("attributes").get(0);
        assertThat(home.get("key").asText()).isEqualTo("home");
        assertThat(home.get("value").asText()).isEqualTo("Lisbon");
        assertThat(home.get("entity").asText()).isEqualTo("person/ada");
        assertThat(home.get("source").get("ref").asText()).isEqualTo("turn:" + diff.get("turnId").asText());
        assertThat(home.get("source").get("span").get("end").asInt()).isPositive();
        assertThat(diff.get("relations").get(0).get("label").asText()).isEqualTo("lives_in");
        assertThat(diff.get("extraction").get("status").asText()).isEqualTo("ok");
        for (String list : List.of("instructions", "uncertainties", "corrections")) {
            assertThat(diff.get(list)).as(list).isNotNull().isEmpty();
        }
    }

    @Test
    void caller_timestamp_is_honoured() {
        String id = createSession(Map.of()).json().get("id").asText();
        JsonNode turn = appendTurn(id, Map.of("role", "user", "content", "hello", "ts", "2023-05-08T13:56:00+02:00")).json().get("turn");
        assertThat(turn.get("ts").asText()).isEqualTo("2023-05-08T11:56:00Z");
        assertThat(turn.get("createdAt").asText()).isNotEqualTo(turn.get("ts").asText());
        JsonNode listed = http.get("/api/v1/default/sessions/" + id + "/turns").bearer(API_KEY).send().json().get("turns").get(0);
        assertThat(listed).isEqualTo(turn);
    }

    @Test
    void deleted_session_is_gone_with_its_turns() {
        String id = createSession(Map.of()).json().get("id").asText();
        appendTurn(id, Map.of("role", "user", "content", "hello"));
        assertThat(http.delete("/api/v1/default/sessions/" + id).bearer(API_KEY).send().status()).isEqualTo(204);
        assertThat(http.get("/api/v1/default/sessions/" + id).bearer(API_KEY).send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/default/sessions/" + id + "/turns").bearer(API_KEY).send().status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/default/sessions/" + id).bearer(API_KEY).send().status()).isEqualTo(404);
    }

    @Test
    void sessions_list_newest_first() {
        String first = createSession(Map.of()).json().get("id").asText();
        String second = createSession(Map.of()).json().get("id").asText();
        JsonNode sessions = http.get("/api/v1/default/sessions?limit=500").bearer(API_KEY).send().json().get("sessions");
        List<String> ids = sessions.findValuesAsText("id");
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
    }

    static Reply createSession(Map<String, ?> body) {
        return http.post("/api/v1/default/sessions").bearer(API_KEY).json(body).send();
    }

    static Reply appendTurn(String sessionId, Map<String, ?> body) {
        return http.post("/api/v1/default/sessions/" + sessionId + "/turns").bearer(API_KEY).json(body).send();
    }
}
