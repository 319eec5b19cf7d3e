package dev.spectron.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spectron.core.retrieval.Reembedder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bodies of the context routes (spectron-api.md §2.8). */
final class ContextWire {
    private ContextWire() {
    }

    /** {@code POST /contexts}. */
    record CreateRequest(@JsonProperty(value = "id", required = true) String id, String description, Map<String, Object> config) {
    }

    /** {@code POST /contexts/{id}}: the id is in the path. */
    record CreateAtPathRequest(String description, Map<String, Object> config) {
    }

    /** {@code PATCH /contexts/{id}}: {@code config} is a JSON merge patch. */
    record PatchRequest(Map<String, Object> config) {
    }

    /** {@code GET /contexts}. */
    record ContextList(List<ContextJson> contexts) {
    }

    /** {@code POST|GET /contexts/{id}/lifecycle/reindex}: a re-embedding job. */
    record ReindexProgress(String model, String status, int total, int done, String error, String startedAt, String finishedAt) {
        static ReindexProgress from(Reembedder.Progress p) {
            return new ReindexProgress(p.model(), p.status().name().toLowerCase(Locale.ROOT), p.total(), p.done(), p.error(),
                    p.startedAt().toString(), p.finishedAt() == null ? null : p.finishedAt().toString());
        }
    }
}
