package dev.spectron.models.chat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonReplyParser;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.TokenUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LanguageModel} behaviour shared by every LangChain4j-backed provider, written once
 * (as LangChain4j's {@code ChatModel.chat} wraps {@code doChat}): exception mapping, the retry
 * policy, structured output with one repair attempt, refusals, timing and usage. A provider
 * subclass only builds its two LangChain4j clients with their own retries switched off.
 */
public abstract class ChatLanguageModel implements LanguageModel {

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanguageModel.class);
    /** Stands in for an empty answer in the repair exchange: providers reject empty assistant turns. */
    private static final String EMPTY_ANSWER = "(empty answer)";

    private final String provider;
    private final String model;
    private final ChatModel chatModel;
    private final BlockingStream streaming;
    private final ExceptionMapper mapper;
    private final Retrier retrier;
    private final Duration deadline;

    protected ChatLanguageModel(ModelProvider provider, ProviderConfig config, ChatModel chatModel,
            StreamingChatModel streamingModel) {
        this.provider = provider.id();
        this.model = config.model();
        this.chatModel = chatModel;
        this.streaming = new BlockingStream(this.provider, streamingModel, config.options().timeout());
        this.mapper = new ExceptionMapper(this.provider);
        this.retrier = Retrier.sleeping(this.provider, config.options().retry());
        this.deadline = config.options().deadline();
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        CallDeadline callDeadline = CallDeadline.after(deadline);
        return callDeadline.run(provider, model, () -> completeWithin(request, callDeadline));
    }

    private ModelReply completeWithin(ModelRequest request, CallDeadline callDeadline) {
        long start = System.nanoTime();
        ChatResponse response = exchange(ChatTranslation.toChatRequest(request, null), callDeadline);
        return ModelReply.plain(ChatTranslation.text(response), ChatTranslation.modelId(response, model),
                ChatTranslation.usage(response), since(start), ChatTranslation.finishReason(response));
    }

    @Override
    public ModelReply completeJson(ModelRequest request, JsonSchemaSpec schema) {
        CallDeadline callDeadline = CallDeadline.after(deadline);
        return callDeadline.run(provider, model, () -> completeJsonWithin(request, schema, callDeadline));
    }

    private ModelReply completeJsonWithin(ModelRequest request, JsonSchemaSpec schema, CallDeadline callDeadline) {
        long start = System.nanoTime();
        ChatResponse response = exchange(ChatTranslation.toChatRequest(request, schema), callDeadline);
        String raw = ChatTranslation.text(response);
        TokenUsage usage = ChatTranslation.usage(response);
        Optional<String> json = JsonReplyParser.findObject(raw);
        if (json.isEmpty()) {
            // the answer echoes user data: its text goes to debug only
            LOG.warn("{}/{} answered {} chars without a valid JSON object; asking once to repair it",
                    provider, model, raw.length());
            LOG.debug("{}/{} unparsable answer: {}", provider, model, JsonReplyParser.excerpt(raw));
            ModelRequest repair = request.followedBy(
                    ModelMessage.assistant(raw.isBlank() ? EMPTY_ANSWER : raw),
                    ModelMessage.user(RepairPrompt.forSchema(schema)));
            response = exchange(ChatTranslation.toChatRequest(repair, schema), callDeadline);
            raw = ChatTranslation.text(response);
            usage = usage.plus(ChatTranslation.usage(response));
            json = Optional.of(JsonReplyParser.requireObject(raw, provider));
        }
        return new ModelReply(json.get(), raw, ChatTranslation.modelId(response, model), usage, since(start),
                ChatTranslation.finishReason(response));
    }

    /**
     * Streams on the calling thread (so {@code onDelta} runs there); the deadline bounds every wait
     * for the next chunk, and a stream cut short of its end marker fails as {@code CUT_OFF}.
     */
    @Override
    public ModelReply stream(ModelRequest request, Consumer<String> onDelta) {
        CallDeadline callDeadline = CallDeadline.after(deadline);
        long start = System.nanoTime();
        ChatRequest chatRequest = ChatTranslation.toChatRequest(request, null);
        AtomicBoolean shown = new AtomicBoolean();
        StringBuilder text = new StringBuilder();
        ChatResponse response;
        try {
            response = retrier.call(() -> mapper.call(() -> streaming.exchange(chatRequest, delta -> {
                try {
                    onDelta.accept(delta);
                } catch (RuntimeException consumerFailure) {
                    throw new DeltaConsumerException(consumerFailure);
                }
                shown.set(true);
                text.append(delta);
            }, callDeadline, model)), () -> !shown.get(), callDeadline);
        } catch (DeltaConsumerException failure) {
            throw failure.getCause();
        } catch (ModelException failure) {
            throw callDeadline.explain(failure, provider, model);
        }
        checked(response);
        return ModelReply.plain(text.toString(), ChatTranslation.modelId(response, model),
                ChatTranslation.usage(response), since(start), ChatTranslation.finishReason(response));
    }

    private ChatResponse exchange(ChatRequest request, CallDeadline callDeadline) {
        return checked(retrier.call(() -> mapper.call(() -> chatModel.chat(request)), () -> true, callDeadline));
    }

    /** A filtered answer is no answer: callers must not store or show a blank or partial text as the reply. */
    private ChatResponse checked(ChatResponse response) {
        if (ChatTranslation.finishReason(response) == FinishReason.CONTENT_FILTER) {
            throw new ModelException(ModelException.Kind.REFUSED, provider, provider + "/" + model
                    + " stopped on its content filter: " + JsonReplyParser.excerpt(ChatTranslation.text(response)));
        }
        return response;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider + "/" + model + "]";
    }
}
