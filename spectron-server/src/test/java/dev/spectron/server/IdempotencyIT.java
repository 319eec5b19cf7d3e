package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();
    String session;

    @BeforeEach
    void newSession() {
        session = http.post("/api/v1/default/sessions").bearer(API_KEY).send().json().get("id").asText();
    }

    @Test
    void same_key_and_body_replays_the_stored_response() {
        Reply first = append("key-1", "hello");
        Reply second = append("key-1", "hello");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(turnCount()).isEqualTo(1);
    }

    @Test
    void same_key_with_another_body_is_409_and_writes_nothing() {
        append("key-2", "hello");
        Reply conflict = append("key-2", "something else");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asText()).isEqualTo("urn:spectron:problem:conflict");
        assertThat(conflict.json().get("detail").asText()).contains("key-2");
        assertThat(turnCount()).isEqualTo(1);
    }

    @Test
    void different_keys_are_different_writes() {
        append("key-3", "hello");
        append("key-4", "hello");
        append(null, "hello");
        assertThat(turnCount()).isEqualTo(3);
    }

    @Test
    void a_failed_write_does_not_consume_the_key() {
        Reply failed = http.post("/api/v1/default/sessions/sess_missing/turns").bearer(API_KEY)
                .header("Idempotency-Key", "key-5").json(Map.of("role", "user", "content", "hello")).send();
        assertThat(failed.status()).isEqualTo(404);
        assertThat(append("key-5", "hello").status()).isEqualTo(201);
        assertThat(turnCount()).isEqualTo(1);
    }

    @Test
    void session_creation_is_idempotent_too() {
        Reply first = http.post("/api/v1/default/sessions").bearer(API_KEY).header("Idempotency-Key", "sess-key").json(Map.of("scope", Map.of("user", "ada"))).send();
        Reply second = http.post("/api/v1/default/sessions").bearer(API_KEY).header("Idempotency-Key", "sess-key").json(Map.of("scope", Map.of("user", "ada"))).send();
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    }

    @Test
    void concurrent_duplicates_store_one_turn() throws Exception {
        List<Reply> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> append("key-burst", "same message")));
            }
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        }
        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
        assertThat(turnCount()).isEqualTo(1);
    }

    private Reply append(String key, String content) {
        var call = http.post("/api/v1/default/sessions/" + session + "/turns").bearer(API_KEY);
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.json(Map.of("role", "user", "content", content)).send();
    }

    private int turnCount() {
        return http.get("/api/v1/default/sessions/" + session + "/turns").bearer(API_KEY).send().json().get("turns").size();
    }
}
