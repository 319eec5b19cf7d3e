package dev.spectron.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.ConflictException;
import dev.spectron.core.auth.ApiKey;
import dev.spectron.core.change.Change;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.idempotency.IdempotencyRecord;
import dev.spectron.core.ingest.ExtractionJob;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.EntityType;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.memory.SourceKind;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.memory.Uncertainty;
import dev.spectron.core.port.StoredTrace;
import dev.spectron.core.retrieval.SearchDoc;
import dev.spectron.core.retrieval.StoredVector;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.ScopeSet;
import dev.spectron.core.session.Session;
import dev.spectron.core.session.Turn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MemoryStore} backend must do. A backend's test extends this and supplies a
 * fresh, empty store; the suite runs unchanged against each.
 */
public abstract class AbstractMemoryStoreContractTest {
    protected static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123Z");
    protected static final ContextId A = new ContextId("alpha");
    protected static final ContextId B = new ContextId("beta");

    protected MemoryStore store;

    /** A new, empty store. */
    protected abstract MemoryStore createStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = createStore();
        write(tx -> {
            tx.contexts().insert(new Context(A, "first", ContextConfig.empty(), T0));
            tx.contexts().insert(new Context(B, "second", ContextConfig.of(Map.of("models", Map.of("response", "builtin/echo"))), T0));
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void contexts_round_trip_with_their_config() {
        Context beta = store.read(tx -> tx.contexts().find(B)).orElseThrow();
        assertThat(beta.description()).isEqualTo("second");
        assertThat(beta.createdAt()).isEqualTo(T0);
        assertThat(beta.config().asMap()).isEqualTo(Map.of("models", Map.of("response", "builtin/echo")));
        assertThat(all(tx -> tx.contexts().list())).extracting(Context::id).containsExactly(A, B);
    }

    @Test
    void duplicate_context_is_a_conflict() {
        assertThatThrownBy(() -> write(tx -> tx.contexts().insert(new Context(A, "again", ContextConfig.empty(), T0))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void config_update_replaces_the_stored_tree() {
        write(tx -> tx.contexts().updateConfig(A, ContextConfig.of(Map.of("providers", Map.of("openai", "sk-x")))));
        assertThat(one(tx -> tx.contexts().find(A)).orElseThrow().config().asMap())
                .isEqualTo(Map.of("providers", Map.of("openai", "sk-x")));
    }

    @Test
    void failed_write_keeps_nothing() {
        assertThatThrownBy(() -> write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isEmpty();
    }

    @Test
    void sessions_are_invisible_to_other_contexts() {
        write(tx -> tx.sessions().insert(session("sess_1", A)));
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isPresent();
        assertThat(one(tx -> tx.sessions().find(B, "sess_1"))).isEmpty();
        assertThat(writtenFlag(tx -> tx.sessions().delete(B, "sess_1"))).isFalse();
        assertThat(one(tx -> tx.sessions().find(A, "sess_1"))).isPresent();
    }

    @Test
    void session_keeps_scopes_and_metadata() {
        ScopeSet scopes = ScopeSet.parse(List.of(List.of("org/acme", "user/ada"), List.of("team/eng")));
        write(tx -> tx.sessions().insert(new Session("sess_2", A, scopes, Map.of("channel", "web", "n", 3), T0)));
        Session read = store.read(tx -> tx.sessions().find(A, "sess_2")).orElseThrow();
        assertThat(read.scopes()).isEqualTo(scopes);
        assertThat(read.metadata()).containsEntry("channel", "web").containsEntry("n", 3);
    }

    @Test
    void turns_list_oldest_first_with_paging() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            for (int i = 1; i <= 5; i++) {
                tx.turns().insert(A, turn("turn_" + i, "sess_1", i));
            }
        });
        assertThat(number(tx -> tx.turns().lastSeq(A, "sess_1"))).isEqualTo(5);
        assertThat(all(tx -> tx.turns().list(A, "sess_1", 2, 1))).extracting(Turn::seq).containsExactly(2L, 3L);
        Turn first = store.read(tx -> tx.turns().list(A, "sess_1", 1, 0)).get(0);
        assertThat(first).isEqualTo(turn("turn_1", "sess_1", 1));
        assertThat(all(tx -> tx.turns().list(B, "sess_1", 10, 0))).isEmpty();
        assertThat(number(tx -> tx.turns().lastSeq(B, "sess_1"))).isZero();
    }

    @Test
    void duplicate_turn_seq_is_a_conflict() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.turns().insert(A, turn("turn_1", "sess_1", 1));
        });
        assertThatThrownBy(() -> write(tx -> tx.turns().insert(A, turn("turn_2", "sess_1", 1))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void deleting_a_session_deletes_its_turns() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.turns().insert(A, turn("turn_1", "sess_1", 1));
        });
        assertThat(writtenFlag(tx -> tx.sessions().delete(A, "sess_1"))).isTrue();
        assertThat(all(tx -> tx.turns().list(A, "sess_1", 10, 0))).isEmpty();
    }

    @Test
    void keys_are_found_by_hash_and_name_and_unique_per_context() {
        ApiKey key = new ApiKey("key_1", A, "dev", "hash-1", T0, null);
        write(tx -> tx.keys().insert(key));
        write(tx -> tx.keys().insert(new ApiKey("key_2", B, "dev", "hash-2", T0, T0.plusSeconds(60))));
        assertThat(one(tx -> tx.keys().findBySecretHash("hash-1"))).contains(key);
        assertThat(one(tx -> tx.keys().findByName(B, "dev")).orElseThrow().validUntil()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> write(tx -> tx.keys().insert(new ApiKey("key_3", A, "dev", "hash-3", T0, null))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void replacing_a_secret_retires_the_old_hash() {
        write(tx -> tx.keys().insert(new ApiKey("key_1", A, "dev", "hash-1", T0, null)));
        write(tx -> tx.keys().replaceSecret(new ApiKey("key_1", A, "dev", "hash-9", T0, null)));
        assertThat(one(tx -> tx.keys().findBySecretHash("hash-1"))).isEmpty();
        assertThat(one(tx -> tx.keys().findBySecretHash("hash-9"))).isPresent();
        assertThat(writtenFlag(tx -> tx.keys().delete(A, "dev"))).isTrue();
        assertThat(all(tx -> tx.keys().list(A))).isEmpty();
    }

    @Test
    void change_log_numbers_rows_per_context_without_gaps() {
        write(tx -> {
            tx.changes().append(A, ChangeKind.SESSION_CREATED, "sess_1", T0);
            tx.changes().append(B, ChangeKind.SESSION_CREATED, "sess_9", T0);
            tx.changes().append(A, ChangeKind.TURN_APPENDED, "turn_1", T0);
        });
        List<Change> changes = store.read(tx -> tx.changes().since(A, 0, 10));
        assertThat(changes).extracting(Change::seq).containsExactly(1L, 2L);
        assertThat(changes).extracting(Change::refId).containsExactly("sess_1", "turn_1");
        assertThat(all(tx -> tx.changes().since(A, 1, 10))).extracting(Change::kind).containsExactly(ChangeKind.TURN_APPENDED);
        assertThat(all(tx -> tx.changes().since(B, 0, 10))).hasSize(1);
    }

    @Test
    void idempotency_records_are_scoped_and_replaceable() {
        IdempotencyRecord record = new IdempotencyRecord("key_1", "k-1", "h", 201, "{\"a\":1}", T0);
        write(tx -> tx.idempotency().insert(A, record));
        assertThat(one(tx -> tx.idempotency().find(A, "key_1", "k-1"))).contains(record);
        assertThat(one(tx -> tx.idempotency().find(B, "key_1", "k-1"))).isEmpty();
        assertThat(one(tx -> tx.idempotency().find(A, "key_2", "k-1"))).isEmpty();
        IdempotencyRecord newer = new IdempotencyRecord("key_1", "k-1", "h2", 200, "{}", T0.plusSeconds(90_000));
        write(tx -> tx.idempotency().insert(A, newer));
        assertThat(one(tx -> tx.idempotency().find(A, "key_1", "k-1"))).contains(newer);
        assertThat(writtenNumber(tx -> tx.idempotency().deleteCreatedBefore(T0.plusSeconds(100_000)))).isEqualTo(1);
    }

    @Test
    void deleting_a_context_removes_all_its_rows_and_nothing_else() {
        write(tx -> {
            tx.sessions().insert(session("sess_a", A));
            tx.turns().insert(A, turn("turn_a", "sess_a", 1));
            tx.sessions().insert(session("sess_b", B));
            tx.keys().insert(new ApiKey("key_a", A, "dev", "hash-a", T0, null));
            tx.changes().append(A, ChangeKind.SESSION_CREATED, "sess_a", T0);
            tx.idempotency().insert(A, new IdempotencyRecord("key_a", "k", "h", 201, "{}", T0));
            tx.search().insert(A, doc("doc_a", "findable words", "sess_a"));
            tx.traces().insert(List.of(trace(A, "trace_a", T0), trace(B, "trace_b", T0)));
        });
        assertThat(writtenFlag(tx -> tx.contexts().delete(A))).isTrue();
        assertThat(one(tx -> tx.traces().find(A, "trace_a"))).isEmpty();
        assertThat(one(tx -> tx.traces().find(B, "trace_b"))).isPresent();
        assertThat(one(tx -> tx.contexts().find(A))).isEmpty();
        assertThat(one(tx -> tx.keys().findBySecretHash("hash-a"))).isEmpty();
        assertThat(all(tx -> tx.turns().list(A, "sess_a", 10, 0))).isEmpty();
        assertThat(one(tx -> tx.idempotency().find(A, "key_a", "k"))).isEmpty();
        assertThat(one(tx -> tx.sessions().find(B, "sess_b"))).isPresent();
        assertThat(texts(A)).isEmpty();
        // A context created again under the same id starts empty, change log included.
        write(tx -> tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0)));
        assertThat(all(tx -> tx.changes().since(A, 0, 10))).isEmpty();
        assertThat(one(tx -> tx.sessions().find(A, "sess_a"))).isEmpty();
    }

    @Test
    void a_context_created_again_numbers_its_changes_past_and_apart_from_its_predecessors() {
        write(tx -> {
            tx.changes().append(A, ChangeKind.SESSION_CREATED, "sess_1", T0);
            tx.changes().append(A, ChangeKind.SESSION_CREATED, "sess_2", T0);
        });
        long old = store.read(tx -> tx.changes().lastSeq(A));
        assertThat(all(tx -> tx.changes().since(A, 0, 10))).extracting(Change::seq).containsExactly(old - 1, old);

        write(tx -> tx.contexts().delete(A));
        write(tx -> tx.contexts().insert(new Context(A, "", ContextConfig.empty(), T0)));
        long empty = store.read(tx -> tx.changes().lastSeq(A));
        write(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.changes().append(A, ChangeKind.SESSION_CREATED, "sess_new_" + i, T0);
            }
        });

        assertThat(empty).as("a reader at the old position sees the newest number move").isNotEqualTo(old);
        List<Change> renewed = all(tx -> tx.changes().since(A, old, 10));
        assertThat(renewed).extracting(Change::refId).containsExactly("sess_new_0", "sess_new_1", "sess_new_2", "sess_new_3", "sess_new_4");
        assertThat(renewed.getFirst().seq()).as("the new log does not go on from the old position").isGreaterThan(old + 1);
        assertThat(renewed).extracting(Change::seq).containsExactly(LongStream.rangeClosed(empty + 1, empty + 5).boxed().toArray(Long[]::new));
    }

    @Test
    void traces_round_trip_and_are_found_only_in_their_context() {
        StoredTrace retrieval = trace(A, "trace_1", T0);
        StoredTrace response = new StoredTrace(B, "trace_2", StoredTrace.Kind.RESPONSE, T0.plusMillis(5), "{\"kind\":\"response\",\"text\":\"\u00e9\"}");
        write(tx -> tx.traces().insert(List.of(retrieval, response)));

        assertThat(one(tx -> tx.traces().find(A, "trace_1"))).contains(retrieval);
        assertThat(one(tx -> tx.traces().find(B, "trace_2"))).contains(response);
        assertThat(one(tx -> tx.traces().find(B, "trace_1"))).isEmpty();
        assertThat(one(tx -> tx.traces().find(A, "trace_2"))).isEmpty();
    }

    @Test
    void a_trace_stored_twice_keeps_the_first_and_one_of_a_missing_context_is_skipped() {
        write(tx -> tx.traces().insert(List.of(trace(A, "trace_1", T0))));
        StoredTrace again = new StoredTrace(A, "trace_1", StoredTrace.Kind.RETRIEVAL, T0.plusSeconds(1), "{\"again\":true}");
        StoredTrace orphan = trace(new ContextId("deleted"), "trace_9", T0);
        write(tx -> tx.traces().insert(List.of(again, orphan, trace(A, "trace_2", T0))));

        assertThat(one(tx -> tx.traces().find(A, "trace_1"))).contains(trace(A, "trace_1", T0));
        assertThat(one(tx -> tx.traces().find(new ContextId("deleted"), "trace_9"))).isEmpty();
        assertThat(one(tx -> tx.traces().find(A, "trace_2"))).isPresent();
    }

    @Test
    void traces_created_before_a_cutoff_are_deleted_in_every_context() {
        write(tx -> tx.traces().insert(List.of(trace(A, "old_a", T0), trace(B, "old_b", T0.plusSeconds(10)),
                trace(A, "new_a", T0.plusSeconds(3600)))));

        assertThat(writtenNumber(tx -> tx.traces().deleteCreatedBefore(T0.plusSeconds(3600)))).isEqualTo(2);

        assertThat(one(tx -> tx.traces().find(A, "old_a"))).isEmpty();
        assertThat(one(tx -> tx.traces().find(B, "old_b"))).isEmpty();
        assertThat(one(tx -> tx.traces().find(A, "new_a"))).isPresent();
        assertThat(writtenNumber(tx -> tx.traces().deleteCreatedBefore(T0.plusSeconds(3600)))).isZero();
    }

    @Test
    void settings_survive_as_last_written() {
        write(tx -> tx.settings().put("management_key_hash", "one"));
        write(tx -> tx.settings().put("management_key_hash", "two"));
        assertThat(one(tx -> tx.settings().get("management_key_hash"))).contains("two");
        assertThat(one(tx -> tx.settings().get("missing"))).isEmpty();
    }

    @Test
    void concurrent_writers_are_serialised() throws Exception {
        write(tx -> tx.sessions().insert(session("sess_1", A)));
        int writers = 8;
        int perWriter = 25;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String id = "turn_" + writer + "_" + i;
                        store.write(tx -> {
                            long seq = tx.turns().lastSeq(A, "sess_1") + 1;
                            tx.turns().insert(A, turn(id, "sess_1", seq));
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        List<Turn> turns = store.read(tx -> tx.turns().list(A, "sess_1", 500, 0));
        assertThat(turns).hasSize(writers * perWriter);
        assertThat(turns).extracting(Turn::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed().toList());
    }

    @Test
    void entities_are_unique_per_type_and_normalised_name() {
        Entity ada = entity("ent_1", EntityRef.of("person", "Ada"));
        write(tx -> tx.entities().insert(A, ada));
        assertThat(one(tx -> tx.entities().find(A, EntityRef.of("Person", " ada ")))).contains(ada);
        assertThat(one(tx -> tx.entities().find(A, EntityRef.of("product", "Ada")))).isEmpty();
        assertThat(one(tx -> tx.entities().find(B, EntityRef.of("person", "Ada")))).isEmpty();
        assertThatThrownBy(() -> write(tx -> tx.entities().insert(A, entity("ent_2", EntityRef.of("person", "ADA")))))
                .isInstanceOf(ConflictException.class);
        write(tx -> tx.entities().insert(A, entity("ent_3", EntityRef.of("location", "Lisbon"))));
        assertThat(all(tx -> tx.entities().list(A, null, 10, 0))).extracting(e -> e.ref().path()).containsExactly("location/lisbon", "person/ada");
        assertThat(all(tx -> tx.entities().list(A, EntityType.PERSON, 10, 0))).hasSize(1);
        assertThat(all(tx -> tx.entities().findByIds(A, List.of("ent_1", "ent_3", "missing")))).hasSize(2);
    }

    @Test
    void soft_deleted_entities_leave_the_listing_but_stay_findable() {
        Entity ada = entity("ent_1", EntityRef.of("person", "Ada"));
        write(tx -> tx.entities().insert(A, ada));
        Instant deletedAt = T0.plusSeconds(5);
        write(tx -> tx.entities().update(A, new Entity(ada.id(), ada.ref(), ada.category(), 0.5, ada.scopes(), null, ada.createdAt(), deletedAt, deletedAt)));
        assertThat(all(tx -> tx.entities().list(A, null, 10, 0))).isEmpty();
        assertThat(one(tx -> tx.entities().find(A, ada.ref())).orElseThrow().deletedAt()).isEqualTo(deletedAt);
    }

    @Test
    void attribute_versions_close_and_replay_by_known_time() {
        write(tx -> tx.entities().insert(A, entity("ent_1", EntityRef.of("person", "Ada"))));
        Attribute lisbon = attribute("attr_1", "home", "Lisbon", T0);
        Attribute porto = attribute("attr_2", "home", "Porto", T0.plusSeconds(100));
        write(tx -> {
            tx.attributes().insert(A, lisbon);
            tx.attributes().close(A, lisbon.id(), porto.validFrom(), porto.id(), porto.createdAt());
            tx.attributes().insert(A, porto);
        });
        assertThat(all(tx -> tx.attributes().live(A, "ent_1", "home"))).extracting(Attribute::value).containsExactly("Porto");
        assertThat(all(tx -> tx.attributes().history(A, "ent_1", "home"))).extracting(Attribute::value).containsExactly("Lisbon", "Porto");
        Attribute closed = all(tx -> tx.attributes().history(A, "ent_1", "home")).get(0);
        assertThat(closed.supersededBy()).isEqualTo("attr_2");
        assertThat(closed.validUntil()).isEqualTo(porto.validFrom());
        assertThat(closed.source()).isEqualTo(lisbon.source());
        assertThat(all(tx -> tx.attributes().believedAt(A, "ent_1", T0.plusSeconds(50)))).extracting(Attribute::value).containsExactly("Lisbon");
        assertThat(all(tx -> tx.attributes().believedAt(A, "ent_1", T0.plusSeconds(150)))).extracting(Attribute::value).containsExactly("Porto");
        assertThat(all(tx -> tx.attributes().believedAt(A, "ent_1", T0.minusSeconds(1)))).isEmpty();
        assertThat(all(tx -> tx.attributes().allLive(B))).isEmpty();
    }

    @Test
    void attributes_are_reinforced_ranked_and_found_by_session() {
        write(tx -> {
            tx.entities().insert(A, entity("ent_1", EntityRef.of("person", "Ada")));
            tx.attributes().insert(A, attribute("attr_1", "likes", "tea", T0));
            tx.attributes().insert(A, attribute("attr_2", "likes", "jazz", T0.plusSeconds(1)));
            tx.attributes().insert(A, attribute("attr_3", "name", "Ada", T0.plusSeconds(2)));
            tx.attributes().reinforce(A, "attr_1", 0.95, 0.99);
        });
        assertThat(all(tx -> tx.attributes().topKeys(A, 10))).containsExactly("likes", "name");
        assertThat(one(tx -> tx.attributes().latestInSession(A, "sess_1", "name"))).map(Attribute::value).contains("Ada");
        Attribute tea = all(tx -> tx.attributes().live(A, "ent_1", "likes")).get(0);
        assertThat(tea.importance()).isEqualTo(0.95);
        assertThat(tea.confidence()).isEqualTo(0.99);
    }

    @Test
    void relations_touching_an_entity_are_found_from_either_end() {
        write(tx -> {
            tx.entities().insert(A, entity("ent_1", EntityRef.of("person", "Ada")));
            tx.entities().insert(A, entity("ent_2", EntityRef.of("location", "Lisbon")));
            tx.relations().insert(A, new Relation("rel_1", "ent_1", "lives_in", "ent_2", MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.NONE,
                    T0, null, null, null, SourceRef.turn("turn_1", "sess_1", null), T0, null));
        });
        assertThat(all(tx -> tx.relations().live(A, "ent_1", "lives_in"))).hasSize(1);
        assertThat(all(tx -> tx.relations().liveTouching(A, "ent_2"))).extracting(Relation::id).containsExactly("rel_1");
        assertThat(all(tx -> tx.relations().topLabels(A, 5))).containsExactly("lives_in");
        write(tx -> tx.relations().close(A, "rel_1", T0.plusSeconds(10), null, T0.plusSeconds(10)));
        assertThat(all(tx -> tx.relations().allLive(A))).isEmpty();
        assertThat(all(tx -> tx.relations().believedAt(A, "ent_1", T0.plusSeconds(5)))).hasSize(1);
    }

    @Test
    void instructions_deactivate_and_uncertainties_stay_open() {
        write(tx -> {
            tx.instructions().insert(A, new Instruction("ins_1", "answer_bullet_points", "Always answer in bullet points.", true,
                    ScopeSet.NONE, "turn_1", T0, null));
            tx.uncertainties().insert(A, new Uncertainty("unc_1", "ada.home", "two values", ScopeSet.NONE, "turn_1", false, T0));
        });
        assertThat(all(tx -> tx.instructions().active(A))).extracting(Instruction::label).containsExactly("answer_bullet_points");
        write(tx -> tx.instructions().deactivate(A, "ins_1", T0.plusSeconds(1)));
        assertThat(all(tx -> tx.instructions().active(A))).isEmpty();
        assertThat(all(tx -> tx.uncertainties().open(A))).extracting(Uncertainty::about).containsExactly("ada.home");
        assertThat(all(tx -> tx.uncertainties().open(B))).isEmpty();
    }

    @Test
    void a_rehearsal_sees_its_own_writes_and_keeps_none() {
        long seen = store.rehearse(tx -> {
            tx.sessions().insert(session("sess_9", A));
            return (long) tx.sessions().list(A, 10, 0).size();
        });
        assertThat(seen).isEqualTo(1);
        assertThat(one(tx -> tx.sessions().find(A, "sess_9"))).isEmpty();
    }

    @Test
    void texts_of_one_context_come_in_the_order_they_were_indexed() {
        write(tx -> {
            tx.search().insert(A, doc("doc_1", "Caroline: I went to the LGBTQ support group yesterday.", "sess_1"));
            tx.search().insert(A, doc("doc_2", "Melanie: I painted a sunrise last year.", "sess_1"));
            tx.search().insert(A, doc("doc_3", "Caroline: the support group was inspiring, a real support.", "sess_2"));
            tx.search().insert(B, doc("doc_9", "Caroline: support group again.", "sess_9"));
        });
        assertThat(texts(A)).containsExactly(java.util.Map.entry("doc_1", "Caroline: I went to the LGBTQ support group yesterday."),
                java.util.Map.entry("doc_2", "Melanie: I painted a sunrise last year."),
                java.util.Map.entry("doc_3", "Caroline: the support group was inspiring, a real support."));
        assertThat(texts(B)).containsOnlyKeys("doc_9");
        assertThat(all(tx -> tx.search().find(A, List.of("doc_1", "doc_9")))).extracting(SearchDoc::id).containsExactly("doc_1");
    }

    @Test
    void vectors_round_trip_per_model_and_go_with_their_documents() {
        write(tx -> {
            tx.search().insert(A, doc("doc_1", "one", "sess_1"));
            tx.search().insert(A, doc("doc_2", "two", "sess_2"));
            tx.search().putEmbedding(A, "doc_1", "m1", new float[] {0.5f, -0.25f, 1e-7f});
            tx.search().putEmbedding(A, "doc_1", "m2", new float[] {1f});
            tx.search().putEmbedding(A, "doc_2", "m1", new float[] {0f, 1f, 0f});
        });
        assertThat(all(tx -> tx.search().vectors(A, "m1"))).hasSize(2);
        assertThat(all(tx -> tx.search().vectors(A, "m1", List.of("doc_1"))).get(0).vector()).containsExactly(0.5f, -0.25f, 1e-7f);
        assertThat(all(tx -> tx.search().vectors(B, "m1"))).isEmpty();
        write(tx -> tx.search().deleteTurnDocs(A, "sess_1"));
        assertThat(all(tx -> tx.search().vectors(A, "m1"))).extracting(StoredVector::docId).containsExactly("doc_2");
        assertThat(texts(A)).containsOnlyKeys("doc_2");
        assertThat(all(tx -> tx.search().findByRefs(A, List.of("turn_doc_2")))).hasSize(1);
    }

    @Test
    void containing_all_requires_every_term_in_any_word_form() {
        write(tx -> {
            tx.search().insert(A, doc("doc_1", "Ada: I am allergic to peanuts.", "sess_1"));
            tx.search().insert(A, doc("doc_2", "Ada: peanuts are a snack.", "sess_1"));
            tx.search().insert(A, doc("doc_3", "Bob: allergic to cats.", "sess_1"));
            tx.search().insert(B, doc("doc_9", "Ada: I am allergic to peanuts.", "sess_9"));
        });
        assertThat(all(tx -> tx.search().containingAll(A, List.of("allergic", "peanut"), false))).extracting(SearchDoc::id).containsExactly("doc_1");
        assertThat(all(tx -> tx.search().containingAll(A, List.of("peanuts"), false))).extracting(SearchDoc::id).containsExactly("doc_1", "doc_2");
        assertThat(all(tx -> tx.search().containingAll(A, List.of("allergic", "dogs"), false))).isEmpty();
        assertThat(all(tx -> tx.search().containingAll(A, List.of(), false))).isEmpty();
        assertThat(all(tx -> tx.search().containingAll(A, List.of("\"peanuts\" OR cats"), false))).isEmpty();
    }

    @Test
    void retired_documents_leave_every_read_but_a_forget_that_asks_for_them() {
        write(tx -> {
            tx.search().insert(A, doc("doc_1", "Ada: I am allergic to peanuts.", "sess_1"));
            tx.search().insert(A, doc("doc_2", "Ada: peanuts are a snack.", "sess_1"));
            tx.search().putEmbedding(A, "doc_1", "m1", new float[] {1f, 0f});
            tx.search().putEmbedding(A, "doc_2", "m1", new float[] {0f, 1f});
            tx.search().retire(A, List.of("doc_1"), T0.plusSeconds(5));
            tx.search().retire(B, List.of("doc_2"), T0.plusSeconds(5));
        });
        assertThat(texts(A)).containsOnlyKeys("doc_2");
        assertThat(all(tx -> tx.search().find(A, List.of("doc_1", "doc_2")))).extracting(SearchDoc::id).containsExactly("doc_2");
        assertThat(all(tx -> tx.search().findByRefs(A, List.of("turn_doc_1")))).isEmpty();
        assertThat(all(tx -> tx.search().vectors(A, "m1"))).extracting(StoredVector::docId).containsExactly("doc_2");
        assertThat(all(tx -> tx.search().withoutVector(A, "m2", 10))).extracting(SearchDoc::id).containsExactly("doc_2");
        assertThat(number(tx -> tx.search().countWithoutVector(A, "m2"))).isEqualTo(1);
        assertThat(all(tx -> tx.search().containingAll(A, List.of("peanuts"), false))).extracting(SearchDoc::id).containsExactly("doc_2");
        assertThat(all(tx -> tx.search().containingAll(A, List.of("peanuts"), true))).extracting(SearchDoc::id).containsExactly("doc_1", "doc_2");
    }

    @Test
    void deleting_by_refs_removes_documents_retired_or_not_with_their_vectors() {
        write(tx -> {
            tx.search().insert(A, doc("doc_1", "one", "sess_1"));
            tx.search().insert(A, doc("doc_2", "two", "sess_1"));
            tx.search().insert(A, doc("doc_3", "three", "sess_1"));
            tx.search().insert(B, doc("doc_1", "one", "sess_9"));
            tx.search().putEmbedding(A, "doc_1", "m1", new float[] {1f});
            tx.search().putEmbedding(A, "doc_3", "m1", new float[] {1f});
            tx.search().retire(A, List.of("doc_2"), T0);
        });
        List<String> deleted = store.write(tx -> tx.search().deleteByRefs(A, List.of("turn_doc_1", "turn_doc_2", "missing")));
        assertThat(deleted).containsExactlyInAnyOrder("doc_1", "doc_2");
        assertThat(all(tx -> tx.search().containingAll(A, List.of("one"), true))).isEmpty();
        assertThat(all(tx -> tx.search().containingAll(A, List.of("two"), true))).isEmpty();
        assertThat(all(tx -> tx.search().vectors(A, "m1"))).extracting(StoredVector::docId).containsExactly("doc_3");
        assertThat(all(tx -> tx.search().find(B, List.of("doc_1")))).hasSize(1);
    }

    @Test
    void turns_are_found_by_id_and_erased_within_their_context_only() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.sessions().insert(session("sess_1", B));
            for (int i = 1; i <= 3; i++) {
                tx.turns().insert(A, turn("turn_" + i, "sess_1", i));
            }
            tx.turns().insert(B, turn("turn_1", "sess_1", 1));
        });
        assertThat(all(tx -> tx.turns().findByIds(A, List.of("turn_3", "turn_1", "missing")))).extracting(Turn::id).containsExactly("turn_1", "turn_3");
        assertThat(writtenNumber(tx -> tx.turns().delete(A, List.of("turn_2", "missing")))).isEqualTo(1);
        assertThat(all(tx -> tx.turns().list(A, "sess_1", 10, 0))).extracting(Turn::id).containsExactly("turn_1", "turn_3");
        assertThat(all(tx -> tx.turns().list(B, "sess_1", 10, 0))).hasSize(1);
    }

    @Test
    void purged_attributes_take_their_links_with_them() {
        write(tx -> {
            tx.entities().insert(A, entity("ent_1", EntityRef.of("person", "Ada")));
            tx.attributes().insert(A, attribute("attr_1", "home", "Lisbon", T0).closed(T0.plusSeconds(10), "attr_2", T0.plusSeconds(10)));
            tx.attributes().insert(A, new Attribute("attr_2", "ent_1", "home", "Porto", MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.NONE,
                    T0.plusSeconds(10), null, "attr_1", null, SourceRef.turn("turn_2", "sess_1", null), T0.plusSeconds(10), null));
            tx.attributes().insert(A, attribute("attr_3", "likes", "jazz", T0));
        });
        assertThat(all(tx -> tx.attributes().allOf(A, "ent_1"))).extracting(Attribute::id).containsExactly("attr_1", "attr_2", "attr_3");
        assertThat(all(tx -> tx.attributes().allOf(B, "ent_1"))).isEmpty();
        write(tx -> tx.attributes().delete(A, List.of("attr_1")));
        assertThat(all(tx -> tx.attributes().history(A, "ent_1", "home"))).extracting(Attribute::value).containsExactly("Porto");
        assertThat(all(tx -> tx.attributes().history(A, "ent_1", "home")).get(0).supersedes()).isNull();
        write(tx -> {
            tx.attributes().delete(A, List.of("attr_2", "attr_3"));
            tx.entities().delete(A, "ent_1");
        });
        assertThat(all(tx -> tx.attributes().allOf(A, "ent_1"))).isEmpty();
        assertThat(one(tx -> tx.entities().find(A, EntityRef.of("person", "Ada")))).isEmpty();
    }

    @Test
    void purged_relations_and_instructions_are_gone_closed_ones_included() {
        write(tx -> {
            tx.entities().insert(A, entity("ent_1", EntityRef.of("person", "Ada")));
            tx.entities().insert(A, entity("ent_2", EntityRef.of("location", "Lisbon")));
            tx.relations().insert(A, new Relation("rel_1", "ent_1", "lives_in", "ent_2", MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.NONE,
                    T0, T0.plusSeconds(5), null, null, SourceRef.turn("turn_1", "sess_1", null), T0, T0.plusSeconds(5)));
            tx.relations().insert(A, new Relation("rel_2", "ent_2", "home_of", "ent_1", MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.NONE,
                    T0, null, null, null, SourceRef.turn("turn_1", "sess_1", null), T0, null));
            tx.instructions().insert(A, new Instruction("ins_1", "answer_briefly", "Answer briefly.", true, ScopeSet.NONE, "turn_1", T0, null));
            tx.instructions().insert(A, new Instruction("ins_2", "use_metric", "Use metric units.", false, ScopeSet.NONE, "turn_1", T0.plusSeconds(1),
                    T0.plusSeconds(2)));
        });
        assertThat(all(tx -> tx.relations().allTouching(A, "ent_1"))).extracting(Relation::id).containsExactly("rel_2", "rel_1");
        assertThat(all(tx -> tx.instructions().all(A))).extracting(Instruction::id).containsExactly("ins_1", "ins_2");
        assertThat(all(tx -> tx.instructions().all(B))).isEmpty();
        write(tx -> {
            tx.relations().delete(A, List.of("rel_1", "rel_2"));
            tx.instructions().delete(A, List.of("ins_2"));
        });
        assertThat(all(tx -> tx.relations().allTouching(A, "ent_1"))).isEmpty();
        assertThat(all(tx -> tx.instructions().all(A))).extracting(Instruction::id).containsExactly("ins_1");
    }

    protected static SearchDoc doc(String id, String text, String sessionId) {
        return new SearchDoc(id, SearchDoc.Kind.TURN, "turn_" + id, sessionId, "turn_" + id, "user", "caroline", text, ScopeSet.NONE, 0.5, T0, T0);
    }

    protected static Entity entity(String id, EntityRef ref) {
        return new Entity(id, ref, MemoryCategory.IDENTITY, 1.0, ScopeSet.NONE, "turn_1", T0, T0, null);
    }

    protected static Attribute attribute(String id, String key, String value, Instant at) {
        return new Attribute(id, "ent_1", key, value, MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.parse(Map.of("user", "ada")), at, null,
                null, null, new SourceRef(SourceKind.TURN, "turn_1", "sess_1", 3, 17), at, null);
    }

    protected static Session session(String id, ContextId contextId) {
        return new Session(id, contextId, ScopeSet.parse(Map.of("user", "ada")), Map.of(), T0);
    }

    @Test
    void extraction_jobs_are_claimed_once_and_in_turn_order_per_session_issue_20() {
        // given: two turns queued in one session, one in another
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.sessions().insert(session("sess_2", A));
            tx.turns().insert(A, turn("turn_1", "sess_1", 1));
            tx.turns().insert(A, turn("turn_2", "sess_1", 2));
            tx.turns().insert(A, turn("turn_3", "sess_2", 1));
            tx.extractionJobs().enqueue(ExtractionJob.pending(A, "turn_1", "sess_1", 1, T0));
            tx.extractionJobs().enqueue(ExtractionJob.pending(A, "turn_2", "sess_1", 2, T0.plusSeconds(1)));
            tx.extractionJobs().enqueue(ExtractionJob.pending(A, "turn_3", "sess_2", 1, T0.plusSeconds(2)));
        });
        Instant now = T0.plusSeconds(10);
        Instant lease = now.plusSeconds(60);

        // when-then: the first of each session, then nothing while they are claimed
        assertThat(claim("w1", now, lease)).contains("turn_1");
        assertThat(claim("w2", now, lease)).contains("turn_3");
        assertThat(claim("w3", now, lease)).isEmpty();
        assertThat(number(tx -> tx.extractionJobs().pending())).isEqualTo(3);

        // only the claim's holder finishes it; then the session's next turn is claimable
        assertThat(writtenFlag(tx -> tx.extractionJobs().finish(A, "turn_1", "w2", ExtractionJob.State.OK, "{}", now))).isFalse();
        assertThat(writtenFlag(tx -> tx.extractionJobs().finish(A, "turn_1", "w1", ExtractionJob.State.OK, "{\"n\":1}", now))).isTrue();
        assertThat(claim("w3", now, lease)).contains("turn_2");
        ExtractionJob done = one(tx -> tx.extractionJobs().find(A, "turn_1")).orElseThrow();
        assertThat(done.state()).isEqualTo(ExtractionJob.State.OK);
        assertThat(done.result()).isEqualTo("{\"n\":1}");
        assertThat(done.finishedAt()).isEqualTo(now);
        assertThat(one(tx -> tx.extractionJobs().find(B, "turn_1"))).isEmpty();
        assertThat(one(tx -> tx.extractionJobs().find(A, "turn_2")).orElseThrow().state()).isEqualTo(ExtractionJob.State.PENDING);
    }

    @Test
    void an_extraction_claim_lapses_with_its_lease_and_a_released_one_is_free_at_once_issue_20() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.turns().insert(A, turn("turn_1", "sess_1", 1));
            tx.extractionJobs().enqueue(ExtractionJob.pending(A, "turn_1", "sess_1", 1, T0));
        });
        assertThat(claim("w1", T0, T0.plusSeconds(30))).contains("turn_1");
        assertThat(writtenFlag(tx -> tx.extractionJobs().renew(A, "turn_1", "w1", T0.plusSeconds(60)))).isTrue();
        assertThat(claim("w2", T0.plusSeconds(45), T0.plusSeconds(90))).isEmpty();

        // w1 died: its lease runs out and w2 takes the job over; w1 can neither renew nor finish it
        assertThat(claim("w2", T0.plusSeconds(61), T0.plusSeconds(90))).contains("turn_1");
        assertThat(writtenFlag(tx -> tx.extractionJobs().renew(A, "turn_1", "w1", T0.plusSeconds(120)))).isFalse();
        assertThat(writtenFlag(tx -> tx.extractionJobs().finish(A, "turn_1", "w1", ExtractionJob.State.FAILED, "{}", T0))).isFalse();

        // a worker that shuts down gives the job back for anyone, at once
        write(tx -> tx.extractionJobs().release(A, "turn_1", "w2"));
        assertThat(claim("w3", T0.plusSeconds(62), T0.plusSeconds(90))).contains("turn_1");
    }

    @Test
    void extraction_jobs_go_with_their_turns_issue_20() {
        write(tx -> {
            tx.sessions().insert(session("sess_1", A));
            tx.turns().insert(A, turn("turn_1", "sess_1", 1));
            tx.extractionJobs().enqueue(ExtractionJob.pending(A, "turn_1", "sess_1", 1, T0));
        });
        assertThat(writtenFlag(tx -> tx.sessions().delete(A, "sess_1"))).isTrue();
        assertThat(one(tx -> tx.extractionJobs().find(A, "turn_1"))).isEmpty();
        assertThat(number(tx -> tx.extractionJobs().pending())).isZero();
    }

    private java.util.Optional<String> claim(String worker, Instant now, Instant leaseUntil) {
        return store.write(tx -> tx.extractionJobs().claimNext(worker, now, leaseUntil)).map(ExtractionJob::turnId);
    }

    protected static Turn turn(String id, String sessionId, long seq) {
        Instant at = T0.plus(seq, ChronoUnit.SECONDS);
        return new Turn(id, sessionId, seq, seq % 2 == 0 ? Role.ASSISTANT : Role.USER, "message " + seq, at.minusSeconds(3600), at);
    }

    protected static StoredTrace trace(ContextId contextId, String id, Instant at) {
        return new StoredTrace(contextId, id, StoredTrace.Kind.RETRIEVAL, at, "{\"id\":\"" + id + "\",\"kind\":\"retrieval\"}");
    }

    protected <T> java.util.Optional<T> one(java.util.function.Function<StoreTransaction, java.util.Optional<T>> query) {
        return store.read(query);
    }

    protected java.util.Map<String, String> texts(ContextId contextId) {
        return store.read(tx -> tx.search().texts(contextId));
    }

    protected <T> List<T> all(java.util.function.Function<StoreTransaction, List<T>> query) {
        return store.read(query);
    }

    protected long number(java.util.function.ToLongFunction<StoreTransaction> query) {
        return store.read(tx -> query.applyAsLong(tx));
    }

    protected long writtenNumber(java.util.function.ToLongFunction<StoreTransaction> work) {
        return store.write(tx -> work.applyAsLong(tx));
    }

    protected boolean writtenFlag(java.util.function.Predicate<StoreTransaction> work) {
        return store.write(tx -> work.test(tx));
    }

    private void write(java.util.function.Consumer<StoreTransaction> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }
}
