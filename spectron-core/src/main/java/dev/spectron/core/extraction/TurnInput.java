package dev.spectron.core.extraction;

import dev.spectron.core.session.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What an extractor sees of one turn.
 *
 * @param speaker    who said it: the entity first-person facts attach to (from the session's
 *                   user scope, or a name the speaker gave earlier); null when unknown
 * @param spokenAt   when it was said; relative dates resolve against it
 * @param zone       the time zone for calendar arithmetic ("yesterday"); UTC unless configured
 * @param transcript the recent turns before this one, oldest first, for pronouns (stage 1)
 */
public record TurnInput(String text, Role role, String speaker, Instant spokenAt, ZoneId zone, List<String> transcript) {
    public TurnInput {
        transcript = List.copyOf(transcript);
    }
}
