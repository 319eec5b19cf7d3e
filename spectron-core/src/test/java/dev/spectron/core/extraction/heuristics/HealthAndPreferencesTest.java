package dev.spectron.core.extraction.heuristics;

import static dev.spectron.core.extraction.heuristics.Turns.attribute;
import static dev.spectron.core.extraction.heuristics.Turns.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.memory.MemoryCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthAndPreferencesTest {
    @Test
    void each_allergen_is_its_own_identity_attribute() {
        assertThat(user("I'm allergic to peanuts and shellfish.").attributes())
                .extracting(ExtractedAttribute::key, ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(tuple("allergy", "peanuts", MemoryCategory.IDENTITY), tuple("allergy", "shellfish", MemoryCategory.IDENTITY));
    }

    @Test
    void an_allergy_named_after_have_is_the_allergen() {
        assertThat(attribute(user("I have a peanut allergy."), "allergy").value()).isEqualTo("peanut");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I have diabetes.              | diabetes
            I'm diabetic.                 | diabetes
            I was diagnosed with asthma.  | asthma
            I'm lactose intolerant.       | lactose intolerance
            """)
    void conditions_are_named_as_the_illness(String text, String condition) {
        assertThat(attribute(user(text), "condition")).extracting(ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(condition, MemoryCategory.IDENTITY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I'm vegetarian.     | vegetarian
            I am a vegan.       | vegan
            I'm pescatarian.    | pescatarian
            """)
    void diet_is_an_identity_attribute_and_no_occupation(String text, String diet) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(tuple("diet", diet, MemoryCategory.IDENTITY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I like hiking.                  | likes    | hiking
            I love jazz a lot!              | likes    | jazz
            I really enjoy cooking for friends. | likes | cooking for friends
            I adore cats.                   | likes    | cats
            I hate mornings.                | dislikes | mornings
            I can't stand loud music.       | dislikes | loud music
            I don't like olives, sorry.     | dislikes | olives
            I prefer tea over coffee.       | prefers  | tea
            I prefer window seats.          | prefers  | window seats
            """)
    void preferences_are_knowledge_with_the_value_as_said(String text, String key, String value) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value, ExtractedAttribute::category)
                .containsExactly(tuple(key, value, MemoryCategory.KNOWLEDGE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My favorite colour is blue.          | favourite_colour  | blue
            My favourite TV show is Severance.   | favourite_tv_show | Severance
            Blue is my favourite colour.         | favourite_colour  | Blue
            """)
    void favourites_get_a_normalised_favourite_key_in_either_spelling(String text, String key, String value) {
        assertThat(user(text).attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple(key, value));
    }

    @Test
    void liking_an_idea_is_a_preference_but_loving_you_is_not() {
        assertThat(user("I like that idea, thanks.").attributes()).extracting(ExtractedAttribute::key, ExtractedAttribute::value)
                .containsExactly(tuple("likes", "that idea"));
        assertThat(user("I love you. I'd like to book a table. I love to.").attributes()).isEmpty();
    }
}
