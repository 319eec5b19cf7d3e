package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.client.testing.SharedServer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Chat against the real server's builtin response model. */
@ExtendWith(SharedServer.class)
class ChatIT {
    private static Spectron client;
    private static Memory memory;

    @BeforeAll
    static void connect() {
        client = SharedServer.client();
        memory = client.memory("default");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Session session() {
        return memory.sessions().create(Scope.of("user", "c" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void sessionChatRepliesAndReportsMemoryUpdates() {
        Session session = session();
        ChatResult first = session.chat("I have a dog named Rex.");
        assertThat(first.reply()).isNotBlank();
        assertThat(first.sessionId()).isEqualTo(session.id());
        assertThat(first.turnId()).startsWith("turn_");
        assertThat(first.assistantTurnId()).startsWith("turn_").isNotEqualTo(first.turnId());
        assertThat(first.traceId()).isNotBlank();
        assertThat(first.memoryUpdates().isEmpty()).as("the dog is extracted").isFalse();

        ChatResult second = session.chat("What is my dog called?");
        assertThat(second.reply()).isNotBlank();
        assertThat(session.turns()).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(session.context("dog").context()).contains("Rex");
    }

    @Test
    void streamedChatDeliversDeltasThenTheFullResult() {
        Session session = session();
        List<ChatChunk> chunks;
        try (ChatStream stream = session.chatStream("Tell me something about my memory.")) {
            chunks = stream.stream().toList();
        }
        assertThat(chunks.size()).isGreaterThan(2);
        ChatChunk last = chunks.getLast();
        assertThat(last.done()).isTrue();
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.done()).isFalse());
        String joined = String.join("", chunks.stream().map(ChatChunk::delta).toList());
        assertThat(last.result().reply()).isEqualTo(joined);
        assertThat(last.result().sessionId()).isEqualTo(session.id());
        assertThat(last.result().assistantTurnId()).startsWith("turn_");
        assertThat(session.turns()).hasSize(2);
    }

    @Test
    void streamResultWithoutIteratingAndAsync() {
        Session session = session();
        try (ChatStream stream = session.chatStreamAsync(ChatRequest.of("Hello there.")).join()) {
            assertThat(stream.result().reply()).isNotBlank();
        }
        assertThat(session.chatAsync(ChatRequest.of("And again.")).join().reply()).isNotBlank();
    }

    @Test
    void memoryChatCreatesOrContinuesASession() {
        ChatResult created = memory.chat(ChatRequest.of("I am learning the cello.").withScope(Scope.of("user", "cellist")));
        assertThat(created.sessionId()).startsWith("sess_");
        assertThat(created.reply()).isNotBlank();
        ChatResult continued = memory.chat(ChatRequest.of("What instrument am I learning?").withSessionId(created.sessionId()));
        assertThat(continued.sessionId()).isEqualTo(created.sessionId());
        assertThat(memory.sessions().get(created.sessionId()).turns()).hasSize(4);

        ChatResult streamed = memory.chatStream(ChatRequest.of("Thanks!").withSessionId(created.sessionId())).result();
        assertThat(streamed.sessionId()).isEqualTo(created.sessionId());
    }

    @Test
    void chatRetriedWithTheSameKeyStoresTheTurnsOnce() {
        Session session = session();
        String key = "chat-" + UUID.randomUUID();
        ChatResult first = session.chat(ChatRequest.of("My favourite fruit is mango.").withIdempotencyKey(key));
        ChatResult replay = session.chat(ChatRequest.of("My favourite fruit is mango.").withIdempotencyKey(key));
        assertThat(replay.turnId()).isEqualTo(first.turnId());
        assertThat(session.turns()).hasSize(2);
    }

    @Test
    void publisherAgainstTheRealServer() throws InterruptedException {
        Session session = session();
        List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        session.chatPublisher("Hello!").subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ChatChunk item) {
                chunks.add(item);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(chunks.getLast().done()).isTrue();
        assertThat(chunks.getLast().result().reply()).isNotBlank();
    }
}
