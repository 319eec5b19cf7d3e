package dev.spectron.core.retrieval;

/** A candidate from one retriever: a document id and that retriever's score (higher is better). */
public record ScoredId(String id, double score) {
}
