package dev.spectron.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.MemoryCategory;
import dev.spectron.core.memory.SourceRef;
import dev.spectron.core.session.ScopeSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeDecisionsTest {
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final double FLOOR = 0.7;

    @Test
    void nothing_live_means_insert() {
        assertThat(AttributeDecisions.decide(List.of(), incoming("Lisbon", 0.9), JAN, false, FLOOR)).isInstanceOf(AttributeDecision.Insert.class);
    }

    @Test
    void the_same_value_corroborates_whatever_its_case_and_spacing() {
        Attribute live = live("Lisbon", 0.9, JAN);
        assertThat(AttributeDecisions.decide(List.of(live), incoming(" lisbon ", 0.5), MAR, false, FLOOR))
                .isEqualTo(new AttributeDecision.Corroborate(live));
    }

    @Test
    void supersedes_live_value_when_new_confidence_is_at_the_floor_and_not_below_the_old() {
        Attribute live = live("Lisbon", 0.7, JAN);
        assertThat(AttributeDecisions.decide(List.of(live), incoming("Porto", 0.7), MAR, false, FLOOR))
                .isEqualTo(new AttributeDecision.Supersede(List.of(live)));
    }

    @Test
    void below_the_floor_records_a_conflict() {
        var decision = AttributeDecisions.decide(List.of(live("Lisbon", 0.5, JAN)), incoming("Porto", 0.69), MAR, false, FLOOR);
        assertThat(decision).isInstanceOfSatisfying(AttributeDecision.RecordConflict.class,
                conflict -> assertThat(conflict.reason()).contains("below the confidence floor 0.70"));
    }

    @Test
    void less_certain_than_the_live_value_records_a_conflict() {
        var decision = AttributeDecisions.decide(List.of(live("Lisbon", 0.95, JAN)), incoming("Porto", 0.9), MAR, false, FLOOR);
        assertThat(decision).isInstanceOfSatisfying(AttributeDecision.RecordConflict.class,
                conflict -> assertThat(conflict.reason()).contains("less certain"));
    }

    @Test
    void multi_valued_keys_gather_values() {
        assertThat(AttributeDecisions.decide(List.of(live("peanuts", 0.9, JAN)), incoming("shellfish", 0.9), MAR, true, FLOOR))
                .isInstanceOf(AttributeDecision.Insert.class);
    }

    @Test
    void a_value_that_held_before_the_live_one_is_history() {
        Attribute live = live("Porto", 0.9, MAR);
        assertThat(AttributeDecisions.decide(List.of(live), incoming("Lisbon", 0.9), JAN, false, FLOOR))
                .isEqualTo(new AttributeDecision.InsertHistorical(live));
    }

    @Test
    void a_dated_move_said_after_a_present_statement_replaces_it_even_when_dated_before_it_issue_16() {
        Attribute london = live("London", 0.9, MAR);
        ExtractedAttribute paris = dated("Paris", JAN, false);
        assertThat(AttributeDecisions.decide(List.of(london), paris, MAR.plusSeconds(60), false, FLOOR))
                .isEqualTo(new AttributeDecision.Supersede(List.of(london)));
    }

    @Test
    void a_dated_value_before_the_dated_start_of_the_live_one_is_history_unless_it_is_a_correction() {
        Attribute porto = new Attribute("attr_porto", "ent_1", "home", "Porto", MemoryCategory.IDENTITY, 1.0, 0.9, ScopeSet.NONE, MAR,
                null, null, null, SourceRef.turn("turn_1", "sess_1", null), MAR.plusSeconds(86_400 * 10), null);
        Instant said = MAR.plusSeconds(86_400 * 11);
        assertThat(AttributeDecisions.decide(List.of(porto), dated("Lisbon", JAN, false), said, false, FLOOR))
                .isEqualTo(new AttributeDecision.InsertHistorical(porto));
        assertThat(AttributeDecisions.decide(List.of(porto), dated("Lisbon", JAN, true), said, false, FLOOR))
                .isEqualTo(new AttributeDecision.Supersede(List.of(porto)));
    }

    @Test
    void a_replaced_value_never_ends_before_it_began() {
        assertThat(AttributeDecisions.closingAt(MAR, JAN)).isEqualTo(MAR);
        assertThat(AttributeDecisions.closingAt(JAN, MAR)).isEqualTo(MAR);
    }

    private static ExtractedAttribute dated(String value, Instant validFrom, boolean correction) {
        return new ExtractedAttribute(EntityRef.of("person", "ada"), "home", value, MemoryCategory.IDENTITY, correction ? 0.95 : 0.9, null,
                validFrom, correction);
    }

    private static ExtractedAttribute incoming(String value, double confidence) {
        return new ExtractedAttribute(EntityRef.of("person", "ada"), "home", value, MemoryCategory.IDENTITY, confidence, null, null, false);
    }

    private static Attribute live(String value, double confidence, Instant validFrom) {
        return new Attribute("attr_" + value, "ent_1", "home", value, MemoryCategory.IDENTITY, 1.0, confidence, ScopeSet.NONE, validFrom,
                null, null, null, SourceRef.turn("turn_1", "sess_1", null), validFrom, null);
    }
}
