package dev.spectron.server.session;

import dev.spectron.core.session.Turn;

/** A turn on the wire ({@code TurnResponseJson} plus {@code ts}, when it was said). */
public record TurnJson(String id, String session, String sessionId, String role, String content, long seq, String ts, String createdAt) {
    public static TurnJson from(Turn turn) {
        return new TurnJson(turn.id(), turn.sessionId(), turn.sessionId(), turn.role().wireName(), turn.content(), turn.seq(),
                turn.occurredAt().toString(), turn.createdAt().toString());
    }
}
