package dev.spectron.core.change;

/**
 * What a change-log row records; caches (vector index, vocabulary) replay these to stay current.
 * {@code DOCS_RETIRED}: a forget hid a search document (its vector is gone, the row stays for a
 * later purge). {@code MEMORY_PURGED}: a purge erased the attribute, relation, instruction, entity
 * or turn named by {@code refId}; a cache holding it must drop it.
 */
public enum ChangeKind {
    SESSION_CREATED, SESSION_DELETED, TURN_APPENDED,
    ENTITY_WRITTEN, ATTRIBUTE_WRITTEN, ATTRIBUTE_CLOSED, RELATION_WRITTEN, RELATION_CLOSED, INSTRUCTION_WRITTEN, UNCERTAINTY_WRITTEN,
    DOC_INDEXED, DOCS_DELETED, DOCS_RETIRED, MEMORY_PURGED
}
