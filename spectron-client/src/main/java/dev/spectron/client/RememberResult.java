package dev.spectron.client;

/**
 * The outcome of {@code remember}.
 *
 * @param mode       full, triples, preview or none
 * @param sessionId  the session the text went to (created when none was given)
 * @param turnId     the stored turn, or null (preview)
 * @param chunkId    the stored literal chunk ({@code infer=none}), or null
 * @param preview    true for a dry run (nothing stored)
 * @param extraction what was extracted, or null ({@code infer=none})
 */
public record RememberResult(String mode, String sessionId, String turnId, String chunkId, boolean preview, Diff extraction) {
}
