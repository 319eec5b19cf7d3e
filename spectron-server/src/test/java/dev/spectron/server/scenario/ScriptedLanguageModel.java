package dev.spectron.server.scenario;

import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A hand-written fake extraction model: answers each turn with the JSON scripted for that turn's
 * text, and records the requests it got so tests can check what the model was shown.
 */
final class ScriptedLanguageModel implements LanguageModel {
    private final Map<String, String> replies;
    final List<ModelRequest> requests = new ArrayList<>();

    ScriptedLanguageModel(Map<String, String> replies) {
        this.replies = replies;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        throw new UnsupportedOperationException("extraction uses completeJson");
    }

    @Override
    public synchronized ModelReply completeJson(ModelRequest request, JsonSchemaSpec schema) {
        requests.add(request);
        String turn = request.messages().get(request.messages().size() - 1).text();
        String json = replies.get(turn);
        if (json == null) {
            throw new AssertionError("no scripted extraction for turn: " + turn);
        }
        return ModelReply.plain(json, "scripted", TokenUsage.unknown(), Duration.ZERO, FinishReason.STOP);
    }

    @Override
    public ModelReply stream(ModelRequest request, Consumer<String> onDelta) {
        throw new UnsupportedOperationException();
    }
}
