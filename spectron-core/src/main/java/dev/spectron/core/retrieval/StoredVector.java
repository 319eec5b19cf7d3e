package dev.spectron.core.retrieval;

/** A stored embedding of one search document under one model. */
public record StoredVector(String docId, float[] vector) {
}
