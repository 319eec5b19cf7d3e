package dev.spectron.core.forget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.forget.ForgetQuery.Reference;
import dev.spectron.core.forget.ForgetQuery.Words;
import dev.spectron.core.memory.EntityRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgetQueryTest {
    @Test
    void an_entity_type_then_a_name_is_a_reference_with_an_optional_key() {
        assertThat(ForgetQuery.parse("person/ada")).isEqualTo(new Reference(EntityRef.of("person", "ada"), null));
        assertThat(ForgetQuery.parse(" Person/Ada Lovelace/Favourite Colour ")).isEqualTo(
                new Reference(EntityRef.of("person", "Ada Lovelace"), "favourite_colour"));
    }

    @Test
    void a_synonym_a_scope_path_or_a_longer_path_is_words_not_a_reference() {
        assertThat(ForgetQuery.parse("user/ada")).isEqualTo(new Words(List.of("user", "ada")));
        assertThat(ForgetQuery.parse("company/acme")).isInstanceOf(Words.class);
        assertThat(ForgetQuery.parse("person/ada/home/extra")).isInstanceOf(Words.class);
        assertThat(ForgetQuery.parse("person/")).isInstanceOf(Words.class);
    }

    @Test
    void words_drop_stop_words_and_blank_or_empty_queries_are_refused() {
        assertThat(ForgetQuery.parse("Please forget that I am allergic to peanuts")).isEqualTo(new Words(List.of("allergic", "peanut")));
        assertThatThrownBy(() -> ForgetQuery.parse("  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ForgetQuery.parse("forget what it is")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no word to match");
    }

    @Test
    void a_row_matches_only_when_it_holds_every_word_plurals_folded() {
        Words words = (Words) ForgetQuery.parse("peanut allergies");
        assertThat(words.matches("Ada allergy: peanuts (since 2026-05-01)")).isTrue();
        assertThat(words.matches("Ada likes: peanuts")).isFalse();
        assertThat(words.matches("Ada allergy: peanutbutter")).isFalse();
        assertThat(((Words) ForgetQuery.parse("glass")).matches("a glass of water")).isTrue();
        assertThat(((Words) ForgetQuery.parse("glas")).matches("a glass of water")).isFalse();
    }
}
