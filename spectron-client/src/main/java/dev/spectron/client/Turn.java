package dev.spectron.client;

import java.time.Instant;

/**
 * One stored message of a session's transcript.
 *
 * @param seq position in the session, from 1
 * @param ts  when it was said (the caller's {@code ts}, else when it was stored)
 */
public record Turn(String id, String sessionId, Role role, String content, long seq, Instant ts, Instant createdAt) {
}
