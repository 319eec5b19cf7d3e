package dev.spectron.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import dev.spectron.core.retrieval.ScoredId;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.TextCache;
import dev.spectron.core.retrieval.TextIndex;
import dev.spectron.core.session.ScopeSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process full-text index follows the change log: loaded or live, per context, without what was retired or deleted. */
class TextCacheIT {
    private static final ContextId A = new ContextId("alpha");
    private static final ContextId B = new ContextId("beta");
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void follows_writes_retirements_and_deletions_of_one_context() {
        try (MemoryStore store = SqliteMemoryStore.open(dir.resolve("spectron.db"))) {
            store.write(tx -> {
                tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
                tx.contexts().insert(new Context(B, "", ContextConfig.empty(), T0));
                index(tx, A, "doc_1", "Ada is allergic to peanuts.");
                index(tx, A, "doc_2", "Ada bought peanuts for Bob.");
                index(tx, B, "doc_9", "Peanuts everywhere.");
                return null;
            });
            TextCache cache = new TextCache(store);
            assertThat(ids(cache, A, "peanuts")).containsExactlyInAnyOrder("doc_1", "doc_2");
            assertThat(ids(cache, B, "peanuts")).containsExactly("doc_9");

            store.write(tx -> {
                index(tx, A, "doc_3", "Bob shells peanuts.");
                tx.search().retire(A, List.of("doc_1"), T0);
                tx.changes().append(A, ChangeKind.DOCS_RETIRED, "doc_1", T0);
                tx.search().deleteByRefs(A, List.of("turn_doc_2")).forEach(id -> tx.changes().append(A, ChangeKind.DOCS_DELETED, id, T0));
                return null;
            });
            assertThat(ids(cache, A, "peanuts")).containsExactly("doc_3");
            assertThat(ids(new TextCache(store), A, "peanuts")).containsExactly("doc_3");
            assertThat(ids(cache, B, "peanuts")).containsExactly("doc_9");
        }
    }

    @Test
    void a_context_deleted_and_created_again_is_indexed_anew_whatever_it_wrote_since() {
        try (MemoryStore store = SqliteMemoryStore.open(dir.resolve("spectron.db"))) {
            store.write(tx -> {
                tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
                index(tx, A, "doc_1", "old lighthouse");
                index(tx, A, "doc_2", "old harbour");
                return null;
            });
            TextCache cache = new TextCache(store);
            assertThat(ids(cache, A, "old")).hasSize(2);

            recreateA(store, "doc_3", "new lighthouse", "doc_4", "new harbour", "doc_5", "new lighthouse keeper");
            assertThat(ids(cache, A, "lighthouse")).as("more writes than before").containsExactlyInAnyOrder("doc_3", "doc_5");
            assertThat(ids(cache, A, "old")).isEmpty();

            recreateA(store);
            assertThat(ids(cache, A, "new")).as("nothing written yet").isEmpty();

            recreateA(store, "doc_6", "newer lighthouse", "doc_7", "newer harbour", "doc_8", "newer lighthouse keeper");
            assertThat(ids(cache, A, "lighthouse")).as("created again after a read of the empty one").containsExactlyInAnyOrder("doc_6", "doc_8");
            assertThat(ids(cache, A, "new")).isEmpty();
        }
    }

    @Test
    void a_forgotten_context_lets_go_of_its_index_and_is_built_anew_at_its_next_read() {
        try (MemoryStore store = SqliteMemoryStore.open(dir.resolve("spectron.db"))) {
            store.write(tx -> {
                tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
                index(tx, A, "doc_1", "lighthouse");
                return null;
            });
            TextCache cache = new TextCache(store);
            TextIndex first = cache.current(A);
            assertThat(cache.current(A)).isSameAs(first);

            cache.forget(A);

            assertThat(cache.current(A)).isNotSameAs(first);
            assertThat(ids(cache, A, "lighthouse")).containsExactly("doc_1");
        }
    }

    /** Deletes context A, creates it again and indexes the documents given as id, text, id, text, ... */
    private static void recreateA(MemoryStore store, String... idsAndTexts) {
        store.write(tx -> tx.contexts().delete(A));
        store.write(tx -> {
            tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0));
            for (int i = 0; i < idsAndTexts.length; i += 2) {
                index(tx, A, idsAndTexts[i], idsAndTexts[i + 1]);
            }
            return null;
        });
    }

    private static void index(StoreTransaction tx, ContextId context, String id, String text) {
        tx.search().insert(context, new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + id, "sess_1", "turn_" + id, "user", "ada", text,
                ScopeSet.NONE, 0.5, T0, T0));
        tx.changes().append(context, ChangeKind.DOC_INDEXED, id, T0);
    }

    private static List<String> ids(TextCache cache, ContextId context, String word) {
        return cache.current(context).search(List.of(word), 10).stream().map(ScoredId::id).toList();
    }
}
