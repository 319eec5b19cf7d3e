package dev.spectron.server.session;

import dev.spectron.core.session.Turn;
import java.util.List;

/**
 * The response of {@code session.turn()}: the stored turn and the memory diff it produced
 * (spectron-api.md §2.2.1). Extraction is not wired in yet, so the diff lists are empty.
 */
record TurnDiffJson(String turnId, TurnJson turn, List<Object> entities, List<Object> attributes, List<Object> relations,
                    List<Object> instructions, List<Object> uncertainties, List<Object> corrections) {
    static TurnDiffJson withoutExtraction(Turn turn) {
        return new TurnDiffJson(turn.id(), TurnJson.from(turn), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
