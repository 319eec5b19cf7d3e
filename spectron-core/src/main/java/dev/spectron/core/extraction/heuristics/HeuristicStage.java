package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.ingest.ExtractionOutcome;
import dev.spectron.core.ingest.Extractor;
import java.util.List;

/** Stage 0 as a pipeline stage: the heuristics never fail, so the outcome is always {@code Extracted}. */
public final class HeuristicStage implements Extractor {
    public static final String STAGE = "heuristics";
    private final HeuristicExtractor heuristics = new HeuristicExtractor();

    @Override
    public ExtractionOutcome extract(TurnInput turn) {
        return new ExtractionOutcome.Extracted(heuristics.extract(turn), List.of(STAGE));
    }
}
