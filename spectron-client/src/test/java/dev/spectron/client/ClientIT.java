package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.client.testing.SharedServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every verb of the client against a real server. */
@ExtendWith(SharedServer.class)
class ClientIT {
    private static Spectron client;
    private static Memory memory;

    @BeforeAll
    static void connect() {
        client = SharedServer.client();
        memory = client.memory("default");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static String user() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void health() {
        assertThat(client.health().isObject()).isTrue();
    }

    @Test
    void sessionLifecycle() {
        String user = user();
        Session session = memory.sessions().create(Scope.of("user", user), Map.of("channel", "web"));
        assertThat(session.id()).startsWith("sess_");
        assertThat(session.scope()).containsEntry("user", user);
        assertThat(session.scopes()).containsExactly(List.of("user/" + user + "/"));
        assertThat(session.metadata()).containsEntry("channel", "web");
        assertThat(session.createdAt()).isBefore(Instant.now().plusSeconds(5));

        Session fetched = memory.sessions().get(session.id());
        assertThat(fetched.id()).isEqualTo(session.id());
        assertThat(fetched.metadata()).containsEntry("channel", "web");
        assertThat(memory.sessions().list(500, 0)).extracting(Session::id).contains(session.id());

        Session dnf = memory.sessions().create(Scope.allOf("org/acme", "user/" + user));
        assertThat(dnf.scopes()).containsExactly(List.of("org/acme/", "user/" + user + "/"));
        assertThat(memory.sessions().create().id()).startsWith("sess_");

        memory.sessions().delete(session.id());
        assertThatThrownBy(() -> memory.sessions().get(session.id())).isInstanceOf(NotFoundException.class);
        dnf.delete();
        assertThatThrownBy(() -> memory.sessions().of(dnf.id()).turns()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void turnReturnsTheDiffAndTheTranscriptKeepsOrder() {
        String user = user();
        Session session = memory.sessions().create(Scope.of("user", user));
        Diff diff = session.turn(Role.USER, "I moved to Porto last month.", Instant.parse("2026-05-08T13:56:00Z"));
        assertThat(diff.turnId()).startsWith("turn_");
        assertThat(diff.turn().role()).isEqualTo(Role.USER);
        assertThat(diff.turn().ts()).isEqualTo(Instant.parse("2026-05-08T13:56:00Z"));
        assertThat(diff.extraction().ok()).isTrue();
        assertThat(diff.attributes().stream().map(Attribute::value).toList().toString()
                + diff.relations().stream().map(Relation::object).toList()).containsIgnoringCase("porto");

        session.turn(Role.ASSISTANT, "Porto is lovely.");
        Diff third = session.turn(TurnRequest.of(Role.USER, "I have a dog named Rex."));
        assertThat(third.isEmpty()).isFalse();

        List<Turn> turns = session.turns();
        assertThat(turns).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(turns).extracting(Turn::seq).containsExactly(1L, 2L, 3L);
        assertThat(turns.getFirst().sessionId()).isEqualTo(session.id());
        assertThat(session.turns(1, 1)).singleElement().extracting(Turn::content).isEqualTo("Porto is lovely.");

        ContextResult context = session.context("Where do I live?", 5);
        assertThat(context.context()).contains("Porto").contains("<memory");
        assertThat(context.tier()).isNotBlank();
        assertThat(context.traceId()).startsWith("trace_");
        assertThat(context.citations()).isNotEmpty();
        assertThat(context.citations().getFirst().id()).isNotBlank();
        assertThat(session.context("what pet do I have").context()).contains("Rex");
    }

    @Test
    void aCallerSuppliedIdempotencyKeyStoresATurnOnce() {
        Session session = memory.sessions().create(Scope.of("user", user()));
        String key = "turn-" + UUID.randomUUID();
        Diff first = session.turn(TurnRequest.of(Role.USER, "I like tea.").withIdempotencyKey(key));
        Diff again = session.turn(TurnRequest.of(Role.USER, "I like tea.").withIdempotencyKey(key));
        assertThat(again.turnId()).isEqualTo(first.turnId());
        assertThat(session.turns()).hasSize(1);
    }

    @Test
    void rememberInEveryMode() {
        String user = user();
        RememberResult full = memory.remember(RememberRequest.of("I am allergic to peanuts.").withScope(Scope.path("user/" + user)));
        assertThat(full.mode()).isEqualTo("full");
        assertThat(full.sessionId()).startsWith("sess_");
        assertThat(full.turnId()).startsWith("turn_");
        assertThat(full.extraction().attributes()).extracting(Attribute::value).anySatisfy(v -> assertThat(v).containsIgnoringCase("peanut"));

        RememberResult more = memory.remember(RememberRequest.of("My favourite colour is green.").withSessionId(full.sessionId()));
        assertThat(more.sessionId()).isEqualTo(full.sessionId());

        RememberResult preview = memory.remember(RememberRequest.of("My favourite colour is blue.").withInfer(RememberRequest.Infer.PREVIEW));
        assertThat(preview.preview()).isTrue();
        assertThat(preview.turnId()).isNull();

        RememberResult literal = memory.remember(RememberRequest.of("Meeting notes: ship the Java client.").withInfer(RememberRequest.Infer.NONE));
        assertThat(literal.chunkId()).isNotNull();
        assertThat(literal.extraction()).isNull();

        String sku = "SKU-" + user;
        RememberResult triples = memory.remember(RememberRequest.triples(List.of(
                Triple.attribute(EntityRef.of("product", sku), "price", "12 EUR"))).withMemoryCategory(MemoryCategory.KNOWLEDGE));
        assertThat(triples.mode()).isEqualTo("triples");
        EntityView product = memory.entity("product", sku.toLowerCase());
        assertThat(product.attributes()).extracting(Attribute::key, Attribute::value).contains(org.assertj.core.groups.Tuple.tuple("price", "12 EUR"));

        assertThat(memory.remember("I work at Acme.").sessionId()).startsWith("sess_");
    }

    @Test
    void rememberManyStoresAConversation() {
        RememberManyResult result = memory.rememberMany(RememberManyRequest.of(List.of(
                        new Message(Role.USER, "I have a cat named Miso.", Instant.parse("2025-01-02T10:00:00Z")),
                        Message.assistant("Miso is a nice name.")))
                .withScope(Scope.of("user", user())).withPerMessage(true));
        assertThat(result.sessionId()).startsWith("sess_");
        assertThat(result.turnIds()).hasSize(2);
        assertThat(result.extractions()).hasSize(2);
        assertThat(memory.sessions().get(result.sessionId()).turns()).hasSize(2);
        assertThat(memory.rememberMany(List.of(Message.user("I play chess."))).turnIds()).hasSize(1);
    }

    @Test
    void recallAndContextOverTheWholeContext() {
        String user = user();
        Session session = memory.sessions().create(Scope.of("user", user));
        session.turn(Role.USER, "I live in Lisbon and I love surfing.");
        RecallResult recall = memory.recall(RecallRequest.of("surfing").withK(5).withLens(Scope.path("user/" + user)));
        assertThat(recall.hits()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(recall.hits().getFirst().text()).isNotBlank();
        assertThat(recall.hits()).extracting(RecallHit::text).anySatisfy(t -> assertThat(t).containsIgnoringCase("surf"));
        assertThat(recall.tier()).isNotBlank();
        assertThat(recall.traceId()).startsWith("trace_");
        assertThat(memory.recall("surfing", 3).hits()).hasSizeLessThanOrEqualTo(3);

        ContextResult context = memory.context(ContextRequest.of("surfing").withLens(Scope.path("user/" + user)).withBudgetChars(2000));
        assertThat(context.context()).containsIgnoringCase("surf");
        assertThat(memory.context("surfing", 3).context()).isNotBlank();
    }

    @Test
    void stateProfileAndEntities() {
        String user = user();
        Session session = memory.sessions().create(Scope.of("user", user));
        session.turn(Role.USER, "I am allergic to shellfish. Always answer in bullet points.");
        MemoryState state = memory.state();
        assertThat(state.identity().attributes().size() + state.knowledge().attributes().size() + state.context().attributes().size())
                .isPositive();
        assertThat(state.instructions()).isNotEmpty();
        Profile profile = memory.profile();
        assertThat(profile.staticFacts().size() + profile.dynamic().size() + profile.preferences().size()).isPositive();
        assertThat(profile.instructions()).isNotEmpty();

        List<Entity> people = memory.entities("person");
        assertThat(people).extracting(Entity::name).contains(user);
        assertThat(memory.entities()).extracting(Entity::entityType).contains("person");
        assertThat(memory.entities("person", 1, 0)).hasSize(1);
        EntityView view = memory.entity(EntityRef.of("person", user));
        assertThat(view.entity().path()).isEqualTo("person/" + user);
        assertThat(view.attributes()).extracting(Attribute::value).anySatisfy(v -> assertThat(v).containsIgnoringCase("shellfish"));
        assertThatThrownBy(() -> memory.entity("person", "nobody-" + user)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void asyncVariantsCompose() {
        String user = user();
        CompletableFuture<List<Turn>> turns = memory.sessions().createAsync(Scope.of("user", user), null)
                .thenCompose(session -> session.turnAsync(TurnRequest.of(Role.USER, "I own a red bicycle."))
                        .thenCompose(diff -> session.turnsAsync(null, null)));
        assertThat(turns.join()).singleElement().extracting(Turn::content).isEqualTo("I own a red bicycle.");
        assertThat(memory.recallAsync(RecallRequest.of("bicycle")).join().hits()).isNotEmpty();
        assertThat(memory.stateAsync().join()).isNotNull();
        assertThat(memory.profileAsync().join()).isNotNull();
        assertThat(memory.entitiesAsync("person", null, null).join()).isNotEmpty();
        CompletableFuture<Session> missing = memory.sessions().getAsync("sess_missing");
        assertThatThrownBy(missing::join).hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void forgetRetiresMatchingMemory() {
        String user = user();
        memory.remember(RememberRequest.of("I am allergic to kiwis.").withScope(Scope.path("user/" + user)));
        assertThat(memory.recall("allergic kiwis").hits()).extracting(RecallHit::text).anySatisfy(t -> assertThat(t).containsIgnoringCase("kiwi"));
        // The server matches every word exactly: "allergic" would miss the attribute "allergy: kiwis".
        ForgetResult dry = memory.forget(ForgetRequest.of("kiwis").withDryRun(true));
        assertThat(dry.deleted()).isPositive();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.ids()).hasSize(dry.deleted());
        ForgetResult forgotten = memory.forget("kiwis");
        assertThat(forgotten.deleted()).isPositive();
        assertThat(forgotten.dryRun()).isFalse();
        assertThat(memory.forget(ForgetRequest.of("kiwis").withDryRun(true)).deleted()).isZero();
        assertThat(memory.recall("allergic kiwis").hits()).extracting(RecallHit::text)
                .noneSatisfy(t -> assertThat(t).containsIgnoringCase("kiwi"));
    }
}
