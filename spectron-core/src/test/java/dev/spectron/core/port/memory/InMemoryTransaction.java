package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.AttributeRecords;
import dev.spectron.core.port.ChangeLog;
import dev.spectron.core.port.ContextRecords;
import dev.spectron.core.port.EntityRecords;
import dev.spectron.core.port.ExtractionJobs;
import dev.spectron.core.port.IdempotencyRecords;
import dev.spectron.core.port.InstructionRecords;
import dev.spectron.core.port.KeyRecords;
import dev.spectron.core.port.RelationRecords;
import dev.spectron.core.port.SearchRecords;
import dev.spectron.core.port.SessionRecords;
import dev.spectron.core.port.Settings;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.port.TraceRecords;
import dev.spectron.core.port.TurnRecords;
import dev.spectron.core.port.UncertaintyRecords;

/**
 * The per-aggregate parts over one transaction's tables. It enforces what the port only states: a
 * read transaction never writes, and no transaction is used after the call that handed it out.
 */
final class InMemoryTransaction implements StoreTransaction {
    private final Tables tables;
    private final boolean writable;
    private volatile boolean open = true;

    InMemoryTransaction(Tables tables, boolean writable) {
        this.tables = tables;
        this.writable = writable;
    }

    /** The tables, to query. */
    Tables read() {
        if (!open) {
            throw new IllegalStateException("a store transaction used after the call that handed it out");
        }
        return tables;
    }

    /** The tables, to change; refused in a read. */
    Tables write() {
        if (!writable) {
            throw new IllegalStateException("a read transaction must not write");
        }
        return read();
    }

    /** Fails as a foreign key would when {@code contextId} names no context. */
    Tables writeIn(ContextId contextId) {
        Tables t = write();
        if (!t.contexts.containsKey(contextId)) {
            throw new IllegalStateException("foreign key: no context '" + contextId.value() + "'");
        }
        return t;
    }

    void end() {
        open = false;
    }

    @Override
    public ContextRecords contexts() {
        return new InMemoryContextRecords(this);
    }

    @Override
    public KeyRecords keys() {
        return new InMemoryKeyRecords(this);
    }

    @Override
    public SessionRecords sessions() {
        return new InMemorySessionRecords(this);
    }

    @Override
    public TurnRecords turns() {
        return new InMemoryTurnRecords(this);
    }

    @Override
    public ChangeLog changes() {
        return new InMemoryChangeLog(this);
    }

    @Override
    public IdempotencyRecords idempotency() {
        return new InMemoryIdempotencyRecords(this);
    }

    @Override
    public Settings settings() {
        return new InMemorySettings(this);
    }

    @Override
    public EntityRecords entities() {
        return new InMemoryEntityRecords(this);
    }

    @Override
    public AttributeRecords attributes() {
        return new InMemoryAttributeRecords(this);
    }

    @Override
    public RelationRecords relations() {
        return new InMemoryRelationRecords(this);
    }

    @Override
    public InstructionRecords instructions() {
        return new InMemoryInstructionRecords(this);
    }

    @Override
    public UncertaintyRecords uncertainties() {
        return new InMemoryUncertaintyRecords(this);
    }

    @Override
    public SearchRecords search() {
        return new InMemorySearchRecords(this);
    }

    @Override
    public TraceRecords traces() {
        return new InMemoryTraceRecords(this);
    }

    @Override
    public ExtractionJobs extractionJobs() {
        return new InMemoryExtractionJobs(this);
    }
}
