package dev.spectron.client;

import java.util.List;

/**
 * How extraction went for a turn.
 *
 * @param status {@code ok} or {@code failed} (the turn and its heuristic facts are kept either way)
 * @param stages the stages that ran, e.g. {@code heuristics}, {@code model}
 * @param error  what failed, or null
 */
public record Extraction(String status, List<String> stages, String error) {
    public Extraction {
        stages = Lists.of(stages);
    }

    /** Whether extraction succeeded. */
    public boolean ok() {
        return !"failed".equals(status);
    }
}
