package dev.spectron.core.ingest;

import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 0 (heuristics, always) then stage 1 (the context's extraction model, when configured).
 * Both sets of findings go to the reconciler, which treats a repeated fact as corroboration; a
 * model failure keeps the heuristic facts and is reported in the outcome.
 */
public final class ExtractionPipeline implements Extractor {
    private final Extractor heuristics;
    private final Extractor model;

    /** {@code model} may be null: heuristics only. */
    public ExtractionPipeline(Extractor heuristics, Extractor model) {
        this.heuristics = heuristics;
        this.model = model;
    }

    @Override
    public ExtractionOutcome extract(TurnInput turn) {
        ExtractionOutcome stage0 = heuristics.extract(turn);
        if (model == null) {
            return stage0;
        }
        ExtractionOutcome stage1 = model.extract(turn);
        Extraction both = stage0.extraction().plus(stage1.extraction());
        List<String> stages = new ArrayList<>(stage0.status().stages());
        stages.addAll(stage1.status().stages());
        return switch (stage1) {
            case ExtractionOutcome.Extracted extracted -> new ExtractionOutcome.Extracted(both, stages);
            case ExtractionOutcome.Failed failed -> new ExtractionOutcome.Failed(both, stages, failed.reason());
        };
    }
}
