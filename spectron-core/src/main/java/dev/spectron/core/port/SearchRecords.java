package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.StoredVector;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Search documents, their full-text index and their embeddings. Reads leave retired documents out unless they say otherwise. */
public interface SearchRecords {
    void insert(ContextId contextId, SearchDoc doc);

    /** Stores a document's vector under {@code model}; a vector of another model for the same document stays apart. */
    void putEmbedding(ContextId contextId, String docId, String model, float[] vector);

    /** The text of every document of the context by id, in the order they were indexed: to build the in-process full-text index. */
    Map<String, String> texts(ContextId contextId);

    List<SearchDoc> find(ContextId contextId, Collection<String> ids);

    /** Documents standing for these turns, attributes, relations or entities. */
    List<SearchDoc> findByRefs(ContextId contextId, Collection<String> refIds);

    /** Every vector of the context under {@code model}, to build the in-process index. */
    List<StoredVector> vectors(ContextId contextId, String model);

    List<StoredVector> vectors(ContextId contextId, String model, Collection<String> docIds);

    /** Documents (entity documents aside: they are found by name) that have no vector under {@code model} yet, oldest first: the work of a re-embedding. */
    List<SearchDoc> withoutVector(ContextId contextId, String model, int limit);

    /** How many documents have no vector under {@code model}. */
    int countWithoutVector(ContextId contextId, String model);

    /** Removes the documents (and vectors) of a deleted session's turns; returns their ids. */
    List<String> deleteTurnDocs(ContextId contextId, String sessionId);

    /**
     * Documents whose text contains every one of {@code terms} (plain words, in any form the index
     * folds to the same stem), in the order they were indexed; retired ones only when asked.
     * Unranked and unlimited, unlike the retriever's {@code TextIndex}: forget must see every match.
     */
    List<SearchDoc> containingAll(ContextId contextId, List<String> terms, boolean includeRetired);

    /** Hides documents from every read but {@link #containingAll} with retired ones; their vectors go. */
    void retire(ContextId contextId, Collection<String> docIds, Instant at);

    /** Removes the documents (retired or not, with their vectors) standing for these refs; returns their ids. */
    List<String> deleteByRefs(ContextId contextId, Collection<String> refIds);
}
