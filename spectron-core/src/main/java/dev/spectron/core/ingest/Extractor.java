package dev.spectron.core.ingest;

import dev.spectron.core.extraction.TurnInput;

/** One way of turning a turn into candidate facts: the stage-0 heuristics, a model, or both in a pipeline. */
@FunctionalInterface
public interface Extractor {
    /** Never throws for a model failure: that is an {@link ExtractionOutcome.Failed} carrying the reason. */
    ExtractionOutcome extract(TurnInput turn);
}
