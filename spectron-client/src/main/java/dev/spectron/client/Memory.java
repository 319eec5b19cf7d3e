package dev.spectron.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The memory of one context: sessions, and the verbs that write and read memory directly
 * (remember, rememberMany, recall, context, chat, forget, state, profile, entities).
 *
 * <p>Obtained from {@link Spectron#memory(String)}; holds no state besides the context id.
 * Thread-safe. Each blocking method has an {@code ...Async} twin. Failures are
 * {@link SpectronClientException}s (see {@link Spectron} for retries).
 */
public final class Memory {
    private final Transport transport;
    private final String contextId;
    private final String base;
    private final Sessions sessions;

    Memory(Transport transport, String contextId) {
        this.transport = transport;
        this.contextId = contextId;
        this.base = "/api/v1/" + Transport.seg(contextId);
        this.sessions = new Sessions(transport, base);
    }

    /** The context id. */
    public String contextId() {
        return contextId;
    }

    /** Create, fetch, list and delete sessions. */
    public Sessions sessions() {
        return sessions;
    }

    // ---- remember ----

    /** {@code POST /facts}: extracts memory from {@code text} in a new session. */
    public RememberResult remember(String text) {
        return Transport.await(rememberAsync(RememberRequest.of(text)));
    }

    /** {@code POST /facts} with options (session, scope, infer mode, triples, ...). */
    public RememberResult remember(RememberRequest request) {
        return Transport.await(rememberAsync(request));
    }

    public CompletableFuture<RememberResult> rememberAsync(RememberRequest request) {
        return transport.send(Transport.Call.write(base + "/facts", request.toWire(), request.idempotencyKey()),
                Transport.as(RememberResult.class));
    }

    /** {@code POST /facts/batch}: stores a conversation (one turn per message) and extracts from it. */
    public RememberManyResult rememberMany(List<Message> messages) {
        return Transport.await(rememberManyAsync(RememberManyRequest.of(messages)));
    }

    public RememberManyResult rememberMany(RememberManyRequest request) {
        return Transport.await(rememberManyAsync(request));
    }

    public CompletableFuture<RememberManyResult> rememberManyAsync(RememberManyRequest request) {
        return transport.send(Transport.Call.write(base + "/facts/batch", request.toWire(), request.idempotencyKey()),
                Transport.as(RememberManyResult.class));
    }

    // ---- read ----

    /** {@code POST /query}: ranked hits for {@code query} (default depth 10). */
    public RecallResult recall(String query) {
        return Transport.await(recallAsync(RecallRequest.of(query)));
    }

    /** {@code POST /query} with depth {@code k} (1..50). */
    public RecallResult recall(String query, int k) {
        return Transport.await(recallAsync(RecallRequest.of(query).withK(k)));
    }

    public RecallResult recall(RecallRequest request) {
        return Transport.await(recallAsync(request));
    }

    public CompletableFuture<RecallResult> recallAsync(RecallRequest request) {
        return transport.send(Transport.Call.read(base + "/query", request.toWire()), Transport.as(RecallResult.class));
    }

    /** {@code POST /context}: the context block for {@code query} over the whole context. */
    public ContextResult context(String query) {
        return Transport.await(contextAsync(ContextRequest.of(query)));
    }

    public ContextResult context(String query, int k) {
        return Transport.await(contextAsync(ContextRequest.of(query).withK(k)));
    }

    public ContextResult context(ContextRequest request) {
        return Transport.await(contextAsync(request));
    }

    public CompletableFuture<ContextResult> contextAsync(ContextRequest request) {
        return transport.send(Transport.Call.read(base + "/context", request.toWire()), Transport.as(ContextResult.class));
    }

    // ---- chat ----

    /** {@code POST /chat}: one chat turn in a new session (see {@link ChatRequest#withSessionId(String)} to continue one). */
    public ChatResult chat(String message) {
        return Transport.await(chatAsync(ChatRequest.of(message)));
    }

    public ChatResult chat(ChatRequest request) {
        return Transport.await(chatAsync(request));
    }

    public CompletableFuture<ChatResult> chatAsync(ChatRequest request) {
        return transport.send(Transport.Call.write(base + "/chat", request.toWire(true, false), request.idempotencyKey()),
                Transport.as(ChatResult.class));
    }

    /** {@code POST /chat} streamed; see {@link ChatStream} for how the final result arrives. */
    public ChatStream chatStream(String message) {
        return Transport.await(chatStreamAsync(ChatRequest.of(message)));
    }

    public ChatStream chatStream(ChatRequest request) {
        return Transport.await(chatStreamAsync(request));
    }

    /** Completes when the response headers arrived (or the request failed before streaming). */
    public CompletableFuture<ChatStream> chatStreamAsync(ChatRequest request) {
        return transport.open(Transport.Call.write(base + "/chat", request.toWire(true, true), request.idempotencyKey()))
                .thenApply(response -> new ChatStream(response.body()));
    }

    /** The streamed chat as a cold {@link Flow.Publisher}: one request per subscription. */
    public Flow.Publisher<ChatChunk> chatPublisher(ChatRequest request) {
        return new ChatPublisher(() -> chatStreamAsync(request));
    }

    // ---- forget ----

    /** {@code POST /forget}: retires the records matching {@code query}. */
    public ForgetResult forget(String query) {
        return Transport.await(forgetAsync(ForgetRequest.of(query)));
    }

    public ForgetResult forget(ForgetRequest request) {
        return Transport.await(forgetAsync(request));
    }

    public CompletableFuture<ForgetResult> forgetAsync(ForgetRequest request) {
        return transport.send(Transport.Call.write(base + "/forget", request.toWire(), request.idempotencyKey()),
                Transport.as(ForgetResult.class));
    }

    // ---- state, profile, entities ----

    /** {@code GET /state}: everything memory holds now, by category. */
    public MemoryState state() {
        return Transport.await(stateAsync());
    }

    public CompletableFuture<MemoryState> stateAsync() {
        return transport.send(Transport.Call.get(base + "/state"), Transport.as(MemoryState.class));
    }

    /** {@code GET /profile}. */
    public Profile profile() {
        return Transport.await(profileAsync());
    }

    public CompletableFuture<Profile> profileAsync() {
        return transport.send(Transport.Call.get(base + "/profile"), Transport.as(Profile.class));
    }

    /** {@code GET /entities}: all entities, ordered by type then name (up to the server's page cap). */
    public List<Entity> entities() {
        return Transport.await(entitiesAsync(null, null, null));
    }

    /** {@code GET /entities?type=}: the entities of one type. */
    public List<Entity> entities(String type) {
        return Transport.await(entitiesAsync(type, null, null));
    }

    public List<Entity> entities(String type, int limit, int offset) {
        return Transport.await(entitiesAsync(type, limit, offset));
    }

    /** Any argument may be null for the server default. */
    public CompletableFuture<List<Entity>> entitiesAsync(String type, Integer limit, Integer offset) {
        StringBuilder query = new StringBuilder();
        if (type != null) {
            query.append("&type=").append(Transport.seg(type));
        }
        if (limit != null) {
            query.append("&limit=").append(limit);
        }
        if (offset != null) {
            query.append("&offset=").append(offset);
        }
        String path = base + "/entities" + (query.isEmpty() ? "" : "?" + query.substring(1));
        return transport.send(Transport.Call.get(path), Transport.field("entities", Transport.listOf(Entity.class)));
    }

    /**
     * {@code GET /entities/{type}/{name}}: one entity with its live attributes and relations.
     *
     * @throws NotFoundException when there is no such entity
     */
    public EntityView entity(String type, String name) {
        return Transport.await(entityAsync(EntityRef.of(type, name)));
    }

    public EntityView entity(EntityRef ref) {
        return Transport.await(entityAsync(ref));
    }

    public CompletableFuture<EntityView> entityAsync(EntityRef ref) {
        return transport.send(Transport.Call.get(base + "/entities/" + Transport.seg(ref.type()) + "/" + Transport.seg(ref.name())),
                Transport.as(EntityView.class));
    }

    @Override
    public String toString() {
        return "Memory[" + contextId + "]";
    }
}
