package dev.spectron.core.ingest;

import dev.spectron.core.memory.Attribute;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.session.ScopePath;
import dev.spectron.core.session.Session;
import java.util.List;

/**
 * Who is speaking in a session's user turns: the {@code user} of its scope, else the name the
 * speaker gave earlier in the session, else unknown (the extractor then uses its fallback).
 */
final class SpeakerResolver {
    private SpeakerResolver() {
    }

    static String speakerOf(StoreTransaction tx, Session session) {
        for (List<ScopePath> clause : session.scopes().clauses()) {
            for (ScopePath path : clause) {
                List<String> segments = path.segments();
                int user = segments.lastIndexOf("user");
                if (user >= 0 && user + 1 < segments.size()) {
                    return segments.get(user + 1);
                }
            }
        }
        return tx.attributes().latestInSession(session.contextId(), session.id(), "name").map(Attribute::value).orElse(null);
    }
}
