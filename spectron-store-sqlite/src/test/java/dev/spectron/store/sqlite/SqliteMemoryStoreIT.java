package dev.spectron.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.AbstractMemoryStoreContractTest;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.retrieval.ScoredId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryStoreIT extends AbstractMemoryStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected MemoryStore createStore() {
        return SqliteMemoryStore.open(dir.resolve("spectron.db"));
    }

    @Test
    void reopening_keeps_data_and_does_not_rerun_migrations() {
        store.write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            return null;
        });
        store.close();
        store = SqliteMemoryStore.open(dir.resolve("spectron.db"));
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isPresent();
        assertThat(all(tx -> tx.contexts().list())).hasSize(2);
    }

    @Test
    void creates_missing_parent_directories() {
        try (MemoryStore nested = SqliteMemoryStore.open(dir.resolve("a/b/spectron.db"))) {
            nested.write(tx -> {
                tx.contexts().insert(new Context(new ContextId("x"), "", ContextConfig.empty(), T0));
                return null;
            });
            assertThat(nested.backend()).isEqualTo("sqlite");
        }
        assertThat(dir.resolve("a/b/spectron.db")).exists();
    }

    @Test
    void full_text_past_the_scoring_window_keeps_recent_matches_and_every_match_of_a_rarer_word() {
        int n = SqliteSearchRecords.SCORED_WINDOW * 2;
        store.write(tx -> {
            tx.contexts().insert(new Context(new ContextId("gamma"), "", ContextConfig.empty(), T0));
            for (int i = 0; i < n; i++) {
                tx.search().insert(A, doc("doc_" + i, "Caroline went to the support group " + (i % 3 == 0 ? "again" : "today") + ".", "sess_1"));
            }
            tx.search().insert(new ContextId("gamma"), doc("doc_x", "support group lighthouse", "sess_1"));
            return null;
        });
        store.write(tx -> {
            tx.search().insert(A, doc("doc_lighthouse", "Melanie painted a lighthouse.", "sess_2"));
            return null;
        });
        // "lighthouse" is rare: its one old match in the context is found past the window, scored with every word.
        List<ScoredId> hits = all(tx -> tx.search().fullText(A, List.of("support", "group", "lighthouse"), 5));
        assertThat(hits).hasSize(5).extracting(ScoredId::id).doesNotContain("doc_x");
        assertThat(hits.get(0).id()).isEqualTo("doc_lighthouse");
        // Common words only: the most recent window of matches is scored; the best of it comes back.
        List<ScoredId> common = all(tx -> tx.search().fullText(A, List.of("caroline", "support"), 3));
        assertThat(common).hasSize(3).extracting(h -> Integer.parseInt(h.id().substring(4))).allSatisfy(i -> assertThat(i).isGreaterThanOrEqualTo(n - SqliteSearchRecords.SCORED_WINDOW));
    }
}
