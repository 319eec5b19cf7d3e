package dev.spectron.core.change;

/** What a change-log row records; caches (vector index, vocabulary) replay these to stay current. */
public enum ChangeKind {
    SESSION_CREATED, SESSION_DELETED, TURN_APPENDED,
    ENTITY_WRITTEN, ATTRIBUTE_WRITTEN, ATTRIBUTE_CLOSED, RELATION_WRITTEN, RELATION_CLOSED, INSTRUCTION_WRITTEN, UNCERTAINTY_WRITTEN,
    DOC_INDEXED, DOCS_DELETED
}
