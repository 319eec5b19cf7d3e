package dev.spectron.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sessions of one context ({@link Memory#sessions()}). Thread-safe; each blocking method has
 * an {@code ...Async} twin. Failures are {@link SpectronClientException}s.
 */
public final class Sessions {
    private final Transport transport;
    private final String path;

    Sessions(Transport transport, String base) {
        this.transport = transport;
        this.path = base + "/sessions";
    }

    /** {@code POST /sessions}: a new session in the caller's default scope. */
    public Session create() {
        return Transport.await(createAsync(null, null));
    }

    /** {@code POST /sessions} with a scope ({@code Scope.of("user", "ada")} or a DNF scope). */
    public Session create(Scope scope) {
        return Transport.await(createAsync(scope, null));
    }

    /** {@code POST /sessions} with a scope and free-form metadata (either may be null). */
    public Session create(Scope scope, Map<String, ?> metadata) {
        return Transport.await(createAsync(scope, metadata));
    }

    public CompletableFuture<Session> createAsync(Scope scope, Map<String, ?> metadata) {
        Object body = new Body().put("scopes", scope == null ? null : scope.toWire()).put("metadata", metadata).map();
        return transport.send(Transport.Call.write(path, body, null), bytes -> session(Transport.JSON.readTree(bytes)));
    }

    /**
     * {@code GET /sessions/{id}}.
     *
     * @throws NotFoundException when there is no such session
     */
    public Session get(String id) {
        return Transport.await(getAsync(id));
    }

    public CompletableFuture<Session> getAsync(String id) {
        return transport.send(Transport.Call.get(path + "/" + Transport.seg(id)), bytes -> session(Transport.JSON.readTree(bytes)));
    }

    /** {@code GET /sessions}: the newest sessions first (server default page). */
    public List<Session> list() {
        return Transport.await(listAsync(null, null));
    }

    public List<Session> list(int limit, int offset) {
        return Transport.await(listAsync(limit, offset));
    }

    public CompletableFuture<List<Session>> listAsync(Integer limit, Integer offset) {
        String query = (limit == null ? "" : "&limit=" + limit) + (offset == null ? "" : "&offset=" + offset);
        return transport.send(Transport.Call.get(path + (query.isEmpty() ? "" : "?" + query.substring(1))), bytes -> {
            JsonNode items = Transport.JSON.readTree(bytes).path("sessions");
            List<Session> out = new java.util.ArrayList<>();
            for (JsonNode item : items) {
                out.add(session(item));
            }
            return List.copyOf(out);
        });
    }

    /**
     * {@code DELETE /sessions/{id}}: the session and its transcript; extracted facts stay.
     *
     * @throws NotFoundException when there is no such session
     */
    public void delete(String id) {
        Transport.await(deleteAsync(id));
    }

    public CompletableFuture<Void> deleteAsync(String id) {
        return transport.send(Transport.Call.delete(path + "/" + Transport.seg(id)), Transport.none());
    }

    /** A handle on an existing session, without a request (its scope and metadata are unknown: empty). */
    public Session of(String id) {
        return new Session(transport, path, new Session.Info(id, null, null, null, null));
    }

    private Session session(JsonNode node) throws java.io.IOException {
        return new Session(transport, path, Transport.JSON.treeToValue(node, Session.Info.class));
    }
}
