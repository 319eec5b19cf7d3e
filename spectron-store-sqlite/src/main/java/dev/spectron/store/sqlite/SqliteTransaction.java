package dev.spectron.store.sqlite;

import dev.spectron.core.port.AttributeRecords;
import dev.spectron.core.port.ChangeLog;
import dev.spectron.core.port.EntityRecords;
import dev.spectron.core.port.ExtractionJobs;
import dev.spectron.core.port.InstructionRecords;
import dev.spectron.core.port.RelationRecords;
import dev.spectron.core.port.SearchRecords;
import dev.spectron.core.port.UncertaintyRecords;
import dev.spectron.core.port.ContextRecords;
import dev.spectron.core.port.IdempotencyRecords;
import dev.spectron.core.port.KeyRecords;
import dev.spectron.core.port.SessionRecords;
import dev.spectron.core.port.Settings;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.port.TraceRecords;
import dev.spectron.core.port.TurnRecords;

/** The per-aggregate parts over one open connection; cheap enough to build per transaction. */
final class SqliteTransaction implements StoreTransaction {
    private final Sql sql;

    SqliteTransaction(Sql sql) {
        this.sql = sql;
    }

    @Override
    public ContextRecords contexts() {
        return new SqliteContextRecords(sql);
    }

    @Override
    public KeyRecords keys() {
        return new SqliteKeyRecords(sql);
    }

    @Override
    public SessionRecords sessions() {
        return new SqliteSessionRecords(sql);
    }

    @Override
    public TurnRecords turns() {
        return new SqliteTurnRecords(sql);
    }

    @Override
    public ChangeLog changes() {
        return new SqliteChangeLog(sql);
    }

    @Override
    public IdempotencyRecords idempotency() {
        return new SqliteIdempotencyRecords(sql);
    }

    @Override
    public Settings settings() {
        return new SqliteSettings(sql);
    }

    @Override
    public EntityRecords entities() {
        return new SqliteEntityRecords(sql);
    }

    @Override
    public AttributeRecords attributes() {
        return new SqliteAttributeRecords(sql);
    }

    @Override
    public RelationRecords relations() {
        return new SqliteRelationRecords(sql);
    }

    @Override
    public InstructionRecords instructions() {
        return new SqliteInstructionRecords(sql);
    }

    @Override
    public UncertaintyRecords uncertainties() {
        return new SqliteUncertaintyRecords(sql);
    }

    @Override
    public SearchRecords search() {
        return new SqliteSearchRecords(sql);
    }

    @Override
    public TraceRecords traces() {
        return new SqliteTraceRecords(sql);
    }

    @Override
    public ExtractionJobs extractionJobs() {
        return new SqliteExtractionJobs(sql);
    }
}
