package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatStreamTest {
    private static ChatStream stream(String sse) {
        return new ChatStream(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deltasThenTheFinalChunkWithTheFullResult() {
        ChatStream stream = stream("""
                : keep-alive

                data: {"delta":"Hello "}

                data: {"token":"Ada"}

                event: done
                data: {"done":true,"reply":"Hello Ada","memory_updates":{"entities":[{"id":"e1","name":"ada","entityType":"person"}]},
                data: "sessionId":"sess_1","turnId":"turn_1","assistantTurnId":"turn_2","traceId":"trace_1","model":"builtin/builtin",
                data: "citations":[{"marker":"[S1]","id":"doc_1","kind":"turn","score":0.5,"occurredAt":"2026-05-08T13:56:00Z"}]}

                """);
        List<ChatChunk> chunks = new ArrayList<>();
        stream.forEach(chunks::add);
        assertThat(chunks).extracting(ChatChunk::delta).containsExactly("Hello ", "Ada", "");
        assertThat(chunks).extracting(ChatChunk::done).containsExactly(false, false, true);
        ChatResult result = chunks.get(2).result();
        assertThat(result.reply()).isEqualTo("Hello Ada");
        assertThat(result.memoryUpdates().entities()).singleElement().extracting(Entity::name).isEqualTo("ada");
        assertThat(result.sessionId()).isEqualTo("sess_1");
        assertThat(result.assistantTurnId()).isEqualTo("turn_2");
        assertThat(result.citations()).singleElement().satisfies(c -> {
            assertThat(c.marker()).isEqualTo("[S1]");
            assertThat(c.occurredAt()).hasToString("2026-05-08T13:56:00Z");
        });
        assertThat(stream.result()).isSameAs(result);
        assertThat(stream.replySoFar()).isEqualTo("Hello Ada");
    }

    @Test
    void resultDrainsUnreadChunks() {
        ChatStream stream = stream("data: {\"delta\":\"a\"}\n\ndata: {\"delta\":\"b\"}\n\ndata: {\"done\":true,\"memoryUpdates\":{}}\n\n");
        ChatResult result = stream.result();
        assertThat(result.reply()).isEqualTo("ab");
        assertThat(result.memoryUpdates().isEmpty()).isTrue();
    }

    @Test
    void doneSentinelEndsTheStreamWithTheAccumulatedReply() {
        List<ChatChunk> chunks = stream("data: {\"delta\":\"x\"}\n\ndata: [DONE]\n\n").stream().toList();
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).done()).isTrue();
        assertThat(chunks.get(1).result().reply()).isEqualTo("x");
    }

    @Test
    void errorEventIsThrownAsTheMappedProblem() {
        ChatStream stream = stream("""
                data: {"delta":"partial"}

                event: error
                data: {"type":"urn:spectron:problem:model-failed","status":502,"detail":"openai: refused","provider":"openai","userTurnId":"turn_9"}

                """);
        var iterator = stream.iterator();
        assertThat(iterator.next().delta()).isEqualTo("partial");
        assertThatThrownBy(iterator::hasNext).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.provider()).isEqualTo("openai");
            assertThat(e.userTurnId()).isEqualTo("turn_9");
        });
    }

    @Test
    void streamCutShortIsAConnectionError() {
        ChatStream stream = stream("data: {\"delta\":\"a\"}\n\n");
        var iterator = stream.iterator();
        iterator.next();
        assertThatThrownBy(iterator::hasNext).isInstanceOf(ConnectionException.class).hasMessageContaining("before its final event");
    }

    @Test
    void iteratedOnce() {
        ChatStream stream = stream("data: [DONE]\n\n");
        stream.iterator();
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedEarlyEndsIteration() {
        ChatStream stream = stream("data: {\"delta\":\"a\"}\n\ndata: {\"delta\":\"b\"}\n\n");
        var iterator = stream.iterator();
        iterator.next();
        stream.close();
        assertThat(iterator.hasNext()).isFalse();
    }
}
