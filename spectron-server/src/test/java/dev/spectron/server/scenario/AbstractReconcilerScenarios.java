package dev.spectron.server.scenario;

import static dev.spectron.server.scenario.Script.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.ingest.ExtractorProvider;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.reconcile.MemoryDiff;
import dev.spectron.core.session.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler scenarios of issue 3, run through the real write path. Each subclass supplies the
 * extractor: the stage-0 heuristics alone, or a scripted extraction model alone. Both must reach
 * the same memory: the diff, {@code /state} and the history chain.
 */
abstract class AbstractReconcilerScenarios {
    @TempDir
    Path dir;
    ScenarioHarness harness;
    /** Each turn's scripted model answer; the scripted model reads this map, so later steps can add to it. */
    private final Map<String, String> scripts = new LinkedHashMap<>();

    /** The extractor for this run; {@code scripts} maps each turn's text to the model's scripted answer. */
    abstract ExtractorProvider extractors(Map<String, String> scripts);

    record Step(Role role, String text, String at, Script script) {
    }

    static Step step(String text, String at, Script script) {
        return new Step(Role.USER, text, at, script);
    }

    static Step assistant(String text, String at) {
        return new Step(Role.ASSISTANT, text, at, reply());
    }

    /** Says the steps in order; a later call continues the same conversation. */
    List<MemoryDiff> run(Step... steps) {
        for (Step step : steps) {
            scripts.put(step.text(), step.script().json());
        }
        if (harness == null) {
            harness = new ScenarioHarness(dir, extractors(scripts));
        }
        List<MemoryDiff> diffs = new ArrayList<>();
        for (Step step : steps) {
            diffs.add(harness.say(step.role(), step.text(), step.at()).diff());
        }
        return diffs;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void a_name_update_supersedes_the_old_name_and_keeps_the_chain() {
        List<MemoryDiff> diffs = run(
                step("My name is Ada Lovelace.", "2026-01-05T09:00:00Z", reply().attribute("ada", "name", "Ada Lovelace", "identity")),
                step("Actually, my name is Ada King.", "2026-02-05T09:00:00Z",
                        reply().attribute("ada", "name", "Ada King", "identity", 0.95, null, true)));
        assertThat(values(diffs.get(0).attributes(), "name")).containsExactly("Ada Lovelace");
        assertThat(diffs.get(1).corrections()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("name");
            assertThat(c.oldValue()).isEqualTo("Ada Lovelace");
            assertThat(c.newValue()).isEqualTo("Ada King");
        });
        assertThat(liveValues("name")).containsExactly("Ada King");
        List<Attribute> chain = harness.history("person", "ada", "name");
        assertThat(chain).extracting(Attribute::value).containsExactly("Ada Lovelace", "Ada King");
        assertThat(chain.get(0).supersededBy()).isEqualTo(chain.get(1).id());
        assertThat(chain.get(1).supersedes()).isEqualTo(chain.get(0).id());
        assertThat(chain.get(0).validUntil()).isEqualTo(Instant.parse("2026-02-05T09:00:00Z"));
    }

    @Test
    void a_preference_change_supersedes_and_the_same_preference_again_corroborates() {
        List<MemoryDiff> diffs = run(
                step("My favourite colour is blue.", "2026-01-05T09:00:00Z", reply().attribute("ada", "favourite_colour", "blue", "knowledge")),
                step("My favourite colour is blue.", "2026-01-06T09:00:00Z", reply().attribute("ada", "favourite_colour", "blue", "knowledge")),
                step("These days my favourite colour is green.", "2026-03-01T09:00:00Z",
                        reply().attribute("ada", "favourite_colour", "green", "knowledge")));
        assertThat(diffs.get(1).attributes()).isEmpty();
        assertThat(diffs.get(1).corrections()).isEmpty();
        assertThat(diffs.get(2).corrections()).extracting(MemoryDiff.Correction::oldValue, MemoryDiff.Correction::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("blue", "green"));
        assertThat(liveValues("favourite_colour")).containsExactly("green");
        assertThat(harness.history("person", "ada", "favourite_colour")).extracting(Attribute::value).containsExactly("blue", "green");
        assertThat(harness.history("person", "ada", "favourite_colour").get(0).importance()).isGreaterThan(0.8);
    }

    @Test
    void a_move_closes_the_old_home_at_the_resolved_date() {
        List<MemoryDiff> diffs = run(
                step("I live in Lisbon.", "2024-01-10T12:00:00Z",
                        reply().attribute("ada", "home", "Lisbon", "identity").relation("ada", "lives_in", "location", "Lisbon", "identity", null)),
                step("I moved to Porto last month.", "2025-06-15T12:00:00Z",
                        reply().attribute("ada", "home", "Porto", "identity", 0.9, "2025-05-01", false)
                                .relation("ada", "lives_in", "location", "Porto", "identity", "2025-05-01")));
        assertThat(diffs.get(1).corrections()).extracting(MemoryDiff.Correction::newValue).containsExactly("Porto");
        List<Attribute> chain = harness.history("person", "ada", "home");
        assertThat(chain).extracting(Attribute::value).containsExactly("Lisbon", "Porto");
        assertThat(chain.get(1).validFrom()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(chain.get(0).validUntil()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        var view = harness.entity("person", "ada");
        assertThat(view.relations()).filteredOn(r -> r.relation().label().equals("lives_in"))
                .extracting(r -> r.object().name()).containsExactly("Porto");
    }

    @Test
    void a_contradiction_below_the_confidence_floor_keeps_both_values_and_records_an_uncertainty() {
        List<MemoryDiff> diffs = run(
                step("I live in Berlin.", "2026-01-05T09:00:00Z", reply().attribute("ada", "home", "Berlin", "identity")),
                step("I think I live in Munich now.", "2026-01-06T09:00:00Z",
                        reply().attribute("ada", "home", "Munich", "identity", 0.5, null, false)));
        assertThat(diffs.get(1).corrections()).isEmpty();
        assertThat(diffs.get(1).uncertainties()).isNotEmpty();
        assertThat(liveValues("home")).containsExactlyInAnyOrder("Berlin", "Munich");
        assertThat(harness.state().unknowns()).isNotEmpty();
    }

    @Test
    void older_news_is_stored_as_history_without_replacing_the_current_value() {
        List<MemoryDiff> diffs = run(
                step("I moved to Porto last month.", "2025-06-01T12:00:00Z",
                        reply().attribute("ada", "home", "Porto", "identity", 0.9, "2025-05-01", false)),
                step("I moved to Lisbon two years ago.", "2025-06-02T12:00:00Z",
                        reply().attribute("ada", "home", "Lisbon", "identity", 0.9, "2023-06-02", false)));
        assertThat(diffs.get(1).corrections()).isEmpty();
        assertThat(liveValues("home")).containsExactly("Porto");
        List<Attribute> chain = harness.history("person", "ada", "home");
        Attribute lisbon = chain.stream().filter(a -> a.value().equals("Lisbon")).findFirst().orElseThrow();
        assertThat(lisbon.validFrom()).isEqualTo(Instant.parse("2023-06-02T00:00:00Z"));
        assertThat(lisbon.validUntil()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(lisbon.supersededBy()).isEqualTo(chain.stream().filter(a -> a.value().equals("Porto")).findFirst().orElseThrow().id());
    }

    @Test
    void several_entities_in_one_turn_are_all_created_and_linked() {
        List<MemoryDiff> diffs = run(step("My wife Maria and I live in Lisbon, and I work at Acme.", "2026-01-05T09:00:00Z", reply()
                .attribute("ada", "home", "Lisbon", "identity").attribute("ada", "employer", "Acme", "identity")
                .relation("ada", "spouse_of", "person", "Maria", "identity", null)
                .relation("ada", "lives_in", "location", "Lisbon", "identity", null)
                .relation("ada", "works_at", "organisation", "Acme", "identity", null)));
        assertThat(diffs.get(0).entities()).extracting(e -> e.entity().ref().path())
                .contains("person/ada", "person/maria", "location/lisbon", "organisation/acme");
        assertThat(diffs.get(0).entities()).filteredOn(e -> !e.entity().ref().name().equalsIgnoreCase("ada")).allMatch(MemoryDiff.EntityChange::isNew);
        assertThat(diffs.get(0).relations()).extracting(r -> r.relation().label() + "->" + r.object().path())
                .contains("spouse_of->person/maria", "lives_in->location/lisbon", "works_at->organisation/acme");
        assertThat(liveValues("employer")).containsExactly("Acme");
    }

    @Test
    void an_instruction_given_and_later_revoked_is_deactivated_not_deleted() {
        List<MemoryDiff> diffs = run(
                step("Always answer in bullet points.", "2026-01-05T09:00:00Z",
                        reply().instruction("answer_bullet_points", "Always answer in bullet points.", false)),
                step("Stop using bullet points.", "2026-01-07T09:00:00Z",
                        reply().instruction("using_bullet_points", "Stop using bullet points.", true)));
        assertThat(diffs.get(0).instructions()).singleElement().satisfies(i -> assertThat(i.active()).isTrue());
        assertThat(diffs.get(1).instructions()).singleElement().satisfies(i -> {
            assertThat(i.active()).isFalse();
            assertThat(i.id()).isEqualTo(diffs.get(0).instructions().get(0).id());
        });
        assertThat(harness.state().instructions()).extracting(Instruction::active).isEmpty();
    }

    @Test
    void a_relationship_that_ends_and_a_new_one_that_starts() {
        List<MemoryDiff> diffs = run(
                step("My girlfriend Sam and I went hiking.", "2026-01-05T09:00:00Z",
                        reply().relation("ada", "partner_of", "person", "Sam", "identity", null)),
                step("We broke up.", "2026-03-05T09:00:00Z", reply().invalidation("ada", "relation", "partner_of", null)),
                step("My girlfriend Alex and I adopted a cat.", "2026-06-05T09:00:00Z",
                        reply().relation("ada", "partner_of", "person", "Alex", "identity", null)));
        // The partner_of edge and its partner attribute close together (issue 16).
        assertThat(diffs.get(1).invalidations()).extracting(MemoryDiff.Invalidated::keyOrLabel, MemoryDiff.Invalidated::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("partner_of", "Sam"), org.assertj.core.groups.Tuple.tuple("partner", "Sam"));
        var partners = harness.entity("person", "ada").relations().stream()
                .filter(r -> r.relation().label().equals("partner_of")).map(r -> r.object().name()).toList();
        assertThat(partners).containsExactly("Alex");
    }

    List<String> liveValues(String key) {
        return harness.entity("person", "ada").attributes().stream().filter(a -> a.key().equals(key)).map(Attribute::value).toList();
    }

    static List<String> values(List<Attribute> attributes, String key) {
        return attributes.stream().filter(a -> a.key().equals(key)).map(Attribute::value).toList();
    }
}
