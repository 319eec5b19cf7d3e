package dev.spectron.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.InsufficientStorageException;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full disk fails the one write that hit it, whole, and leaves the store transactional once
 * space returns (issue 20 point 0: the writer connection used to go on in autocommit).
 */
class SqliteFullDiskIT {
    private static final ContextId CTX = new ContextId("alpha");
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final int LARGE = 256 * 1024;
    private static final int MAX_WRITES = 200;

    static Tmpfs tmpfs;
    static MemoryStore store;

    @BeforeAll
    static void mount() throws Exception {
        tmpfs = Tmpfs.mountOrSkip("20m");
        store = SqliteMemoryStore.open(tmpfs.dir().resolve("spectron.db"));
        store.write(tx -> {
            tx.contexts().insert(new Context(CTX, "", ContextConfig.empty(), T0));
            return null;
        });
    }

    @AfterAll
    static void unmount() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (tmpfs != null) {
                tmpfs.close();
            }
        }
    }

    @Test
    void full_disk_fails_the_write_whole_and_writes_stay_atomic_once_space_returns_issue_20() throws Exception {
        // given: a disk with about 3 MiB left
        Path filler = tmpfs.fillLeaving(3L << 20);

        // when: large writes, each a new session and one turn in it, until one fails
        int acknowledged = 0;
        InsufficientStorageException full = null;
        for (int i = 1; i <= MAX_WRITES && full == null; i++) {
            try {
                writeSessionWithTurn("sess_" + i, largeText(i));
                acknowledged++;
            } catch (InsufficientStorageException e) {
                full = e;
            }
            assertThat(turnCount()).as("reads work while the disk fills").isEqualTo(acknowledged);
        }

        // then: the failure is a full disk, and the write that hit it left nothing
        assertThat(full).as("no write failed after %d writes", MAX_WRITES).isNotNull();
        assertThat(full).hasMessageContaining("the data directory is full");
        String failed = "sess_" + (acknowledged + 1);
        assertThat(sessionExists(failed)).isFalse();
        assertThat(turnCount()).isEqualTo(acknowledged);

        // and a write that swallows the failure and goes on keeps nothing either: SQLite may have
        // ended the transaction, so further statements would each commit on their own
        assertThatThrownBy(() -> store.write(tx -> {
            tx.sessions().insert(session("sess_swallowed"));
            try {
                for (int i = 0; i < MAX_WRITES; i++) { // past the page cache, so a statement itself meets the full disk
                    tx.turns().insert(CTX, new Turn("turn_swallowed_" + i, "sess_swallowed", i + 1, Role.USER, largeText(i), T0, T0));
                }
            } catch (InsufficientStorageException swallowed) {
                // carries on, as careless code would
            }
            tx.sessions().insert(session("sess_after_swallowing"));
            return null;
        })).isInstanceOf(InsufficientStorageException.class);
        assertThat(sessionExists("sess_swallowed")).isFalse();
        assertThat(sessionExists("sess_after_swallowing")).isFalse();
        assertThat(turnCount()).isEqualTo(acknowledged);

        // when: space returns
        Files.delete(filler);

        // then: a write that fails after inserting keeps nothing of it
        assertThatThrownBy(() -> store.write(tx -> {
            tx.sessions().insert(session("sess_doomed"));
            tx.turns().insert(CTX, turn("turn_doomed", "sess_doomed", "never kept"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(sessionExists("sess_doomed")).isFalse();
        assertThat(turnCount()).isEqualTo(acknowledged);

        // and a normal write commits
        writeSessionWithTurn("sess_after", "stored after the disk was freed");
        List<Turn> stored = store.read(tx -> tx.turns().list(CTX, "sess_after", 10, 0));
        assertThat(stored).extracting(Turn::content).containsExactly("stored after the disk was freed");
        assertThat(turnCount()).isEqualTo(acknowledged + 1);
    }

    private static void writeSessionWithTurn(String sessionId, String content) {
        store.write(tx -> {
            tx.sessions().insert(session(sessionId));
            tx.turns().insert(CTX, turn("turn_" + sessionId, sessionId, content));
            return null;
        });
    }

    private static boolean sessionExists(String id) {
        return store.read(tx -> tx.sessions().find(CTX, id).isPresent());
    }

    private static long turnCount() {
        return store.read(tx -> tx.sessions().list(CTX, 1000, 0).stream()
                .mapToLong(s -> tx.turns().lastSeq(CTX, s.id())).sum());
    }

    private static Session session(String id) {
        return new Session(id, CTX, ScopeSet.parse(Map.of("user", "ada")), Map.of(), T0);
    }

    private static Turn turn(String id, String sessionId, String content) {
        return new Turn(id, sessionId, 1, Role.USER, content, T0, T0);
    }

    /** Random letters, so no page compresses or dedupes away. */
    private static String largeText(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(LARGE);
        for (int i = 0; i < LARGE; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
