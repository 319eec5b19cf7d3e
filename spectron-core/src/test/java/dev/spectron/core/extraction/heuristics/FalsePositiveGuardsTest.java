package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.extraction.Extraction;
import java.time.Duration;
import java.util.List;
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
        assertThat(user("My sister lives in Paris.").attributes()).extracting(ExtractedAttribute::entity, ExtractedAttribute::key)
                .containsExactly(tuple(Turns.USER, "family"), tuple(Turns.person("user's sister"), "home"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I wish my sister was a nurse.", "If Lena is a nurse, she earns too little.", "Lena isn't a nurse.",
        "Lena is not a nurse.", "Lena would be a great nurse.", "Lena wants to be a nurse.", "Is Lena a nurse?", "Lena is a nurse?",
        "She said 'Lena is a nurse and lives in Hamburg'.", "I think Lena is a nurse.", "Lena is a great listener.",
        "Lena doesn't live in Hamburg.", "Lena no longer lives in Hamburg.", "Lena might move to Hamburg.",
        "Hopefully Lena goes to Hamburg.", "Books like that matter.", "Everyone loves the beach.", "Painting is a hobby.",
        "Delays won't stop me.", "Thanks, Melanie! She is a nurse.", "My kids, like me, love jazz."})
    void hypotheticals_negations_questions_and_quotes_yield_no_third_person_fact(String text) {
        // given: the plain statement does yield one
        assertThat(thirdPerson(user("Lena is a nurse and lives in Hamburg."))).hasSize(2);

        // when-then
        assertThat(thirdPerson(user(text))).isEmpty();
    }

    private static List<ExtractedAttribute> thirdPerson(Extraction extraction) {
        return extraction.attributes().stream().filter(a -> !a.entity().equals(Turns.USER)).toList();
    }

    @Test
    void long_and_adversarial_input_finishes_quickly() {
        String adversarial = ("I I I'm a a a Ada Ada Ada Ada, not not but but — I mean, I live in A B C D E F G H, "
                + "always always stop stop 12/12/12 since since since May May ").repeat(200);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> user(adversarial));
    }
}
