package dev.spectron.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.EmbedderId;
import dev.spectron.core.embedding.VectorHit;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.VectorCache;
import dev.spectron.core.session.ScopeSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process vector index follows the change log: what a forget retires or purges leaves it, loaded or live. */
class VectorCacheIT {
    private static final ContextId A = new ContextId("alpha");
    private static final EmbedderId MODEL = new EmbedderId("test/two-d", 2);
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void retired_and_deleted_documents_leave_the_index() {
        try (MemoryStore store = SqliteMemoryStore.open(dir.resolve("spectron.db"))) {
            store.write(tx -> {
                tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
                for (String id : List.of("doc_1", "doc_2", "doc_3")) {
                    tx.search().insert(A, new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + id, "sess_1", "turn_" + id, "user", "ada", id,
                            ScopeSet.NONE, 0.5, T0, T0));
                    tx.search().putEmbedding(A, id, MODEL.model(), new float[] {1f, 0f});
                    tx.changes().append(A, ChangeKind.DOC_INDEXED, id, T0);
                }
                return null;
            });
            VectorCache cache = new VectorCache(store);
            assertThat(ids(cache)).containsExactlyInAnyOrder("doc_1", "doc_2", "doc_3");

            store.write(tx -> {
                tx.search().retire(A, List.of("doc_1"), T0);
                tx.changes().append(A, ChangeKind.DOCS_RETIRED, "doc_1", T0);
                tx.search().deleteByRefs(A, List.of("turn_doc_2")).forEach(id -> tx.changes().append(A, ChangeKind.DOCS_DELETED, id, T0));
                return null;
            });
            assertThat(ids(cache)).containsExactly("doc_3");
            assertThat(ids(new VectorCache(store))).containsExactly("doc_3");
        }
    }

    private static List<String> ids(VectorCache cache) {
        return cache.current(A, MODEL).search(new float[] {1f, 0f}, 10).stream().map(VectorHit::id).toList();
    }
}
