package dev.spectron.core.retrieval;

import dev.spectron.core.Ids;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.session.Turn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a write searchable: one document for the turn (none for a reply of the builtin model, which
 * only echoes memory), one per new fact rendered as a sentence, one per new entity, each with its
 * vector. Vectors are computed by {@link #embedAhead} before the write transaction (a model call
 * must not hold the write lock) and looked up by text in {@link #index}; a text that was not
 * foreseen is embedded there, which is rare.
 */
public final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    /** Vectors computed ahead of the write, by rendered text, with the model that made them. */
    public record Vectors(String model, Map<String, float[]> byText) {
        public static final Vectors NONE = new Vectors(null, Map.of());
    }

    private final EmbedderProvider embedders;
    private final Clock clock;

    public Indexer(EmbedderProvider embedders, Clock clock) {
        this.embedders = embedders;
        this.clock = clock;
    }

    /** Embeds the texts the write will probably index; an embedding failure leaves them to full-text search alone. */
    public Vectors embedAhead(ContextId contextId, String speaker, String content, Extraction extraction, Instant occurredAt) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(DocTexts.turn(speaker, content));
        for (ExtractedAttribute a : extraction.attributes()) {
            texts.add(DocTexts.attribute(a.entity(), AttributeKeys.normalise(a.key()), a.value(), a.validFrom() == null ? occurredAt : a.validFrom()));
        }
        for (ExtractedRelation r : extraction.relations()) {
            texts.add(DocTexts.relation(r.subject(), AttributeKeys.normalise(r.label()), r.object()));
        }
        Embedder embedder = embedders.forContext(contextId);
        try {
            List<String> ordered = new ArrayList<>(texts);
            List<float[]> vectors = embedder.embedAll(ordered);
            Map<String, float[]> byText = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                byText.put(ordered.get(i), vectors.get(i));
            }
            return new Vectors(embedder.id().model(), byText);
        } catch (ModelException e) {
            LOG.warn("context {}: embedding failed, the write is indexed for full-text search only: {}", contextId, e.getMessage());
            return Vectors.NONE;
        }
    }

    /** Inside the write transaction: documents for the turn and for what the diff created. */
    public void index(StoreTransaction tx, ContextId contextId, Turn turn, String speaker, MemoryDiff diff, Vectors vectors) {
        List<Pending> docs = new ArrayList<>();
        if (!DocTexts.isBuiltinReply(turn.content())) {
            docs.add(new Pending(SearchDoc.Kind.TURN, turn.id(), DocTexts.turn(speaker, turn.content()), turn.role().wireName(), 0.5,
                    turn.occurredAt()));
        }
        docs.addAll(factDocs(diff, turn.occurredAt()));
        store(tx, contextId, turn.sessionId(), turn.id(), speaker, docs, vectors, clock.instant());
    }

    /**
     * Inside the write transaction of a turn extracted after it was stored (asynchronous mode): the
     * documents for what the diff created; the turn's own document was made when it was stored.
     */
    public void indexExtracted(StoreTransaction tx, ContextId contextId, Turn turn, String speaker, MemoryDiff diff, Vectors vectors) {
        store(tx, contextId, turn.sessionId(), turn.id(), speaker, factDocs(diff, turn.occurredAt()), vectors, clock.instant());
    }

    /** Documents for facts written without a turn (caller-supplied triples), embedded inside the transaction. */
    public void indexFacts(StoreTransaction tx, ContextId contextId, String sessionId, MemoryDiff diff, Instant occurredAt) {
        String model = embedders.forContext(contextId).id().model();
        store(tx, contextId, sessionId, null, null, factDocs(diff, occurredAt), new Vectors(model, Map.of()), clock.instant());
    }

    private static List<Pending> factDocs(MemoryDiff diff, Instant occurredAt) {
        Map<String, EntityRef> refs = new HashMap<>();
        diff.entities().forEach(change -> refs.put(change.entity().id(), change.entity().ref()));
        List<Pending> docs = new ArrayList<>();
        for (Attribute a : diff.attributes()) {
            EntityRef entity = refs.get(a.entityId());
            if (entity != null) {
                docs.add(new Pending(SearchDoc.Kind.ATTRIBUTE, a.id(), DocTexts.attribute(entity, a.key(), a.value(), a.validFrom()), null,
                        a.importance(), a.validFrom()));
            }
        }
        for (MemoryDiff.RelationView r : diff.relations()) {
            docs.add(new Pending(SearchDoc.Kind.RELATION, r.relation().id(), DocTexts.relation(r.subject(), r.relation().label(), r.object()), null,
                    r.relation().importance(), r.relation().validFrom()));
        }
        for (MemoryDiff.EntityChange change : diff.entities()) {
            if (change.isNew()) {
                Entity e = change.entity();
                docs.add(new Pending(SearchDoc.Kind.ENTITY, e.id(), DocTexts.entity(e.ref()), null, e.importance(), occurredAt));
            }
        }
        return docs;
    }

    private record Pending(SearchDoc.Kind kind, String refId, String text, String role, double importance, Instant occurredAt) {
    }

    private void store(StoreTransaction tx, ContextId contextId, String sessionId, String turnId, String speaker, List<Pending> docs,
                       Vectors vectors, Instant now) {
        var scopes = tx.sessions().find(contextId, sessionId).map(s -> s.scopes()).orElse(dev.spectron.core.session.ScopeSet.NONE);
        Map<String, String> unforeseen = new LinkedHashMap<>();
        for (Pending pending : docs) {
            String id = Ids.newId("doc_", now);
            tx.search().insert(contextId, new SearchDoc(id, pending.kind(), pending.refId(), sessionId, turnId, pending.role(),
                    speaker, pending.text(), scopes, pending.importance(), pending.occurredAt(), now));
            float[] vector = vectors.byText().get(pending.text());
            if (pending.kind() == SearchDoc.Kind.ENTITY) {
                // Entity documents are found by name (full text); a vector would cost an inference per entity and never rank.
                tx.changes().append(contextId, ChangeKind.DOC_INDEXED, id, now);
                continue;
            }
            if (vector != null) {
                tx.search().putEmbedding(contextId, id, vectors.model(), vector);
            } else if (vectors.model() != null) {
                unforeseen.put(id, pending.text());
            }
            tx.changes().append(contextId, ChangeKind.DOC_INDEXED, id, now);
        }
        embedLate(tx, contextId, unforeseen, vectors.model());
    }

    /** Texts not foreseen (an entity spelled differently in memory) are embedded inside the transaction. */
    private void embedLate(StoreTransaction tx, ContextId contextId, Map<String, String> textsById, String model) {
        Embedder embedder = embedders.forContext(contextId);
        if (textsById.isEmpty() || !embedder.id().model().equals(model)) {
            return;
        }
        List<String> ids = new ArrayList<>(textsById.keySet());
        try {
            List<float[]> vectors = embedder.embedAll(ids.stream().map(textsById::get).toList());
            for (int i = 0; i < ids.size(); i++) {
                tx.search().putEmbedding(contextId, ids.get(i), model, vectors.get(i));
            }
        } catch (ModelException e) {
            LOG.warn("context {}: late embedding failed for {} documents: {}", contextId, ids.size(), e.getMessage());
        }
    }
}
