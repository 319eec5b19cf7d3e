package dev.spectron.core.port.memory;

import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.change.Change;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotencyRecord;
import dev.spectron.core.ingest.ExtractionJob;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.memory.Uncertainty;
import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of an in-memory database, one map per table of the SQL schema, each keyed as that
 * table's primary key. Values are immutable records (a changed row is a new record put under the
 * same key), so {@link #copy} copies the maps and never the rows, and a copy is a full snapshot.
 * Maps keep insertion order: it stands in for SQLite's {@code rowid} where the port promises "the
 * order they were indexed".
 */
final class Tables {
    /** A key carrying the context it belongs to, so deleting a context can cascade over every table. */
    interface Owned {
        ContextId contextId();
    }

    /** The common primary key: {@code (context_id, id)}. */
    record Key(ContextId contextId, String id) implements Owned {
    }

    record ChangeKey(ContextId contextId, long seq) implements Owned {
    }

    record IdempotencyKey(ContextId contextId, String principal, String key) implements Owned {
    }

    record VectorKey(ContextId contextId, String docId, String model) implements Owned {
    }

    /** A context with the last change-log number it handed out (the {@code change_seq} column). */
    record ContextRow(Context context, long changeSeq) {
    }

    /** A queued extraction with its claim ({@code null}s: unclaimed). */
    record JobRow(ExtractionJob job, String claimedBy, Instant claimedUntil) {
    }

    /** A search document and when it was retired ({@code null}: live). */
    record DocRow(SearchDoc doc, Instant retiredAt) {
        boolean retired() {
            return retiredAt != null;
        }
    }

    final Map<ContextId, ContextRow> contexts;
    final Map<String, ApiKey> keys;
    final Map<Key, Session> sessions;
    final Map<Key, Turn> turns;
    final Map<ChangeKey, Change> changes;
    final Map<IdempotencyKey, IdempotencyRecord> idempotency;
    final Map<String, String> settings;
    final Map<Key, Entity> entities;
    final Map<Key, Attribute> attributes;
    final Map<Key, Relation> relations;
    final Map<Key, Instruction> instructions;
    final Map<Key, Uncertainty> uncertainties;
    final Map<Key, DocRow> docs;
    final Map<VectorKey, float[]> vectors;
    final Map<Key, StoredTrace> traces;
    /** Keyed by (context, turn id); a job goes with its turn, as the SQL foreign key cascades. */
    final Map<Key, JobRow> jobs;

    /** An empty database. */
    static Tables empty() {
        return new Tables(null);
    }

    /** @param f the tables to copy, or null for empty ones */
    private Tables(Tables f) {
        contexts = copy(f == null ? null : f.contexts);
        keys = copy(f == null ? null : f.keys);
        sessions = copy(f == null ? null : f.sessions);
        turns = copy(f == null ? null : f.turns);
        changes = copy(f == null ? null : f.changes);
        idempotency = copy(f == null ? null : f.idempotency);
        settings = copy(f == null ? null : f.settings);
        entities = copy(f == null ? null : f.entities);
        attributes = copy(f == null ? null : f.attributes);
        relations = copy(f == null ? null : f.relations);
        instructions = copy(f == null ? null : f.instructions);
        uncertainties = copy(f == null ? null : f.uncertainties);
        docs = copy(f == null ? null : f.docs);
        vectors = copy(f == null ? null : f.vectors); // arrays are never changed in place: put and read clone them
        traces = copy(f == null ? null : f.traces);
        jobs = copy(f == null ? null : f.jobs);
    }

    /** A snapshot a transaction can change without touching this one. */
    Tables copy() {
        return new Tables(this);
    }

    /** Removes every row of the context, as the SQL schema's {@code ON DELETE CASCADE} does. */
    void cascade(ContextId contextId) {
        keys.values().removeIf(key -> key.contextId().equals(contextId));
        for (Map<? extends Owned, ?> table : List.of(sessions, turns, changes, idempotency, entities, attributes, relations, instructions,
                uncertainties, docs, vectors, traces, jobs)) {
            table.keySet().removeIf(key -> key.contextId().equals(contextId));
        }
    }

    private static <K, V> Map<K, V> copy(Map<K, V> from) {
        return from == null ? new LinkedHashMap<>() : new LinkedHashMap<>(from);
    }
}
