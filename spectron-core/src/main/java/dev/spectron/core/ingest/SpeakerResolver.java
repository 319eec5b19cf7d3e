package dev.spectron.core.ingest;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.session.Session;

/**
 * Who is speaking in a session's user turns: the {@code user} of its scope, else the name the
 * speaker gave earlier in the session, else unknown (the extractor then uses its fallback).
 */
final class SpeakerResolver {
    private SpeakerResolver() {
    }

    static String speakerOf(StoreTransaction tx, Session session) {
        return session.scopes().user().orElseGet(() -> tx.attributes().latestInSession(session.contextId(), session.id(), "name").map(Attribute::value).orElse(null));
    }
}
