package dev.spectron.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Supplier;

/**
 * A cold {@link Flow.Publisher} over a chat stream: each subscription sends its own request and
 * receives the chunks with back-pressure; the final chunk carries the full result, then
 * {@code onComplete}. Failures arrive as {@code onError} with a {@link SpectronClientException}.
 */
final class ChatPublisher implements Flow.Publisher<ChatChunk> {
    private static final Executor DELIVERY = Executors.newVirtualThreadPerTaskExecutor();
    private final Supplier<CompletableFuture<ChatStream>> open;

    ChatPublisher(Supplier<CompletableFuture<ChatStream>> open) {
        this.open = open;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
        SubmissionPublisher<ChatChunk> publisher = new SubmissionPublisher<>(DELIVERY, Flow.defaultBufferSize());
        publisher.subscribe(subscriber);
        open.get().whenComplete((stream, failure) -> {
            if (failure != null) {
                publisher.closeExceptionally(Errors.unwrap(failure));
                return;
            }
            Thread.ofVirtual().name("spectron-chat-stream").start(() -> {
                try (stream) {
                    for (ChatChunk chunk : stream) {
                        if (!publisher.hasSubscribers()) {
                            return;
                        }
                        publisher.submit(chunk);
                    }
                    publisher.close();
                } catch (RuntimeException e) {
                    publisher.closeExceptionally(e);
                }
            });
        });
    }
}
