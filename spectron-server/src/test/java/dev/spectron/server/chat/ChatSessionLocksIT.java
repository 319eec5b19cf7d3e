package dev.spectron.server.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chats are serialised per session and only per session (issue 20 point 5): a chat whose response
 * model takes seconds holds up later chats on its own session, so each reply follows its own
 * question, and nothing else. The other session is picked to share a lock stripe with the slow one
 * under the former 256-stripe locks, where it waited for the whole slow call.
 */
class ChatSessionLocksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_PATH = "/v1/chat/completions";
    private static final int SLOW_MS = 3_000;
    private static final int OLD_STRIPES = 256;

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    private static String base;
    private static String key;

    @BeforeAll
    static void context() {
        String id = "locks" + System.nanoTime();
        Map<String, Object> config = Map.of("models", Map.of("response",
                Map.of("provider", "openai", "model", "gpt-4o-mini", "base_url", WIRE.baseUrl() + "/v1")));
        assertThat(http.post("/api/v1/contexts/" + id).bearer(MANAGEMENT_KEY).json(Map.of("config", config)).send().status()).isEqualTo(201);
        key = http.post("/api/v1/contexts/" + id + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send().json().get("key").asText();
        base = "/api/v1/" + id;
    }

    private static void stubModels() throws Exception {
        // The fast question wins when both are in the prompt (the second chat's history holds the first).
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(1).withRequestBody(containing("fast question"))
                .willReturn(completion("Fast answer.")));
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(2).withRequestBody(containing("slow question"))
                .willReturn(completion("Slow answer.").withFixedDelay(SLOW_MS)));
        WIRE.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(3).willReturn(completion("Warm.")));
    }

    @Test
    void a_slow_chat_on_one_session_leaves_a_chat_on_another_session_fast() throws Exception {
        stubModels();
        String slow = newSession();
        String other = sessionOnTheSameOldStripeAs(slow);
        chat(newSession(), "warm up"); // first retrieval and model client set up outside the measurement

        CompletableFuture<Integer> slowChat = CompletableFuture.supplyAsync(() -> chat(slow, "slow question"));
        awaitUserTurn(slow, "slow question"); // stored under the session's lock, which the model call still holds
        long start = System.nanoTime();
        int status = chat(other, "fast question");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(status).isEqualTo(200);
        assertThat(tookMs).as("a chat on another session waited for the slow one").isLessThan(SLOW_MS / 2);
        assertThat(slowChat.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void two_chats_on_one_session_run_one_after_the_other_each_reply_after_its_question() throws Exception {
        stubModels();
        String session = newSession();

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> chat(session, "slow question"));
        awaitUserTurn(session, "slow question");
        long start = System.nanoTime();
        int second = chat(session, "fast question");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(tookMs).as("the second chat waited for the first").isGreaterThan(SLOW_MS / 3);
        assertThat(transcript(session)).containsExactly("user: slow question", "assistant: Slow answer.", "user: fast question",
                "assistant: Fast answer.");
    }

    private static int chat(String session, String message) {
        return http.post(base + "/sessions/" + session + "/chat").bearer(key).json(Map.of("message", message)).send().status();
    }

    /** A session of its own user, so no other test's turns are retrieved into its prompts (the stubs match on prompt text). */
    private static String newSession() {
        return http.post(base + "/sessions").bearer(key).json(Map.of("scope", Map.of("user", "u" + System.nanoTime()))).send().json()
                .get("id").asText();
    }

    /** A new session whose lock stripe under the old {@code floorMod(hash(context + "\0" + session), 256)} is {@code session}'s. */
    private static String sessionOnTheSameOldStripeAs(String session) {
        String context = base.substring(base.lastIndexOf('/') + 1);
        int stripe = Math.floorMod((context + "\0" + session).hashCode(), OLD_STRIPES);
        for (int i = 0; i < OLD_STRIPES * 20; i++) {
            String candidate = newSession();
            if (Math.floorMod((context + "\0" + candidate).hashCode(), OLD_STRIPES) == stripe) {
                return candidate;
            }
        }
        throw new AssertionError("no session id on stripe " + stripe + " after " + OLD_STRIPES * 20 + " tries");
    }

    private static void awaitUserTurn(String session, String content) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!transcript(session).contains("user: " + content)) {
            assertThat(System.nanoTime()).as("the user turn '%s' was never stored", content).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static List<String> transcript(String session) {
        List<String> turns = new ArrayList<>();
        http.get(base + "/sessions/" + session + "/turns").bearer(key).send().json().get("turns")
                .forEach(t -> turns.add(t.get("role").asText() + ": " + t.get("content").asText()));
        return turns;
    }

    private static ResponseDefinitionBuilder completion(String content) throws Exception {
        var body = Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1741570283, "model", "gpt-4o-mini-2024-07-18",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 40, "completion_tokens", 6, "total_tokens", 46));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }
}
