package dev.spectron.core.port;

/**
 * One database transaction, seen through narrow per-aggregate parts. Valid only inside the
 * {@link MemoryStore#write} or {@link MemoryStore#read} call that handed it out.
 */
public interface StoreTransaction {
    ContextRecords contexts();

    KeyRecords keys();

    SessionRecords sessions();

    TurnRecords turns();

    ChangeLog changes();

    IdempotencyRecords idempotency();

    Settings settings();

    EntityRecords entities();

    AttributeRecords attributes();

    RelationRecords relations();

    InstructionRecords instructions();

    UncertaintyRecords uncertainties();

    SearchRecords search();

    TraceRecords traces();

    /** The asynchronous extraction queue (issue 20). */
    ExtractionJobs extractionJobs();
}
