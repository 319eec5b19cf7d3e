package dev.spectron.core.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * Which extraction stages ran for a write and whether they succeeded. A failed model stage keeps
 * the turn and the heuristic facts and says why here (DESIGN.md §4: never a silent empty diff).
 *
 * @param stages the stages that ran, e.g. {@code ["heuristics", "model"]}
 * @param error  why a stage failed, or null
 */
public record ExtractionStatus(List<String> stages, String error) {
    public static final ExtractionStatus SKIPPED = new ExtractionStatus(List.of(), null);

    public ExtractionStatus {
        stages = List.copyOf(stages);
    }

    public static ExtractionStatus ran(String... stages) {
        return new ExtractionStatus(List.of(stages), null);
    }

    public boolean failed() {
        return error != null;
    }

    ExtractionStatus and(ExtractionStatus other) {
        List<String> all = new ArrayList<>(stages);
        other.stages.stream().filter(stage -> !all.contains(stage)).forEach(all::add);
        String errors = error == null ? other.error : other.error == null ? error : error + "; " + other.error;
        return new ExtractionStatus(all, errors);
    }
}
