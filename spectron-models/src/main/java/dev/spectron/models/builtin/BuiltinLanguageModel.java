package dev.spectron.models.builtin;

import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The offline provider (DESIGN.md §4): no network, no model. Its reply is deterministic and says
 * plainly that it is not an LLM; it restates what the system prompt's memory section holds — the
 * retrieved items first, with their {@code [S1]} markers so citations resolve, then the profile —
 * so the product runs and is testable with nothing configured. It does no extraction: callers run the
 * stage-0 heuristics instead.
 */
public final class BuiltinLanguageModel implements LanguageModel {

    public static final String MODEL_ID = "builtin";
    static final String LABEL = ModelProvider.BUILTIN_REPLY_LABEL;
    /** Memory items quoted in a reply; the rest are counted. */
    private static final int QUOTED_ITEMS = 3;
    private static final int MAX_ITEM_CHARS = 120;
    /** A memory item is a markdown list line, as the context renderer writes them. */
    private static final Pattern MEMORY_ITEM = Pattern.compile("^\\s*[-*]\\s+(.+)$");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");

    @Override
    public ModelReply complete(ModelRequest request) {
        long start = System.nanoTime();
        String text = LABEL + " " + summary(request);
        return ModelReply.plain(text, MODEL_ID, TokenUsage.unknown(), Duration.ofNanos(System.nanoTime() - start),
                FinishReason.STOP);
    }

    @Override
    public ModelReply completeJson(ModelRequest request, JsonSchemaSpec schema) {
        throw new ModelException(ModelException.Kind.INVALID_REQUEST, ModelProvider.BUILTIN.id(),
                "builtin does not do model extraction; stage-0 heuristics run instead");
    }

    /** Emits the same reply as {@link #complete}, one word (with its trailing space) per delta. */
    @Override
    public ModelReply stream(ModelRequest request, Consumer<String> onDelta) {
        ModelReply reply = complete(request);
        for (String word : WORD_BOUNDARY.split(reply.text())) {
            onDelta.accept(word);
        }
        return reply;
    }

    private static String summary(ModelRequest request) {
        List<String> items = request.systemPrompt().lines()
                .map(MEMORY_ITEM::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> shorten(m.group(1).strip()))
                .sorted(Comparator.comparing(item -> !item.startsWith("[S")))
                .toList();
        if (items.isEmpty()) {
            return "Memory holds nothing about this yet. You said: \"" + shorten(lastUserText(request)) + "\"";
        }
        String quoted = String.join("; ", items.subList(0, Math.min(QUOTED_ITEMS, items.size())));
        int rest = items.size() - QUOTED_ITEMS;
        return "Memory holds " + items.size() + (items.size() == 1 ? " item: " : " items: ") + quoted
                + (rest > 0 ? "; and " + rest + " more." : ".");
    }

    private static String lastUserText(ModelRequest request) {
        return request.messages().reversed().stream()
                .filter(m -> m.role() == ModelMessage.Role.USER)
                .map(ModelMessage::text)
                .findFirst()
                .orElse("");
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_ITEM_CHARS ? flat : flat.substring(0, MAX_ITEM_CHARS) + "…";
    }

    @Override
    public String toString() {
        return "BuiltinLanguageModel";
    }
}
