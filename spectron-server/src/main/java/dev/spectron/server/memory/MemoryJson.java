package dev.spectron.server.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.memory.Uncertainty;
import java.time.Instant;

/** Wire shapes of stored memory (spectron-api.md §1.6, §2.4), shared by the diff, /state, /profile and /entities. */
public final class MemoryJson {
    private MemoryJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityDetail(String id, String name, String entityType, String path, String memoryCategory, double importance,
                               String createdAt, String updatedAt, Boolean isNew) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeDetail(String id, String entity, String entityId, String key, String value, String memoryCategory,
                                  double importance, double confidence, String validFrom, String validUntil, String supersedes,
                                  String supersededBy, Source source, String createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelationDetail(String id, String subject, String label, String object, String memoryCategory, double importance,
                                 double confidence, String validFrom, String validUntil, String supersedes, String supersededBy,
                                 Source source, String createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, String ref, String sessionId, Span span) {
    }

    public record Span(int start, int end) {
    }

    public record InstructionSummary(String id, String label, String description, boolean active) {
    }

    public record UncertaintySummary(String about, String reason) {
    }

    public static EntityDetail entity(Entity entity, Boolean isNew) {
        return new EntityDetail(entity.id(), entity.ref().name(), entity.ref().type().wireName(), entity.ref().path(),
                entity.category().wireName(), entity.importance(), text(entity.createdAt()), text(entity.updatedAt()), isNew);
    }

    /** {@code entityPath} is the owning entity as {@code type/name}, when known. */
    public static AttributeDetail attribute(Attribute a, String entityPath) {
        return new AttributeDetail(a.id(), entityPath, a.entityId(), a.key(), a.value(), a.category().wireName(), a.importance(),
                a.confidence(), text(a.validFrom()), text(a.validUntil()), a.supersedes(), a.supersededBy(), source(a.source()),
                text(a.createdAt()));
    }

    public static RelationDetail relation(Relation r, EntityRef subject, EntityRef object) {
        return new RelationDetail(r.id(), subject == null ? r.subjectId() : subject.path(), r.label(),
                object == null ? r.objectId() : object.path(), r.category().wireName(), r.importance(), r.confidence(),
                text(r.validFrom()), text(r.validUntil()), r.supersedes(), r.supersededBy(), source(r.source()), text(r.createdAt()));
    }

    public static InstructionSummary instruction(Instruction i) {
        return new InstructionSummary(i.id(), i.label(), i.description(), i.active());
    }

    public static UncertaintySummary uncertainty(Uncertainty u) {
        return new UncertaintySummary(u.about(), u.reason());
    }

    private static Source source(SourceRef source) {
        Span span = source.spanStart() == null ? null : new Span(source.spanStart(), source.spanEnd());
        return new Source(source.kind().wireName(), source.turnId() == null ? null : "turn:" + source.turnId(), source.sessionId(), span);
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
