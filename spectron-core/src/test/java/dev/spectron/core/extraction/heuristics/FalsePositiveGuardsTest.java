package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.Extraction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FalsePositiveGuardsTest {
    @ParameterizedTest
    @ValueSource(strings = {"I'm tired.", "I'm American.", "I'm Sorry for the delay.", "I have a question.", "I never lived in Paris.",
        "Okay, thanks!"})
    void ordinary_chat_yields_nothing(String text) {
        assertThat(user(text)).isEqualTo(Extraction.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Do you like pizza?", "do you like pizza", "Am I allergic to peanuts?", "Should I move to Porto?",
        "Is my name Ada?", "What do you think I should do about my wife?"})
    void questions_yield_no_first_person_facts(String text) {
        assertThat(user(text)).isEqualTo(Extraction.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"She said 'I live in Paris'.", "He told me \"I work at Google now\".",
        "My boss keeps saying “I'm allergic to meetings” lol"})
    void quoted_speech_is_not_about_the_speaker(String text) {
        assertThat(user(text)).isEqualTo(Extraction.EMPTY);
    }

    @Test
    void a_big_fan_is_no_occupation() {
        assertThat(user("I'm a big fan of jazz.").attributes()).extracting(ExtractedAttribute::key).containsExactly("likes");
    }

    @Test
    void a_third_persons_home_is_not_the_speakers() {
        assertThat(user("My sister lives in Paris.").attributes()).extracting(ExtractedAttribute::key).containsExactly("family");
    }

    @Test
    void long_and_adversarial_input_finishes_quickly() {
        String adversarial = ("I I I'm a a a Ada Ada Ada Ada, not not but but — I mean, I live in A B C D E F G H, "
                + "always always stop stop 12/12/12 since since since May May ").repeat(200);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> user(adversarial));
    }
}
