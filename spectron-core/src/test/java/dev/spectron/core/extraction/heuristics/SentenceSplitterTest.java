package dev.spectron.core.extraction.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void splits_on_terminators_but_not_abbreviations_or_decimals() {
        String text = "Hi. I'm Dr. Smith, rated 4.5 stars!  Really?\nYes";

        List<Sentence> sentences = SentenceSplitter.split(text);

        assertThat(sentences).extracting(s -> s.of(text))
                .containsExactly("Hi.", "I'm Dr. Smith, rated 4.5 stars!", "Really?", "Yes");
        assertThat(sentences).extracting(Sentence::question).containsExactly(false, false, true, false);
    }

    @Test
    void a_question_without_a_question_mark_is_still_a_question() {
        assertThat(SentenceSplitter.split("do you like pizza")).singleElement().extracting(Sentence::question).isEqualTo(true);
    }

    @Test
    void masking_blanks_quotations_but_not_apostrophes_and_keeps_every_offset() {
        String text = "She said 'I live in Paris' and \"so do I\". I'm here, it's the kids' toy.";

        String masked = SentenceSplitter.mask(text);

        assertThat(masked).hasSameSizeAs(text)
                .isEqualTo(text.replace("'I live in Paris'", " ".repeat(17)).replace("\"so do I\"", " ".repeat(9)));
    }

    @Test
    void curly_apostrophes_are_straightened() {
        assertThat(SentenceSplitter.mask("I\u2019m Ada")).isEqualTo("I'm Ada");
    }
}
