package dev.spectron.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One conversation: append turns and read their memory diff, fetch the transcript, get the
 * context block for the next prompt, or let Spectron run the whole loop with {@link #chat(String)}.
 *
 * <p>A session object is an immutable handle (id plus what the server said at creation); it is
 * thread-safe, and each blocking method has an {@code ...Async} twin. Failures are
 * {@link SpectronClientException}s; an unknown session is a {@link NotFoundException}.
 */
public final class Session {
    /** The session as the server describes it. */
    record Info(String id, List<List<String>> scopes, Map<String, String> scope, Map<String, Object> metadata, Instant createdAt) {
    }

    private final Transport transport;
    private final String path;
    private final Info info;

    Session(Transport transport, String sessionsPath, Info info) {
        this.transport = transport;
        this.info = info;
        this.path = sessionsPath + "/" + Transport.seg(info.id());
    }

    /** The session id, e.g. {@code sess_01...}. */
    public String id() {
        return info.id();
    }

    /** The scope in DNF form, e.g. {@code [["user/ada/"]]}; empty when unknown. */
    public List<List<String>> scopes() {
        return info.scopes() == null ? List.of() : info.scopes();
    }

    /** The scope in key-value form, e.g. {@code {user=ada}}, when it has one; else empty. */
    public Map<String, String> scope() {
        return Lists.of(info.scope());
    }

    /** The metadata given at creation; empty when none. */
    public Map<String, Object> metadata() {
        return Lists.of(info.metadata());
    }

    /** When the session was created, or null when unknown. */
    public Instant createdAt() {
        return info.createdAt();
    }

    // ---- turns ----

    /** {@code POST /sessions/{id}/turns}: appends a turn; returns its memory diff (with {@link Diff#turnId()}). */
    public Diff turn(Role role, String content) {
        return Transport.await(turnAsync(TurnRequest.of(role, content)));
    }

    /** Appends a turn said at {@code ts} (relative dates in it resolve against that time). */
    public Diff turn(Role role, String content, Instant ts) {
        return Transport.await(turnAsync(TurnRequest.of(role, content).withTs(ts)));
    }

    public Diff turn(TurnRequest request) {
        return Transport.await(turnAsync(request));
    }

    public CompletableFuture<Diff> turnAsync(TurnRequest request) {
        return transport.send(Transport.Call.write(path + "/turns", request.toWire(), request.idempotencyKey()), Transport.as(Diff.class));
    }

    /** {@code GET /sessions/{id}/turns}: the transcript, oldest first (server default page of 100). */
    public List<Turn> turns() {
        return Transport.await(turnsAsync(null, null));
    }

    /** A page of the transcript: {@code limit} 1..500. */
    public List<Turn> turns(int limit, int offset) {
        return Transport.await(turnsAsync(limit, offset));
    }

    public CompletableFuture<List<Turn>> turnsAsync(Integer limit, Integer offset) {
        String query = (limit == null ? "" : "&limit=" + limit) + (offset == null ? "" : "&offset=" + offset);
        return transport.send(Transport.Call.get(path + "/turns" + (query.isEmpty() ? "" : "?" + query.substring(1))),
                Transport.field("turns", Transport.listOf(Turn.class)));
    }

    // ---- context ----

    /** {@code POST /sessions/{id}/context}: the context block for {@code query} as this session sees memory. */
    public ContextResult context(String query) {
        return Transport.await(contextAsync(query, null));
    }

    /** The context block with retrieval depth {@code k} (1..50). */
    public ContextResult context(String query, int k) {
        return Transport.await(contextAsync(query, k));
    }

    public CompletableFuture<ContextResult> contextAsync(String query, Integer k) {
        Object body = new Body().put("query", query).put("k", k).map();
        return transport.send(Transport.Call.read(path + "/context", body), Transport.as(ContextResult.class));
    }

    // ---- chat ----

    /**
     * {@code POST /sessions/{id}/chat}: stores the user turn, retrieves context, calls the
     * context's response model, stores the reply, and returns both with the memory diff.
     *
     * @throws ServerException 502/503 when the response model failed (the user turn stays stored)
     */
    public ChatResult chat(String message) {
        return Transport.await(chatAsync(ChatRequest.of(message)));
    }

    public ChatResult chat(ChatRequest request) {
        return Transport.await(chatAsync(request));
    }

    public CompletableFuture<ChatResult> chatAsync(ChatRequest request) {
        return transport.send(Transport.Call.write(path + "/chat", request.toWire(false, false), request.idempotencyKey()),
                Transport.as(ChatResult.class));
    }

    /**
     * The chat reply streamed: iterate the {@link ChatStream} for deltas; its last chunk (and
     * {@link ChatStream#result()}) carries the full {@link ChatResult}. Close it when done early.
     */
    public ChatStream chatStream(String message) {
        return Transport.await(chatStreamAsync(ChatRequest.of(message)));
    }

    public ChatStream chatStream(ChatRequest request) {
        return Transport.await(chatStreamAsync(request));
    }

    public CompletableFuture<ChatStream> chatStreamAsync(ChatRequest request) {
        return transport.open(Transport.Call.write(path + "/chat", request.toWire(false, true), request.idempotencyKey()))
                .thenApply(response -> new ChatStream(response.body()));
    }

    /** The streamed chat as a cold {@link Flow.Publisher}: one request per subscription. */
    public Flow.Publisher<ChatChunk> chatPublisher(String message) {
        return new ChatPublisher(() -> chatStreamAsync(ChatRequest.of(message)));
    }

    /** {@code DELETE /sessions/{id}}: the session and its transcript; extracted facts stay. */
    public void delete() {
        Transport.await(deleteAsync());
    }

    public CompletableFuture<Void> deleteAsync() {
        return transport.send(Transport.Call.delete(path), Transport.none());
    }

    @Override
    public String toString() {
        return "Session[" + info.id() + "]";
    }
}
