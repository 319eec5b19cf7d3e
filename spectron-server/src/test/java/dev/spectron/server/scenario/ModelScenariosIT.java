package dev.spectron.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.extraction.model.ExtractionModelStage;
import dev.spectron.core.extraction.model.Vocabulary;
import dev.spectron.core.ingest.ExtractionPipeline;
import dev.spectron.core.ingest.ExtractorProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios with a scripted extraction model as the only extractor. */
class ModelScenariosIT extends AbstractConsistentStateScenarios {
    private ScriptedLanguageModel model;

    @Override
    ExtractorProvider extractors(Map<String, String> scripts) {
        model = new ScriptedLanguageModel(scripts);
        ExtractionModelStage stage = new ExtractionModelStage(model, "scripted/model", () -> Vocabulary.EMPTY);
        return context -> new ExtractionPipeline(turn -> new dev.spectron.core.ingest.ExtractionOutcome.Extracted(
                dev.spectron.core.extraction.Extraction.EMPTY, java.util.List.of()), stage);
    }

    @Test
    void the_model_sees_the_date_the_speaker_and_the_recent_transcript() {
        run(step("I live in Lisbon.", "2024-01-10T12:00:00Z", Script.reply().attribute("ada", "home", "Lisbon", "identity")),
                step("I moved to Porto last month.", "2025-06-15T12:00:00Z", Script.reply().attribute("ada", "home", "Porto", "identity")));
        String system = model.requests.get(1).systemPrompt();
        assertThat(system).contains("2025-06-15 (Sunday)").contains("Speaker: ada").contains("user: I live in Lisbon.");
        assertThat(model.requests.get(1).messages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("I moved to Porto last month."));
    }
}
