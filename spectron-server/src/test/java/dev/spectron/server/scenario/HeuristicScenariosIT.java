package dev.spectron.server.scenario;

import dev.spectron.core.extraction.heuristics.HeuristicStage;
import dev.spectron.core.ingest.ExtractionPipeline;
import dev.spectron.core.ingest.ExtractorProvider;
import java.util.Map;

/** The scenarios with the stage-0 heuristics alone, as a context without an extraction model runs. */
class HeuristicScenariosIT extends AbstractConsistentStateScenarios {
    @Override
    ExtractorProvider extractors(Map<String, String> scripts) {
        HeuristicStage heuristics = new HeuristicStage();
        return context -> new ExtractionPipeline(heuristics, null);
    }
}
