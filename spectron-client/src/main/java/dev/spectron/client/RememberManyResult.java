package dev.spectron.client;

import java.util.List;

/**
 * The outcome of {@code rememberMany}: one turn per message, and one extraction for the whole
 * conversation or one per message.
 */
public record RememberManyResult(String sessionId, List<String> turnIds, List<Diff> extractions) {
    public RememberManyResult {
        turnIds = Lists.of(turnIds);
        extractions = Lists.of(extractions);
    }
}
