package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.session.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Turns spoken on Wednesday 2026-05-13T10:00:00Z in UTC, run through one shared extractor. */
final class Turns {
    static final Instant SPOKEN_AT = Instant.parse("2026-05-13T10:00:00Z");
    static final EntityRef USER = new EntityRef(EntityType.PERSON, "user");
    private static final HeuristicExtractor EXTRACTOR = new HeuristicExtractor();

    private Turns() {
    }

    static Extraction user(String text) {
        return extract(new TurnInput(text, Role.USER, null, SPOKEN_AT, ZoneOffset.UTC, List.of()));
    }

    static Extraction user(String text, String speaker) {
        return extract(new TurnInput(text, Role.USER, speaker, SPOKEN_AT, ZoneOffset.UTC, List.of()));
    }

    static Extraction said(Role role, String text) {
        return extract(new TurnInput(text, role, null, SPOKEN_AT, ZoneOffset.UTC, List.of()));
    }

    static Extraction user(String text, Instant spokenAt, ZoneId zone) {
        return extract(new TurnInput(text, Role.USER, null, spokenAt, zone, List.of()));
    }

    static Extraction extract(TurnInput turn) {
        return EXTRACTOR.extract(turn);
    }

    /** The single attribute with {@code key}; fails when there is none or several. */
    static ExtractedAttribute attribute(Extraction extraction, String key) {
        List<ExtractedAttribute> matching = extraction.attributes().stream().filter(a -> a.key().equals(key)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one '" + key + "' attribute but found " + extraction.attributes());
        }
        return matching.getFirst();
    }

    static EntityRef person(String name) {
        return new EntityRef(EntityType.PERSON, name);
    }
}
