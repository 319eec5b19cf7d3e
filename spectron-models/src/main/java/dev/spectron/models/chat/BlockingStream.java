package dev.spectron.models.chat;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.http.StreamWatch;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns LangChain4j's callback streaming into a blocking call: the provider's callbacks only
 * enqueue, and the calling thread drains the queue, so {@code onDelta} runs on the caller's
 * (virtual) thread and its exceptions reach the caller unchanged. However the call ends, the
 * stream's connection is closed before it returns.
 */
final class BlockingStream {

    private sealed interface Event permits Delta, Done, Failed, BodyEnded {}

    private record Delta(String text) implements Event {}

    private record Done(ChatResponse response) implements Event {}

    private record Failed(Throwable error) implements Event {}

    /** The body was read to its end; after {@link Done} when the provider's client completed the answer. */
    private record BodyEnded() implements Event {}

    private final String provider;
    private final StreamingChatModel model;
    private final Duration idleTimeout;

    BlockingStream(String provider, StreamingChatModel model, Duration idleTimeout) {
        this.provider = provider;
        this.model = model;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Streams {@code request}, handing each text delta to {@code onDelta}.
     *
     * @throws TimeoutException when no event arrives for the idle timeout (the provider's read
     *     timeout covers only the wait for the response headers)
     * @throws ModelException {@code TIMEOUT} when {@code deadline} passes; {@code CUT_OFF} when the
     *     stream ends without its end marker ({@code [DONE]}, {@code message_stop}, a finish
     *     reason, {@code done: true}), so a partial answer is never taken for a whole one (issue 20)
     */
    ChatResponse exchange(ChatRequest request, Consumer<String> onDelta, CallDeadline deadline, String modelName) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        StreamWatch watch = StreamWatch.open(() -> events.add(new BodyEnded()), () -> model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                events.add(new Delta(partialResponse));
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                events.add(new Done(completeResponse));
            }

            @Override
            public void onError(Throwable error) {
                events.add(new Failed(error));
            }
        }));
        try {
            while (true) {
                switch (next(events, deadline, modelName)) {
                    case Delta delta -> onDelta.accept(delta.text());
                    case Done done -> {
                        if (done.response().finishReason() == null) {
                            throw cutOff(modelName, "with no finish reason");
                        }
                        return done.response();
                    }
                    case BodyEnded ended -> throw cutOff(modelName, "before the answer was complete");
                    case Failed failed -> throw failed.error() instanceof RuntimeException runtime
                            ? runtime : new IllegalStateException(failed.error());
                }
            }
        } finally {
            watch.cancel();
        }
    }

    private ModelException cutOff(String modelName, String how) {
        return new ModelException(ModelException.Kind.CUT_OFF, provider, provider + "/" + modelName
                + " stream ended " + how + " (no end marker): the answer was cut off and is not used");
    }

    private Event next(BlockingQueue<Event> events, CallDeadline deadline, String modelName) {
        Duration remaining = deadline.remaining();
        boolean deadlineFirst = remaining.compareTo(idleTimeout) < 0;
        try {
            Event event = events.poll(deadlineFirst ? remaining.toNanos() : idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (event != null) {
                return event;
            }
            if (deadlineFirst) {
                throw deadline.exceeded(provider, modelName);
            }
            throw new TimeoutException("no data from the stream for " + idleTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stream", e);
        }
    }
}
