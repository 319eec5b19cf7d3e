package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.TestHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every acknowledged turn survives SIGKILL of the server process. */
class CrashRecoveryIT {
    private static final String KEY = "crash-test-key-1b2c3d";
    private static final Map<String, String> ENV = Map.of("SPECTRON_API_KEY", KEY, "SPECTRON_MANAGEMENT_API_KEY", "crash-mgmt-key");
    private static final int WRITERS = 6;
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Test
    void acknowledged_turns_survive_sigkill() throws Exception {
        List<String> sessions = new ArrayList<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // turn id -> content
        try (ServerProcess server = ServerProcess.start(dataDir, ENV)) {
            TestHttp http = new TestHttp(server.url());
            for (int i = 0; i < WRITERS; i++) {
                sessions.add(http.post("/api/v1/default/sessions").bearer(KEY).send().json().get("id").asText());
            }
            AtomicBoolean dead = new AtomicBoolean();
            CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < WRITERS; w++) {
                    String session = sessions.get(w);
                    int writer = w;
                    pool.submit(() -> {
                        // Keeps writing until the server dies, so the kill lands with requests in flight.
                        for (int i = 0; !dead.get(); i++) {
                            String content = "writer " + writer + " turn " + i;
                            try {
                                var reply = http.post("/api/v1/default/sessions/" + session + "/turns").bearer(KEY)
                                        .json(Map.of("role", "user", "content", content)).send();
                                if (reply.status() == 201) {
                                    acknowledged.put(reply.json().get("turnId").asText(), content);
                                    enoughAcks.countDown();
                                }
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                assertThat(enoughAcks.await(60, TimeUnit.SECONDS)).as("writers got %d acks", ACKS_BEFORE_KILL).isTrue();
                server.kill();
                dead.set(true);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ServerProcess restarted = ServerProcess.start(dataDir, ENV)) {
            TestHttp http = new TestHttp(restarted.url());
            Map<String, String> stored = new ConcurrentHashMap<>();
            for (String session : sessions) {
                List<Long> seqs = new ArrayList<>();
                for (int offset = 0; ; offset += 500) {
                    JsonNode page = http.get("/api/v1/default/sessions/" + session + "/turns?limit=500&offset=" + offset).bearer(KEY).send().json().get("turns");
                    page.forEach(turn -> {
                        stored.put(turn.get("id").asText(), turn.get("content").asText());
                        seqs.add(turn.get("seq").asLong());
                    });
                    if (page.size() < 500) {
                        break;
                    }
                }
                // No holes and no duplicates in the transcript.
                assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            }
            assertThat(stored).containsAllEntriesOf(acknowledged);
            assertThat(Collections.frequency(new ArrayList<>(stored.values()), "writer 0 turn 0")).isEqualTo(1);
        }
    }
}
