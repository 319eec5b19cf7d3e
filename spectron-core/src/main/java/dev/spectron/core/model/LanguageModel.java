package dev.spectron.core.model;

import java.util.function.Consumer;

/**
 * A chat model behind one blocking API.
 *
 * <p><b>Threads.</b> Every method blocks until the answer is complete. Call it from a virtual
 * thread (request handlers run on one); never from a platform thread you cannot afford to park
 * for the call's deadline. Provider-backed models bound every call by a total deadline (connect,
 * headers, body, retries and repair included) and fail it as {@code TIMEOUT} when it passes.
 *
 * <p><b>Failures.</b> Every failure is a {@link ModelException}, whose {@link ModelException.Kind}
 * says what to do. Implementations retry rate limits, 5xx and timeouts themselves (a bounded
 * number of times, with backoff), so a retryable kind that reaches the caller means the provider
 * stayed unavailable; the caller should surface it, not loop. Misconfiguration is reported when
 * the model is resolved, never at the first call.
 *
 * <p><b>Traps.</b>
 * <ul>
 *   <li>A {@link ModelReply} with {@link FinishReason#LENGTH} is truncated; its text is still
 *       returned as written.</li>
 *   <li>{@link #completeJson} checks JSON syntax, not the schema: validate the fields you read.</li>
 *   <li>{@link #stream} retries only before the first delta; once text has reached the consumer
 *       a failure is thrown as is, and the consumer must discard what it showed, or mark it cut.
 *       A stream that ends without its end marker fails as {@link ModelException.Kind#CUT_OFF}.</li>
 * </ul>
 */
public interface LanguageModel {

    /** Sends the request and returns the model's text as written. */
    ModelReply complete(ModelRequest request);

    /**
     * Asks for a JSON object following {@code schema}, using the provider's structured-output
     * feature where it has one, then extracts the object with {@link JsonReplyParser}. When the
     * answer holds no valid object, asks once more with the bad answer and a repair instruction.
     *
     * @return a reply whose {@code text} is the JSON object alone and whose {@code rawText} is
     *     what the model wrote
     * @throws ModelException {@link ModelException.Kind#MALFORMED_OUTPUT} when the repaired answer
     *     is still not a JSON object, with an excerpt of it in the message
     */
    ModelReply completeJson(ModelRequest request, JsonSchemaSpec schema);

    /**
     * Like {@link #complete}, handing text to {@code onDelta} as it arrives, on the calling
     * thread. The deltas concatenate to the returned reply's text. An exception thrown by
     * {@code onDelta} aborts the call and propagates unchanged.
     */
    ModelReply stream(ModelRequest request, Consumer<String> onDelta);
}
