package dev.spectron.server.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spectron.core.reconcile.ExtractionStatus;
import dev.spectron.core.reconcile.MemoryDiff;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The memory diff on the wire: the seed's {@code session.turn()} result and the upstream
 * {@code ExtractionResult} (spectron-api.md §2.2.1), plus {@code invalidations} and the
 * {@code extraction} status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiffJson(String turnId, Object turn, List<MemoryJson.EntityDetail> entities, List<MemoryJson.AttributeDetail> attributes,
                       List<MemoryJson.RelationDetail> relations, List<MemoryJson.InstructionSummary> instructions,
                       List<MemoryJson.UncertaintySummary> uncertainties, List<CorrectionJson> corrections,
                       List<InvalidationJson> invalidations, ExtractionJson extraction) {

    public record CorrectionJson(String entityId, String key, String oldValue, String newValue) {
    }

    public record InvalidationJson(String id, String entityId, String key, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtractionJson(String status, List<String> stages, String error) {
        static ExtractionJson from(ExtractionStatus status) {
            return new ExtractionJson(status.failed() ? "failed" : "ok", status.stages(), status.error());
        }
    }

    /** An asynchronous turn as acknowledged: stored, its extraction queued (issue 20). */
    public static DiffJson pending(String turnId, Object turn) {
        return new DiffJson(turnId, turn, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new ExtractionJson("pending", List.of(), null));
    }

    /** {@code turn} is the stored turn's wire form, or null when the diff spans several turns. */
    public static DiffJson from(String turnId, Object turn, MemoryDiff diff) {
        Map<String, String> paths = diff.entities().stream()
                .collect(Collectors.toMap(change -> change.entity().id(), change -> change.entity().ref().path(), (a, b) -> a));
        return new DiffJson(turnId, turn,
                diff.entities().stream().map(change -> MemoryJson.entity(change.entity(), change.isNew())).toList(),
                diff.attributes().stream().map(a -> MemoryJson.attribute(a, paths.get(a.entityId()))).toList(),
                diff.relations().stream().map(r -> MemoryJson.relation(r.relation(), r.subject(), r.object())).toList(),
                diff.instructions().stream().map(MemoryJson::instruction).toList(),
                diff.uncertainties().stream().map(MemoryJson::uncertainty).toList(),
                diff.corrections().stream().map(c -> new CorrectionJson(c.entityId(), c.key(), c.oldValue(), c.newValue())).toList(),
                diff.invalidations().stream().map(i -> new InvalidationJson(i.id(), i.entityId(), i.keyOrLabel(), i.value())).toList(),
                ExtractionJson.from(diff.extraction()));
    }
}
