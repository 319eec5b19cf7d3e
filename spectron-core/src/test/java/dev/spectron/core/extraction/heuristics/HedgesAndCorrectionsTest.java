package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.USER;
import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.ExtractedCorrection;
import dev.spectron.core.extraction.ExtractedRelation;
import dev.spectron.core.extraction.ExtractedUncertainty;
import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.extraction.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HedgesAndCorrectionsTest {
    @Test
    void plain_statements_carry_confidence_0_9_and_are_no_correction() {
        assertThat(attribute(user("I live in Lisbon."), "home")).extracting(ExtractedAttribute::confidence, ExtractedAttribute::correction)
                .containsExactly(0.9, false);
    }

    @Test
    void a_hedged_statement_carries_0_5_and_an_uncertainty_per_fact() {
        Extraction extraction = user("I think I live in Lisbon.");

        assertThat(attribute(extraction, "home").confidence()).isEqualTo(0.5);
        assertThat(extraction.relations()).extracting(ExtractedRelation::confidence).containsExactly(0.5);
        assertThat(extraction.uncertainties()).containsExactly(
                new ExtractedUncertainty("user.home", "hedged statement: I think I live in Lisbon."),
                new ExtractedUncertainty("user.lives_in", "hedged statement: I think I live in Lisbon."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maybe I'm allergic to cats.", "I'm probably allergic to cats.", "I might be allergic to cats, I guess."})
    void hedge_words_lower_the_confidence(String text) {
        Extraction extraction = user(text);

        assertThat(attribute(extraction, "allergy").confidence()).isEqualTo(0.5);
        assertThat(extraction.uncertainties()).extracting(ExtractedUncertainty::about).containsExactly("user.allergy");
    }

    @Test
    void the_uncertainty_names_the_speaker_entity() {
        assertThat(user("I think I work at Acme.", "ada").uncertainties()).extracting(ExtractedUncertainty::about)
                .containsExactly("ada.employer", "ada.works_at");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Actually, I live in Porto.         | home     | Porto
            Correction: I'm 35.                | age      | 35
            Sorry, I meant I work at Globex.   | employer | Globex
            Oh wait, actually I'm vegan.       | diet     | vegan
            Sorry, I spelled it wrong: my name is actually Tomas. | name | Tomas
            Oops, typo: my name is Tomas.      | name     | Tomas
            Sorry, I misspelled it - I live in Porto. | home | Porto
            """)
    void an_explicit_correction_carries_0_95_and_the_correction_flag(String text, String key, String value) {
        assertThat(attribute(user(text), key)).extracting(ExtractedAttribute::value, ExtractedAttribute::confidence,
                ExtractedAttribute::correction).containsExactly(value, 0.95, true);
    }

    @Test
    void a_self_correction_keeps_only_the_meant_value() {
        Extraction extraction = user("I live in Lisbon — I mean Porto.");

        assertThat(extraction.attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value, ExtractedAttribute::correction)
                .containsExactly(tuple("home", "Porto", true));
        assertThat(extraction.corrections()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sorry, I meant Porto, not Lisbon.     | Lisbon  | Porto
            It's not Lisbon but Porto.            | Lisbon  | Porto
            Actually, it's Tuesday, not Monday.   | Monday  | Tuesday
            The meeting is at 3 — I mean 4.       | 3       | 4
            Sorry, it's Tomas, not Tomasz.        | Tomasz  | Tomas
            """)
    void a_correction_without_a_key_names_the_old_and_new_value(String text, String oldValue, String newValue) {
        Extraction extraction = user(text);

        assertThat(extraction.corrections()).containsExactly(new ExtractedCorrection(USER, oldValue, newValue, new Span(0, text.length())));
        assertThat(extraction.attributes()).isEmpty();
    }

    @Test
    void my_name_is_actually_restates_the_name_issue_16() {
        assertThat(attribute(user("My name is actually Tomas."), "name").value()).isEqualTo("Tomas");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I wrote this song yesterday.", "Sorry, I'm late.", "I typed it up for you."})
    void writing_and_apologies_alone_are_no_correction(String text) {
        assertThat(user(text).attributes()).allSatisfy(a -> assertThat(a.correction()).isFalse());
        assertThat(user(text).corrections()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not easy, but I believe in you.", "It's not that I mind, but it's late.", "I mean, it's fine."})
    void contrast_and_filler_are_no_correction(String text) {
        assertThat(user(text).corrections()).isEmpty();
    }
}
