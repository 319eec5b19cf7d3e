package dev.spectron.server.scenario;

import static dev.spectron.server.scenario.Script.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.extraction.Triple;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.FactPair;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.retrieval.Hit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 1: one consistent state. The three conversations of the issue, the paired facts
 * (attribute and relation move together), the dating rules, {@code asOf}, and what never counts as
 * memory, each checked on the diff, {@code /state}, {@code /entities}, the history chain and,
 * where the issue names them, {@code /profile} and {@code /query}.
 */
abstract class AbstractConsistentStateScenarios extends AbstractReconcilerScenarios {
    private static final String MORNING = "2026-03-10T09:00:00Z";
    private static final String LATER = "2026-03-10T09:05:00Z";
    /** "last month" said on 2026-03-10. */
    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void london_then_actually_paris_last_month_leaves_one_home_and_the_relation_agrees_issue_16() {
        List<MemoryDiff> diffs = run(
                step("I live in London and work as a programmer.", MORNING, reply().attribute("ada", "home", "London", "identity")
                        .relation("ada", "lives_in", "location", "London", "identity", null)
                        .attribute("ada", "occupation", "programmer", "identity")),
                step("Actually, I moved to Paris last month.", LATER, reply().attribute("ada", "home", "Paris", "identity", 0.95, "2026-02-01", true)
                        .relation("ada", "lives_in", "location", "Paris", "identity", "2026-02-01")));

        assertThat(diffs.get(1).corrections()).extracting(MemoryDiff.Correction::key, MemoryDiff.Correction::oldValue,
                MemoryDiff.Correction::newValue).containsExactly(org.assertj.core.groups.Tuple.tuple("home", "London", "Paris"));
        assertOneLiveValue("home", "lives_in", "Paris");
        List<Attribute> chain = harness.history("person", "ada", "home");
        assertThat(chain).extracting(Attribute::value).containsExactly("London", "Paris");
        assertThat(chain.get(0).supersededBy()).isEqualTo(chain.get(1).id());
        assertThat(chain.get(1).supersedes()).isEqualTo(chain.get(0).id());
        assertThat(chain.get(1).validFrom()).isEqualTo(FEBRUARY);
        assertProfileAndQueryAgree("home", "Paris", "Where do I live?", "London");
    }

    @Test
    void a_misspelled_name_corrected_leaves_one_name_issue_16() {
        List<MemoryDiff> diffs = run(
                step("My name is Tomasz.", MORNING, reply().attribute("ada", "name", "Tomasz", "identity")),
                step("Sorry, I spelled it wrong: my name is actually Tomas.", LATER,
                        reply().attribute("ada", "name", "Tomas", "identity", 0.95, null, true)));

        assertThat(diffs.get(1).corrections()).extracting(MemoryDiff.Correction::oldValue, MemoryDiff.Correction::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Tomasz", "Tomas"));
        assertThat(values(diffs.get(1).attributes(), "name")).containsExactly("Tomas");
        assertThat(liveValues("name")).containsExactly("Tomas");
        assertThat(harness.state().attributes()).filteredOn(a -> a.key().equals("name")).extracting(Attribute::value).containsExactly("Tomas");
        List<Attribute> chain = harness.history("person", "ada", "name");
        assertThat(chain).extracting(Attribute::value).containsExactly("Tomasz", "Tomas");
        assertThat(chain.get(0).supersededBy()).isEqualTo(chain.get(1).id());
        assertProfileAndQueryAgree("name", "Tomas", "What is my name?", "Tomasz");
    }

    @Test
    void lisbon_now_then_porto_last_month_leaves_one_home_dated_from_last_month_issue_16() {
        List<MemoryDiff> diffs = run(
                step("I live in Lisbon.", MORNING, reply().attribute("ada", "home", "Lisbon", "identity")
                        .relation("ada", "lives_in", "location", "Lisbon", "identity", null)),
                step("I moved to Porto last month.", LATER, reply().attribute("ada", "home", "Porto", "identity", 0.9, "2026-02-01", false)
                        .relation("ada", "lives_in", "location", "Porto", "identity", "2026-02-01")));

        assertThat(diffs.get(1).corrections()).extracting(MemoryDiff.Correction::oldValue, MemoryDiff.Correction::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lisbon", "Porto"));
        assertThat(diffs.get(1).uncertainties()).isEmpty();
        assertOneLiveValue("home", "lives_in", "Porto");
        List<Attribute> chain = harness.history("person", "ada", "home");
        assertThat(chain).extracting(Attribute::value).containsExactly("Lisbon", "Porto");
        assertThat(chain.get(0).supersededBy()).isEqualTo(chain.get(1).id());
        assertThat(chain.get(1).validFrom()).isEqualTo(FEBRUARY);
        assertProfileAndQueryAgree("home", "Porto", "Where do I live?", "Lisbon");

        // asOf after home's validFrom but before the turn that stated it: the entity exists and lives in Porto.
        var february = harness.entityAsOf("person", "ada", "2026-02-15T00:00:00Z");
        assertThat(values(february.attributes(), "home")).containsExactly("Porto");
        assertThat(february.relations()).filteredOn(r -> r.relation().label().equals("lives_in")).extracting(r -> r.object().name())
                .containsExactly("Porto");
        assertThat(values(harness.entityAsOf("person", "ada", "2026-03-10T09:02:00Z").attributes(), "home")).containsExactly("Porto");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.entityAsOf("person", "ada", "2026-01-15T00:00:00Z"))
                .isInstanceOf(dev.spectron.core.NotFoundException.class);
    }

    @Test
    void among_statements_without_dates_the_later_said_one_wins_and_the_relation_follows() {
        List<MemoryDiff> diffs = run(
                step("I work at Acme.", MORNING, reply().attribute("ada", "employer", "Acme", "identity")
                        .relation("ada", "works_at", "organisation", "Acme", "identity", null)),
                step("I work at Globex.", LATER, reply().attribute("ada", "employer", "Globex", "identity")
                        .relation("ada", "works_at", "organisation", "Globex", "identity", null)));

        assertThat(diffs.get(1).corrections()).extracting(MemoryDiff.Correction::newValue).containsExactly("Globex");
        assertOneLiveValue("employer", "works_at", "Globex");
        List<Attribute> chain = harness.history("person", "ada", "employer");
        assertThat(chain).extracting(Attribute::value).containsExactly("Acme", "Globex");
        assertThat(chain.get(0).validUntil()).isEqualTo(Instant.parse(LATER));

        // A statement said the day before, stored late (a backfill), is history for both halves.
        List<MemoryDiff> backfill = run(step("I work at Initech.", "2026-03-09T09:00:00Z", reply().attribute("ada", "employer", "Initech", "identity")
                .relation("ada", "works_at", "organisation", "Initech", "identity", null)));
        assertThat(backfill.get(0).corrections()).isEmpty();
        assertOneLiveValue("employer", "works_at", "Globex");
        assertThat(harness.history("person", "ada", "employer")).filteredOn(a -> a.value().equals("Initech")).singleElement()
                .satisfies(initech -> assertThat(initech.supersededBy()).isEqualTo(chain.get(1).id()));
        assertThat(backfill.get(0).relations()).singleElement().satisfies(r -> assertThat(r.relation().isLive()).isFalse());
    }

    @Test
    void every_paired_attribute_and_relation_are_written_superseded_and_invalidated_together_issue_16() {
        List<MemoryDiff> diffs = run(
                step("I live in Lisbon.", "2026-01-01T09:00:00Z", reply().attribute("ada", "home", "Lisbon", "identity")),
                step("I work at Acme.", "2026-01-01T09:01:00Z", reply().relation("ada", "works_at", "organisation", "Acme", "identity", null)),
                step("My girlfriend Sam and I went hiking.", "2026-01-01T09:02:00Z",
                        reply().relation("ada", "partner_of", "person", "Sam", "identity", null)),
                step("My wife Maria loves tea.", "2026-01-01T09:03:00Z", reply().relation("ada", "spouse_of", "person", "Maria", "identity", null)),
                step("My dog Rex is great.", "2026-01-01T09:04:00Z", reply().attribute("ada", "pet", "Rex", "identity")),
                step("I live in Porto.", "2026-02-01T09:00:00Z", reply().attribute("ada", "home", "Porto", "identity")
                        .relation("ada", "lives_in", "location", "Porto", "identity", null)),
                step("I work at Globex.", "2026-02-01T09:01:00Z", reply().attribute("ada", "employer", "Globex", "identity")),
                step("My girlfriend Alex and I adopted a cat.", "2026-02-01T09:02:00Z",
                        reply().relation("ada", "partner_of", "person", "Alex", "identity", null)),
                step("My wife Ana and I went out.", "2026-02-01T09:03:00Z", reply().relation("ada", "spouse_of", "person", "Ana", "identity", null)));
        assertPairsAgree();
        assertThat(diffs.get(5).corrections()).extracting(MemoryDiff.Correction::key).contains("home");
        assertThat(diffs.get(7).corrections()).extracting(MemoryDiff.Correction::key).contains("partner");
        assertThat(diffs.get(8).corrections()).extracting(MemoryDiff.Correction::key).contains("spouse");
        for (FactPair pair : FactPair.ALL) {
            assertThat(liveValues(pair.key())).as(pair.key()).hasSize(1);
        }
        assertThat(harness.history("person", "ada", "spouse")).extracting(Attribute::value).containsExactly("Maria", "Ana");
        assertThat(harness.history("person", "ada", "partner").get(0).supersededBy()).isNotNull();

        List<MemoryDiff> ends = run(
                step("I no longer live in Porto.", "2026-03-01T09:00:00Z", reply().invalidation("ada", "attribute", "home", "Porto")),
                step("I quit my job.", "2026-03-01T09:01:00Z", reply().invalidation("ada", "relation", "works_at", null)),
                step("We broke up.", "2026-03-01T09:02:00Z",
                        reply().invalidation("ada", "relation", "partner_of", null).invalidation("ada", "relation", "spouse_of", null)),
                step("My dog Rex died.", "2026-03-01T09:03:00Z", reply().invalidation("ada", "relation", "has_pet", "Rex")));
        assertPairsAgree();
        assertThat(ends.get(0).invalidations()).extracting(MemoryDiff.Invalidated::keyOrLabel).containsExactlyInAnyOrder("home", "lives_in");
        assertThat(ends.get(1).invalidations()).extracting(MemoryDiff.Invalidated::keyOrLabel).containsExactlyInAnyOrder("employer", "works_at");
        assertThat(ends.get(3).invalidations()).extracting(MemoryDiff.Invalidated::keyOrLabel).containsExactlyInAnyOrder("pet", "has_pet");
        for (String key : List.of("home", "employer", "partner", "spouse", "pet")) {
            assertThat(liveValues(key)).as(key).isEmpty();
        }
    }

    @Test
    void a_builtin_reply_is_never_memory_and_a_question_ranks_below_the_statement_issue_16() {
        List<MemoryDiff> diffs = run(
                step("I live in Lisbon.", MORNING, reply().attribute("ada", "home", "Lisbon", "identity")),
                assistant("[builtin, no LLM configured] Memory holds 1 item: Ada home: Lisbon (since 2026-03-10).", "2026-03-10T09:00:01Z"),
                step("Where do I live?", LATER, reply()));

        assertThat(diffs.get(1).attributes()).isEmpty();
        assertThat(diffs.get(2).attributes()).isEmpty();
        assertThat(diffs.get(2).relations()).isEmpty();
        assertOneLiveValue("home", "lives_in", "Lisbon");
        assertThat(harness.history("person", "ada", "home")).extracting(Attribute::value).containsExactly("Lisbon");
        assertThat(harness.query("memory holds item builtin")).extracting(h -> h.doc().text()).noneMatch(t -> t.contains("[builtin"));
        List<Hit> hits = harness.query("Where do I live?");
        assertThat(hits).extracting(h -> h.doc().text()).noneMatch(t -> t.contains("[builtin"));
        int question = indexOf(hits, "Where do I live?");
        int statement = indexOf(hits, "Lisbon");
        assertThat(statement).isNotNegative();
        assertThat(question < 0 || statement < question).as("statement before question in %s", hits).isTrue();
    }

    @Test
    void a_product_fact_of_the_context_never_enters_a_persons_profile_issue_16() {
        List<MemoryDiff> diffs = run(step("I like jazz.", MORNING, reply().attribute("ada", "likes", "jazz", "knowledge")));
        MemoryDiff product = harness.triples(LATER,
                new Triple(EntityRef.of("product", "SKU-1"), "price", "12 EUR", null, MemoryCategory.KNOWLEDGE));

        assertThat(values(diffs.get(0).attributes(), "likes")).containsExactly("jazz");
        assertThat(values(product.attributes(), "price")).containsExactly("12 EUR");
        assertThat(harness.state().attributes()).extracting(Attribute::value).contains("12 EUR", "jazz");
        assertThat(values(harness.entity("product", "SKU-1").attributes(), "price")).containsExactly("12 EUR");
        assertThat(harness.history("product", "SKU-1", "price")).extracting(Attribute::value).containsExactly("12 EUR");
        var profile = harness.profile();
        assertThat(profile.preferences()).extracting(Attribute::key).containsExactly("likes");
        assertThat(profile.staticItems()).extracting(Attribute::value).doesNotContain("12 EUR");
        assertThat(profile.dynamic()).extracting(Attribute::value).doesNotContain("12 EUR");
    }

    /** One live attribute value, one live relation to the same object, in the entity view and in /state. */
    private void assertOneLiveValue(String key, String label, String value) {
        assertThat(liveValues(key)).containsExactly(value);
        assertThat(harness.entity("person", "ada").relations()).filteredOn(r -> r.relation().label().equals(label))
                .extracting(r -> r.object().name()).containsExactly(value);
        var state = harness.state();
        assertThat(state.attributes()).filteredOn(a -> a.key().equals(key)).extracting(Attribute::value).containsExactly(value);
        assertThat(state.relations()).filteredOn(r -> r.relation().label().equals(label)).extracting(r -> r.object().name())
                .containsExactly(value);
    }

    /** /profile lists the value once; /query ranks no replaced value at 1.0 (nor anywhere). */
    private void assertProfileAndQueryAgree(String key, String value, String question, String replaced) {
        assertThat(harness.profile().staticItems()).filteredOn(a -> a.key().equals(key)).extracting(Attribute::value).containsExactly(value);
        List<Hit> hits = harness.query(question);
        assertThat(hits).filteredOn(h -> h.score() >= 1.0).extracting(h -> h.doc().text()).noneMatch(t -> t.contains(replaced));
        assertThat(hits).filteredOn(h -> h.doc().kind() != dev.spectron.core.retrieval.SearchDoc.Kind.TURN)
                .extracting(h -> h.doc().text()).noneMatch(t -> t.contains(replaced));
    }

    /** For every pair, the live attribute values of ada are the names of her live related objects. */
    private void assertPairsAgree() {
        var view = harness.entity("person", "ada");
        for (FactPair pair : FactPair.ALL) {
            List<String> attributes = view.attributes().stream().filter(a -> a.key().equals(pair.key())).map(Attribute::value)
                    .filter(pair::relates).map(EntityRef::normalise).sorted().toList();
            List<String> relations = view.relations().stream()
                    .filter(r -> r.relation().label().equals(pair.label()) && r.subject().path().equals("person/ada"))
                    .map(r -> r.object().normalisedName()).sorted().toList();
            assertThat(relations).as(pair.key() + " / " + pair.label()).isEqualTo(attributes);
        }
    }

    private static int indexOf(List<Hit> hits, String text) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).doc().text().contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
