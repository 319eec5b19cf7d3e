package dev.spectron.core.extraction;

/**
 * A standing directive ("always answer in bullet points"), or its revocation ("stop using bullet
 * points"), which deactivates the matching instruction instead of deleting it.
 *
 * @param label a short stable handle, e.g. {@code answer_format}; a later directive with the same
 *              label replaces the earlier one
 */
public record ExtractedInstruction(String label, String description, boolean revoke, Span span) {
}
