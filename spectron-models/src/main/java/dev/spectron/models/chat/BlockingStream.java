package dev.spectron.models.chat;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns LangChain4j's callback streaming into a blocking call: the provider's callbacks only
 * enqueue, and the calling thread drains the queue, so {@code onDelta} runs on the caller's
 * (virtual) thread and its exceptions reach the caller unchanged.
 */
final class BlockingStream {

    private sealed interface Event permits Delta, Done, Failed {}

    private record Delta(String text) implements Event {}

    private record Done(ChatResponse response) implements Event {}

    private record Failed(Throwable error) implements Event {}

    private final StreamingChatModel model;
    private final Duration idleTimeout;

    BlockingStream(StreamingChatModel model, Duration idleTimeout) {
        this.model = model;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Streams {@code request}, handing each text delta to {@code onDelta}.
     *
     * @throws TimeoutException when no event arrives for the idle timeout (the provider's read
     *     timeout covers only the wait for the response headers)
     */
    ChatResponse exchange(ChatRequest request, Consumer<String> onDelta) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        model.chat(request, new StreamingChatResponseHandler() {
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
        });
        while (true) {
            switch (next(events)) {
                case Delta delta -> onDelta.accept(delta.text());
                case Done done -> {
                    return done.response();
                }
                case Failed failed -> throw failed.error() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(failed.error());
            }
        }
    }

    private Event next(BlockingQueue<Event> events) {
        try {
            Event event = events.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new TimeoutException("no data from the stream for " + idleTimeout.toMillis() + " ms");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stream", e);
        }
    }
}
