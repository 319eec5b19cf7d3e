package dev.spectron.client;

import static dev.spectron.client.testing.FaultServer.delay;
import static dev.spectron.client.testing.FaultServer.hangUp;
import static dev.spectron.client.testing.FaultServer.problem;
import static dev.spectron.client.testing.FaultServer.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.client.testing.FaultServer;
import dev.spectron.client.testing.SharedServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors the real server does not produce on demand (403, 429, 5xx, timeouts, refused and cut
 * connections) and retry behaviour, through a fault-injecting proxy in front of the real server.
 */
@ExtendWith(SharedServer.class)
class FaultInjectionIT {
    private static final String SSE = "text/event-stream";
    private FaultServer faults;

    @BeforeEach
    void start() throws IOException {
        faults = new FaultServer(SharedServer.url());
    }

    @AfterEach
    void stop() {
        faults.close();
    }

    private Spectron client(int maxRetries) {
        return Spectron.builder().baseUrl(faults.url()).apiKey(SharedServer.apiKey()).maxRetries(maxRetries)
                .retryBaseDelay(Duration.ofMillis(10)).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void forbiddenIsPermissionDeniedAndNotRetried() {
        faults.then(problem(403, "forbidden", "scope org/other is outside memory:write", Map.of()));
        try (Spectron client = client(2)) {
            assertThatThrownBy(() -> client.memory("default").sessions().list()).isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.detail()).contains("outside memory:write");
                assertThat(e.requestId()).isEqualTo("req_fault");
            });
        }
        assertThat(faults.requests()).hasSize(1);
    }

    @Test
    void rateLimitCarriesRetryAfterWhenRetriesAreUsedUp() {
        faults.then(problem(429, "rate-limited", "slow down", Map.of("Retry-After", "1")));
        try (Spectron client = client(0)) {
            assertThatThrownBy(() -> client.memory("default").state()).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        }
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfterThenSucceeds() {
        faults.then(problem(429, "rate-limited", "slow down", Map.of("Retry-After", "1")));
        long started = System.nanoTime();
        try (Spectron client = client(2)) {
            assertThat(client.memory("default").profile()).isNotNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(faults.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreServerExceptions500NotRetried() {
        faults.then(problem(500, "internal", "boom", Map.of()));
        try (Spectron client = client(2)) {
            assertThatThrownBy(() -> client.memory("default").entities()).isInstanceOfSatisfying(ServerException.class,
                    e -> assertThat(e.status()).isEqualTo(500));
        }
        assertThat(faults.requests()).hasSize(1);
    }

    @Test
    void unavailableIsRetriedUpToMaxRetriesThenThrown() {
        faults.fallback(problem(503, "unavailable", "down", Map.of()));
        try (Spectron client = client(2)) {
            assertThatThrownBy(() -> client.memory("default").recall("x")).isInstanceOfSatisfying(ServerException.class,
                    e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(faults.requests()).hasSize(3);
    }

    @Test
    void modelFailureOfChatCarriesProviderAndUserTurn() {
        faults.then(raw(502, "application/problem+json", """
                {"type":"urn:spectron:problem:model-failed","title":"Model failed","status":502,"detail":"openai: invalid api key",
                 "message":"openai: invalid api key","provider":"openai","userTurnId":"turn_u1","sessionId":"sess_s1"}""", Map.of()));
        try (Spectron client = client(0)) {
            assertThatThrownBy(() -> client.memory("default").sessions().of("sess_s1").chat("hi")).isInstanceOfSatisfying(ServerException.class, e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.type()).isEqualTo("urn:spectron:problem:model-failed");
                assertThat(e.provider()).isEqualTo("openai");
                assertThat(e.userTurnId()).isEqualTo("turn_u1");
                assertThat(e.sessionId()).isEqualTo("sess_s1");
            });
        }
        assertThat(faults.requests().getFirst().path()).isEqualTo("/api/v1/default/sessions/sess_s1/chat");
        assertThat(faults.requests().getFirst().body()).isEqualTo("{\"message\":\"hi\"}");
    }

    @Test
    void slowServerIsATimeoutAndNotRetried() {
        faults.then(delay(Duration.ofSeconds(3)));
        try (Spectron client = Spectron.builder().baseUrl(faults.url()).apiKey("k").timeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.memory("default").state()).isInstanceOfSatisfying(RequestTimeoutException.class, e -> {
                assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
                assertThat(e.status()).isZero();
            });
        }
        assertThat(faults.requests()).hasSize(1);
    }

    @Test
    void refusedConnectionIsAConnectionErrorAfterRetries() {
        String url = faults.url();
        faults.close();
        try (Spectron client = Spectron.builder().baseUrl(url).apiKey("k").maxRetries(1).retryBaseDelay(Duration.ofMillis(5)).build()) {
            assertThatThrownBy(() -> client.memory("default").state()).isInstanceOf(ConnectionException.class).hasMessageContaining("GET");
        }
    }

    @Test
    void cutConnectionIsRetriedThenSucceeds() {
        faults.then(hangUp());
        try (Spectron client = client(2)) {
            assertThat(client.memory("default").sessions().list()).isNotNull();
        }
        assertThat(faults.requests()).hasSize(2);
    }

    @Test
    void writeRetriedAfterA503HappensOnce() {
        try (Spectron direct = SharedServer.client(); Spectron viaFaults = client(2)) {
            Session created = direct.memory("default").sessions().create(Scope.of("user", "retry"));
            faults.then(faults.forwardThenFail(503));
            Session session = viaFaults.memory("default").sessions().of(created.id());
            Diff diff = session.turn(Role.USER, "I live in Braga.");
            assertThat(diff.turnId()).startsWith("turn_");

            List<FaultServer.Recorded> requests = faults.requests();
            assertThat(requests).hasSize(2);
            String key = requests.get(0).header("Idempotency-Key");
            assertThat(key).as("writes carry a generated key").matches("[0-9a-f-]{36}");
            assertThat(requests.get(1).header("Idempotency-Key")).as("the retry reuses it").isEqualTo(key);
            assertThat(faults.upstreamStatuses()).containsExactly(201, 201);
            assertThat(faults.upstreamReplays()).as("the server replayed the stored response").containsExactly("", "true");
            assertThat(direct.memory("default").sessions().get(created.id()).turns()).singleElement()
                    .extracting(Turn::content).isEqualTo("I live in Braga.");
        }
    }

    @Test
    void withoutAutomaticKeysAWriteIsNotRetriedButACallerKeyIs() {
        faults.fallback(problem(503, "unavailable", "down", Map.of()));
        try (Spectron client = Spectron.builder().baseUrl(faults.url()).apiKey("k").autoIdempotencyKeys(false)
                .retryBaseDelay(Duration.ofMillis(5)).build()) {
            Session session = client.memory("default").sessions().of("sess_x");
            assertThatThrownBy(() -> session.turn(Role.USER, "hi")).isInstanceOf(ServerException.class);
            assertThat(faults.requests()).hasSize(1);
            assertThat(faults.requests().getFirst().header("Idempotency-Key")).isNull();
            assertThatThrownBy(() -> session.turn(TurnRequest.of(Role.USER, "hi").withIdempotencyKey("mine"))).isInstanceOf(ServerException.class);
            assertThat(faults.requests()).hasSize(1 + 3);
            assertThat(faults.requests().getLast().header("Idempotency-Key")).isEqualTo("mine");
        }
    }

    @Test
    void headersAuthAndReadsWithoutKeys() {
        try (Spectron client = client(0)) {
            client.memory("default").recall("anything");
        }
        FaultServer.Recorded request = faults.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + SharedServer.apiKey());
        assertThat(request.header("User-Agent")).startsWith("spectron-java/");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).as("reads are retryable without a key").isNull();
    }

    @Test
    void streamedErrorEventIsThrownFromTheIterator() {
        faults.then(raw(200, SSE, """
                data: {"delta":"Hel"}

                event: error
                data: {"type":"urn:spectron:problem:model-unavailable","status":503,"detail":"openai: timeout","provider":"openai","userTurnId":"turn_7"}

                """, Map.of()));
        try (Spectron client = client(0); ChatStream stream = client.memory("default").sessions().of("sess_1").chatStream("hi")) {
            var iterator = stream.iterator();
            assertThat(iterator.next().delta()).isEqualTo("Hel");
            assertThatThrownBy(iterator::hasNext).isInstanceOfSatisfying(ServerException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.provider()).isEqualTo("openai");
            });
        }
        FaultServer.Recorded request = faults.requests().getFirst();
        assertThat(request.header("Accept")).isEqualTo(SSE);
        assertThat(request.body()).isEqualTo("{\"message\":\"hi\",\"stream\":true}");
    }

    @Test
    void modelFailureBeforeStreamingIsAProblemResponse() {
        faults.then(problem(503, "model-unavailable", "openai: down", Map.of("Retry-After", "120")));
        try (Spectron client = client(2)) {
            assertThatThrownBy(() -> client.memory("default").chatStream("hi")).as("a Retry-After over 60 s is not waited for")
                    .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        }
        assertThat(faults.requests()).hasSize(1);
    }

    @Test
    void publisherDeliversChunksThenCompletes() throws InterruptedException {
        faults.then(raw(200, SSE, """
                data: {"delta":"a"}

                data: {"delta":"b"}

                event: done
                data: {"done":true,"reply":"ab","memoryUpdates":{},"sessionId":"sess_p","traceId":"trace_p"}

                """, Map.of()));
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        try (Spectron client = client(0)) {
            client.memory("default").chatPublisher(ChatRequest.of("hi").withSessionId("sess_p")).subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ChatChunk item) {
                    chunks.add(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    completed.countDown();
                }

                @Override
                public void onComplete() {
                    completed.countDown();
                }
            });
            assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(chunks).extracting(ChatChunk::delta).containsExactly("a", "b", "");
        assertThat(chunks.getLast().result().sessionId()).isEqualTo("sess_p");
        assertThat(faults.requests().getFirst().body()).contains("\"sessionId\":\"sess_p\"");
    }
}
