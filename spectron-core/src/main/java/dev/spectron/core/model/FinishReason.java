package dev.spectron.core.model;

/** Why the model stopped generating. */
public enum FinishReason {
    /** It finished its answer. */
    STOP,
    /** It hit the token cap: the text is cut off. */
    LENGTH,
    /** A safety filter ended it. */
    CONTENT_FILTER,
    /** Anything else, or the provider did not say. */
    OTHER
}
