package dev.spectron.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed chat reply: an open {@code text/event-stream} response read chunk by chunk.
 *
 * <p>Iterate it (or {@link #stream()}) to receive {@link ChatChunk}s as the model produces them:
 * every chunk but the last carries reply text in {@link ChatChunk#delta()}; the last one has
 * {@link ChatChunk#done()} {@code == true} and the full {@link ChatResult} (reply, memory updates,
 * citations, ids) in {@link ChatChunk#result()}. {@link #result()} returns that same result,
 * reading (and discarding) whatever chunks were not consumed yet. Close it (try-with-resources)
 * to release the connection early; it closes itself after the final chunk.
 *
 * <p>Failures: a model failure after streaming began arrives as an {@code event: error} and is
 * thrown from the iterator as the mapped {@link SpectronApiException} (usually a
 * {@link ServerException} with {@code provider} and {@code userTurnId}); a connection that ends
 * before the final event throws {@link ConnectionException}. Reading has no timeout once the
 * response has started (the request timeout covers the wait for the response headers).
 *
 * <p>Not thread-safe: consume it from one thread. It can be iterated once.
 */
public final class ChatStream implements Iterable<ChatChunk>, AutoCloseable {
    private final SseReader reader;
    private final StringBuilder reply = new StringBuilder();
    private ChatChunk pending;
    private ChatResult result;
    private boolean finished;
    private boolean iterated;

    ChatStream(InputStream body) {
        this.reader = new SseReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** Single use: the chunks in arrival order, the last one carrying the full result. */
    @Override
    public Iterator<ChatChunk> iterator() {
        if (iterated) {
            throw new IllegalStateException("a ChatStream can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending == null && !finished) {
                    pending = read();
                }
                return pending != null;
            }

            @Override
            public ChatChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ChatChunk chunk = pending;
                pending = null;
                return chunk;
            }
        };
    }

    /** The chunks as a sequential stream; close the stream (or this) to release the connection. */
    public Stream<ChatChunk> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** The reply text received so far. */
    public String replySoFar() {
        return reply.toString();
    }

    /** Blocks until the final event and returns the full result; unread chunks are skipped. */
    public ChatResult result() {
        while (!finished) {
            if (read() == null) {
                break;
            }
        }
        pending = null;
        return result;
    }

    private ChatChunk read() {
        try {
            while (true) {
                SseReader.Event event = reader.next();
                if (event == null) {
                    finish();
                    throw new ConnectionException("the chat stream ended before its final event", null);
                }
                String data = event.data();
                if ("[DONE]".equals(data.strip())) {
                    if (result == null) {
                        result = new ChatResult(reply.toString(), null, null, null, null, null, null, null);
                    }
                    finish();
                    return new ChatChunk("", true, result);
                }
                JsonNode node = data.isBlank() ? null : Transport.JSON.readTree(data);
                if ("error".equals(event.event()) || node != null && node.has("type") && node.has("status") && !node.has("delta")) {
                    finish();
                    throw Errors.fromProblem(0, node, null, null, data);
                }
                if (node == null) {
                    continue;
                }
                if ("done".equals(event.event()) || node.path("done").asBoolean(false)) {
                    ChatResult parsed = Transport.JSON.treeToValue(node, ChatResult.class);
                    if (parsed.reply() == null) {
                        parsed = new ChatResult(reply.toString(), parsed.memoryUpdates(), parsed.sessionId(), parsed.turnId(),
                                parsed.assistantTurnId(), parsed.traceId(), parsed.model(), parsed.citations());
                    }
                    result = parsed;
                    finish();
                    return new ChatChunk("", true, result);
                }
                JsonNode delta = node.has("delta") ? node.get("delta") : node.get("token");
                if (delta != null && !delta.isNull()) {
                    reply.append(delta.asText());
                    return new ChatChunk(delta.asText(), false, null);
                }
            }
        } catch (SpectronClientException e) {
            throw e;
        } catch (IOException e) {
            finish();
            throw new ConnectionException("reading the chat stream failed: " + e.getMessage(), e);
        }
    }

    private void finish() {
        finished = true;
        close();
    }

    /** Releases the connection; further reads end the iteration. */
    @Override
    public void close() {
        finished = true;
        try {
            reader.close();
        } catch (IOException ignored) {
            // Closing a half-read HTTP body can fail; nothing is left to release.
        }
    }
}
