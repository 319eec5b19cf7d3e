package dev.spectron.models.embedding.gemini;

import dev.langchain4j.exception.NonRetriableException;

/**
 * A failed HTTP attempt, disguised so that LangChain4j's internal retry loop gives up at once.
 * The failure is held in a field, not as the cause: LangChain4j classifies by the root cause and
 * would find the HTTP status again. {@link GeminiEmbedder} unwraps it before our exception mapper.
 */
final class AttemptFailed extends NonRetriableException {

    private final RuntimeException failure;

    AttemptFailed(RuntimeException failure) {
        super(failure.getMessage());
        this.failure = failure;
    }

    RuntimeException failure() {
        return failure;
    }
}
