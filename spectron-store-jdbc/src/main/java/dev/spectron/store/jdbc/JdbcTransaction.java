package dev.spectron.store.jdbc;

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
public final class JdbcTransaction implements StoreTransaction {
    private final Sql sql;

    public JdbcTransaction(Sql sql) {
        this.sql = sql;
    }

    @Override
    public ContextRecords contexts() {
        return new JdbcContextRecords(sql);
    }

    @Override
    public KeyRecords keys() {
        return new JdbcKeyRecords(sql);
    }

    @Override
    public SessionRecords sessions() {
        return new JdbcSessionRecords(sql);
    }

    @Override
    public TurnRecords turns() {
        return new JdbcTurnRecords(sql);
    }

    @Override
    public ChangeLog changes() {
        return new JdbcChangeLog(sql);
    }

    @Override
    public IdempotencyRecords idempotency() {
        return new JdbcIdempotencyRecords(sql);
    }

    @Override
    public Settings settings() {
        return new JdbcSettings(sql);
    }

    @Override
    public EntityRecords entities() {
        return new JdbcEntityRecords(sql);
    }

    @Override
    public AttributeRecords attributes() {
        return new JdbcAttributeRecords(sql);
    }

    @Override
    public RelationRecords relations() {
        return new JdbcRelationRecords(sql);
    }

    @Override
    public InstructionRecords instructions() {
        return new JdbcInstructionRecords(sql);
    }

    @Override
    public UncertaintyRecords uncertainties() {
        return new JdbcUncertaintyRecords(sql);
    }

    @Override
    public SearchRecords search() {
        return new JdbcSearchRecords(sql);
    }

    @Override
    public TraceRecords traces() {
        return new JdbcTraceRecords(sql);
    }

    @Override
    public ExtractionJobs extractionJobs() {
        return new JdbcExtractionJobs(sql);
    }
}
