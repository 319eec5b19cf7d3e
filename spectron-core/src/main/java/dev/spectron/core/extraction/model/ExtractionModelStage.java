package dev.spectron.core.extraction.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.TurnInput;
import dev.spectron.core.ingest.ExtractionOutcome;
import dev.spectron.core.ingest.Extractor;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stage 1: the context's extraction model reads the turn with its date, speaker, recent
 * transcript and the known vocabulary, and answers in the extraction schema. A model failure or
 * an unusable answer is an {@link ExtractionOutcome.Failed} naming the reason; the turn is still
 * stored by the caller.
 */
public final class ExtractionModelStage implements Extractor {
    public static final String STAGE = "model";
    private static final String TEMPLATE = Prompts.load("extraction-v1.md");
    private static final JsonSchemaSpec SCHEMA = new JsonSchemaSpec("extraction", Prompts.load("extraction-v1.schema.json"));
    /** Extraction should be repeatable, not creative. */
    private static final double TEMPERATURE = 0.0;

    private final LanguageModel model;
    private final String modelId;
    private final Supplier<Vocabulary> vocabulary;

    public ExtractionModelStage(LanguageModel model, String modelId, Supplier<Vocabulary> vocabulary) {
        this.model = model;
        this.modelId = modelId;
        this.vocabulary = vocabulary;
    }

    @Override
    public ExtractionOutcome extract(TurnInput turn) {
        ModelRequest request = new ModelRequest(systemPrompt(turn, vocabulary.get()), List.of(ModelMessage.user(turn.text())), TEMPERATURE, null);
        ModelReply reply;
        try {
            reply = model.completeJson(request, SCHEMA);
        } catch (ModelException e) {
            return failed("extraction model " + modelId + " failed (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage());
        }
        try {
            ExtractionReplyReader.Result result = new ExtractionReplyReader(turn.zone()).read(reply.text());
            if (!result.problems().isEmpty()) {
                return new ExtractionOutcome.Failed(result.extraction(), List.of(STAGE),
                        "extraction model " + modelId + " returned items outside the schema: " + String.join("; ", result.problems()));
            }
            return new ExtractionOutcome.Extracted(result.extraction(), List.of(STAGE));
        } catch (JsonProcessingException e) {
            return failed("extraction model " + modelId + " returned unreadable JSON: " + e.getOriginalMessage());
        }
    }

    static String systemPrompt(TurnInput turn, Vocabulary vocabulary) {
        LocalDate date = turn.spokenAt().atZone(turn.zone()).toLocalDate();
        return Prompts.fill(TEMPLATE, Map.of(
                "date", date + " (" + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + ")",
                "role", turn.role().wireName(),
                "speaker", turn.speaker() == null ? "unknown (use \"user\")" : turn.speaker(),
                "entities", listOrNone(vocabulary.entities()),
                "keys", listOrNone(vocabulary.attributeKeys()),
                "labels", listOrNone(vocabulary.relationLabels()),
                "transcript", turn.transcript().isEmpty() ? "(none)" : String.join("\n", turn.transcript())));
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? "(none yet)" : String.join(", ", items);
    }

    private static ExtractionOutcome failed(String reason) {
        return new ExtractionOutcome.Failed(Extraction.EMPTY, List.of(STAGE), reason);
    }
}
