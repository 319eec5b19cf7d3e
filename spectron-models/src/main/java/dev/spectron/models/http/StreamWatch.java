package dev.spectron.models.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Links a streamed exchange to the thread waiting on it: the provider clients open their stream
 * on the calling thread, so {@link ProviderHttpClient} finds the watch opened there and reports
 * to it when the body ends, and what to close when the caller gives up. Without it a stream whose
 * body stalls would keep its connection and a reading thread after the caller stopped waiting
 * (issue 20), and a body that simply ends could not be told from one that ended its answer.
 */
public final class StreamWatch {
    private static final ThreadLocal<StreamWatch> OPENING = new ThreadLocal<>();

    private final Runnable onBodyEnd;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    private StreamWatch(Runnable onBodyEnd) {
        this.onBodyEnd = onBodyEnd;
    }

    /**
     * Runs {@code opener}, which starts one stream on this thread, and returns its watch.
     *
     * @param onBodyEnd runs once the response body has been read to its end (after the provider
     *     client has seen every event); not when the stream fails or is cancelled
     */
    public static StreamWatch open(Runnable onBodyEnd, Runnable opener) {
        StreamWatch watch = new StreamWatch(onBodyEnd);
        OPENING.set(watch);
        try {
            opener.run();
        } finally {
            OPENING.remove();
        }
        return watch;
    }

    /** The watch of the stream being opened on this thread; a no-op watch when there is none. */
    static StreamWatch current() {
        StreamWatch watch = OPENING.get();
        return watch == null ? new StreamWatch(() -> { }) : watch;
    }

    void attach(AutoCloseable resource) {
        resources.add(resource);
        if (cancelled) {
            closeQuietly(resource);
        }
    }

    void bodyEnded() {
        if (!cancelled) {
            onBodyEnd.run();
        }
    }

    /** Closes the connection and the body, whatever state they are in; safe to call twice. */
    public void cancel() {
        cancelled = true;
        resources.forEach(StreamWatch::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception deliberatelyIgnored) {
            // the stream is being abandoned: a failure to close it changes nothing for the caller
        }
    }
}
