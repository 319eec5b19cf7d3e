package dev.spectron.store.postgres;

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
import java.sql.Connection;

/** The per-aggregate parts over one open connection; cheap enough to build per transaction. */
final class PostgresTransaction implements StoreTransaction {
    private final Sql sql;

    PostgresTransaction(Connection connection) {
        this.sql = new Sql(connection);
    }

    @Override
    public ContextRecords contexts() {
        return new PostgresContextRecords(sql);
    }

    @Override
    public KeyRecords keys() {
        return new PostgresKeyRecords(sql);
    }

    @Override
    public SessionRecords sessions() {
        return new PostgresSessionRecords(sql);
    }

    @Override
    public TurnRecords turns() {
        return new PostgresTurnRecords(sql);
    }

    @Override
    public ChangeLog changes() {
        return new PostgresChangeLog(sql);
    }

    @Override
    public IdempotencyRecords idempotency() {
        return new PostgresIdempotencyRecords(sql);
    }

    @Override
    public Settings settings() {
        return new PostgresServerSettings(sql);
    }

    @Override
    public EntityRecords entities() {
        return new PostgresEntityRecords(sql);
    }

    @Override
    public AttributeRecords attributes() {
        return new PostgresAttributeRecords(sql);
    }

    @Override
    public RelationRecords relations() {
        return new PostgresRelationRecords(sql);
    }

    @Override
    public InstructionRecords instructions() {
        return new PostgresInstructionRecords(sql);
    }

    @Override
    public UncertaintyRecords uncertainties() {
        return new PostgresUncertaintyRecords(sql);
    }

    @Override
    public SearchRecords search() {
        return new PostgresSearchRecords(sql);
    }

    @Override
    public TraceRecords traces() {
        return new PostgresTraceRecords(sql);
    }

    @Override
    public ExtractionJobs extractionJobs() {
        return new PostgresExtractionJobs(sql);
    }
}
