package dev.spectron.server.chat;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code session.chat()} on the embedded default: builtin response model, no key, no network. */
class ChatIT {
    private static final String BASE = "/api/v1/default";

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    @Test
    void a_fact_told_in_the_first_session_is_used_in_the_reply_of_the_third() {
        String first = session("grace");
        JsonNode told = chat(first, "Hi, I am Grace and I live in Lisbon.");
        assertThat(told.get("memory_updates").get("attributes").findValuesAsText("value")).contains("Lisbon");

        chat(session("grace"), "I had a long day at work today.");
        JsonNode third = chat(session("grace"), "Where do I live?");

        assertThat(third.get("reply").asText()).startsWith("[builtin, no LLM configured]").contains("Lisbon");
        JsonNode citation = third.get("citations").get(0);
        assertThat(citation.get("marker").asText()).isEqualTo("[S1]");
        assertThat(third.get("reply").asText()).contains("[S1]");
        assertThat(citation.get("snippet").asText()).contains("Lisbon");
        assertThat(citation.get("id").asText()).startsWith("doc_");
        assertThat(citation.get("occurredAt").asText()).isNotBlank();
    }

    @Test
    void both_turns_are_stored_in_order_and_the_reply_carries_ids_model_and_combined_diff() {
        String session = session("hedy");
        JsonNode reply = chat(session, "My name is Hedy and I work as an inventor.");

        List<JsonNode> turns = turns(session);
        assertThat(turns).extracting(t -> t.get("role").asText()).containsExactly("user", "assistant");
        assertThat(turns.get(0).get("id").asText()).isEqualTo(reply.get("turnId").asText());
        assertThat(turns.get(0).get("content").asText()).isEqualTo("My name is Hedy and I work as an inventor.");
        assertThat(turns.get(1).get("id").asText()).isEqualTo(reply.get("assistantTurnId").asText());
        assertThat(turns.get(1).get("content").asText()).isEqualTo(reply.get("reply").asText());
        assertThat(reply.get("sessionId").asText()).isEqualTo(session);
        assertThat(reply.get("model").asText()).isEqualTo("builtin/builtin");
        JsonNode diff = reply.get("memory_updates");
        assertThat(diff.get("attributes").findValuesAsText("key")).contains("name", "occupation");
        assertThat(diff.get("extraction").get("status").asText()).isEqualTo("ok");
        for (String list : List.of("entities", "attributes", "relations", "instructions", "uncertainties", "corrections")) {
            assertThat(diff.get(list).isArray()).as(list).isTrue();
        }
    }

    @Test
    void the_newer_route_creates_a_session_when_none_is_named_and_uses_camel_case() {
        JsonNode reply = http.post(BASE + "/chat").bearer(API_KEY)
                .json(Map.of("message", "I prefer tea over coffee.", "scopes", Map.of("user", "ida"))).send().json();

        String session = reply.get("sessionId").asText();
        assertThat(reply.has("memoryUpdates")).isTrue();
        assertThat(reply.has("memory_updates")).isFalse();
        JsonNode stored = http.get(BASE + "/sessions/" + session).bearer(API_KEY).send().json();
        assertThat(stored.get("scope").get("user").asText()).isEqualTo("ida");
        assertThat(turns(session)).hasSize(2);

        JsonNode next = http.post(BASE + "/chat").bearer(API_KEY).json(Map.of("message", "What do I drink?", "sessionId", session)).send().json();
        assertThat(next.get("sessionId").asText()).isEqualTo(session);
        assertThat(turns(session)).hasSize(4);
    }

    @Test
    void streaming_sends_deltas_then_a_done_frame_with_the_whole_response() {
        String session = session("joan");
        chat(session, "I live in Oslo.");

        TestHttp.Reply streamed = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY)
                .header("Accept", "text/event-stream").json(Map.of("message", "Where do I live?")).send();

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.header("Content-Type")).startsWith("text/event-stream");
        SseFrames frames = SseFrames.parse(streamed.body());
        assertThat(frames.deltas()).hasSizeGreaterThan(3);
        SseFrames.Frame done = frames.last();
        assertThat(done.event()).isEqualTo("done");
        assertThat(done.data().get("done").asBoolean()).isTrue();
        assertThat(frames.text()).isEqualTo(done.data().get("reply").asText()).contains("Oslo");
        assertThat(done.data().get("assistantTurnId").asText()).isEqualTo(turns(session).get(3).get("id").asText());
        assertThat(done.data().has("memory_updates")).isTrue();
        assertThat(done.data().get("citations").size()).isPositive();

        SseFrames viaFlag = SseFrames.parse(http.post(BASE + "/chat").bearer(API_KEY)
                .json(Map.of("message", "Hello", "sessionId", session, "stream", true)).send().body());
        assertThat(viaFlag.last().event()).isEqualTo("done");
        assertThat(viaFlag.last().data().has("memoryUpdates")).isTrue();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_replays_and_stores_nothing_twice() {
        String session = session("kate");
        TestHttp.Reply first = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).header("Idempotency-Key", "chat-kate-1")
                .json(Map.of("message", "I live in Rome.")).send();
        TestHttp.Reply again = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).header("Idempotency-Key", "chat-kate-1")
                .json(Map.of("message", "I live in Rome.")).send();

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(turns(session)).hasSize(2);

        TestHttp.Reply otherBody = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).header("Idempotency-Key", "chat-kate-1")
                .json(Map.of("message", "I live in Milan.")).send();
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(turns(session)).hasSize(2);
    }

    @Test
    void concurrent_chats_on_one_session_keep_each_reply_after_its_question() throws Exception {
        String session = session("lise");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String message = "Message number " + i + " about physics.";
            replies.add(pool.submit((Callable<JsonNode>) () -> chat(session, message)));
        }
        for (Future<JsonNode> reply : replies) {
            assertThat(reply.get().get("reply").asText()).isNotBlank();
        }
        pool.shutdown();

        List<JsonNode> turns = turns(session);
        assertThat(turns).hasSize(12);
        for (int i = 0; i < turns.size(); i += 2) {
            assertThat(turns.get(i).get("role").asText()).isEqualTo("user");
            assertThat(turns.get(i + 1).get("role").asText()).isEqualTo("assistant");
            String userTurnId = turns.get(i).get("id").asText();
            JsonNode reply = replies.stream().map(ChatIT::join).filter(r -> r.get("turnId").asText().equals(userTurnId)).findFirst().orElseThrow();
            assertThat(turns.get(i + 1).get("id").asText()).isEqualTo(reply.get("assistantTurnId").asText());
        }
    }

    @Test
    void the_response_trace_shows_the_prompt_the_model_and_the_steps() {
        String session = session("mary");
        chat(session, "I live in Paris.");
        JsonNode reply = chat(session, "Where do I live?");

        JsonNode trace = responseTrace(reply);

        assertThat(trace.get("kind").asText()).isEqualTo("response");
        assertThat(trace.get("model").asText()).isEqualTo("builtin/builtin");
        assertThat(trace.get("systemPrompt").asText()).contains("<memory trust=\"untrusted-data\">");
        assertThat(trace.get("messages").findValuesAsText("content")).containsExactly("I live in Paris.", turns(session).get(1).get("content").asText(),
                "Where do I live?");
        assertThat(trace.get("stepsMs").properties()).extracting(Map.Entry::getKey)
                .containsExactly("ingest_user", "retrieve", "model", "ingest_assistant");
        assertThat(trace.get("retrieval").get("kind").asText()).isEqualTo("retrieval");
        assertThat(trace.get("userTurnId").asText()).isEqualTo(reply.get("turnId").asText());
    }

    @Test
    void turns_sent_as_conversation_are_not_retrieved_again() {
        String session = session("nina");
        chat(session, "I keep bees in my garden.");
        JsonNode reply = chat(session, "Do I keep bees?");

        JsonNode trace = responseTrace(reply);
        assertThat(trace.get("systemPrompt").asText()).doesNotContain("I keep bees in my garden.").doesNotContain("Do I keep bees?");
    }

    @Test
    void in_the_caller_driven_loop_the_message_just_stored_is_not_its_own_context() {
        String session = session("rhea");
        http.post(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", "My cat is called Tom.")).send();
        http.post(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).json(Map.of("role", "user", "content", "What is my cat called?")).send();

        String context = http.post(BASE + "/sessions/" + session + "/context").bearer(API_KEY)
                .json(Map.of("query", "What is my cat called?")).send().json().get("context").asText();

        assertThat(context).contains("My cat is called Tom.").doesNotContain("What is my cat called?");
    }

    @Test
    void bad_requests_are_refused_before_anything_is_stored() {
        String session = session("olga");
        assertThat(http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("message", " ")).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("text", "hi")).send().status()).isEqualTo(400);
        assertThat(http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("message", "hi", "k", 0)).send().status())
                .isEqualTo(400);
        assertThat(http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("message", "hi", "stream", "yes")).send().status())
                .isEqualTo(400);
        TestHttp.Reply badModel = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY)
                .json(Map.of("message", "hi", "model", "nosuch/model")).send();
        assertThat(badModel.status()).isEqualTo(400);
        assertThat(badModel.json().get("field").asText()).isEqualTo("model");
        assertThat(http.post(BASE + "/sessions/sess_missing/chat").bearer(API_KEY).json(Map.of("message", "hi")).send().status()).isEqualTo(404);
        assertThat(http.post(BASE + "/chat").bearer("wrong-key").json(Map.of("message", "hi")).send().status()).isEqualTo(401);
        assertThat(turns(session)).isEmpty();
    }

    @Test
    void the_content_field_of_the_first_chat_api_is_accepted() {
        String session = session("pia");
        JsonNode reply = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("content", "Hello there")).send().json();
        assertThat(reply.get("reply").asText()).isNotBlank();
    }

    private static JsonNode join(Future<JsonNode> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String session(String user) {
        return http.post(BASE + "/sessions").bearer(API_KEY).json(Map.of("scope", Map.of("user", user))).send().json().get("id").asText();
    }

    static JsonNode chat(String session, String message) {
        TestHttp.Reply reply = http.post(BASE + "/sessions/" + session + "/chat").bearer(API_KEY).json(Map.of("message", message)).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonNode responseTrace(JsonNode chatReply) {
        return http.get(BASE + "/traces/" + chatReply.get("traceId").asText()).bearer(API_KEY).send().json();
    }

    static List<JsonNode> turns(String session) {
        List<JsonNode> turns = new ArrayList<>();
        http.get(BASE + "/sessions/" + session + "/turns").bearer(API_KEY).send().json().get("turns").forEach(turns::add);
        return turns;
    }
}
