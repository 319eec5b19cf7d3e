package dev.spectron.client;

/**
 * One piece of a streamed chat. Every chunk but the last carries a {@link #delta()} of reply text
 * and {@code done() == false}; the last has {@code done() == true}, an empty delta, and the full
 * {@link #result()} (reply, memory updates, citations, ids).
 *
 * @param delta  reply text to append (empty on the final chunk)
 * @param done   whether this is the final chunk
 * @param result the full result on the final chunk, null before
 */
public record ChatChunk(String delta, boolean done, ChatResult result) {
}
