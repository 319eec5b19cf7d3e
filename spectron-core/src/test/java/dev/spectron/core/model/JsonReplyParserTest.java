package dev.spectron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReplyParserTest {

    private static final String OBJECT = "{\"name\": \"Ada\", \"city\": \"London\"}";

    @Test
    void returns_a_bare_object_unchanged() {
        assertThat(JsonReplyParser.findObject(OBJECT)).contains(OBJECT);
    }

    @Test
    void takes_the_object_out_of_surrounding_prose() {
        String reply = "Sure! Here is what I found:\n" + OBJECT + "\nLet me know if you need more.";

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void takes_the_object_out_of_a_json_code_fence() {
        String reply = "Here you go:\n```json\n" + OBJECT + "\n```\nDone.";

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void takes_the_object_out_of_a_fence_without_language() {
        assertThat(JsonReplyParser.findObject("```\n" + OBJECT + "\n```")).contains(OBJECT);
    }

    @Test
    void prefers_the_fenced_object_to_a_fragment_quoted_in_the_prose() {
        String reply = "The field {\"name\": \"x\"} is required.\n```json\n" + OBJECT + "\n```";

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void ignores_an_object_inside_a_think_block() {
        String reply = "<think>Maybe {\"name\": \"Bob\"}? No, the user said Ada.</think>\n" + OBJECT;

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void ignores_reasoning_before_a_lone_closing_think_tag() {
        String reply = "The user wants {\"name\": \"Bob\"}... wait, Ada.\n</think>\n\n" + OBJECT;

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void finds_nothing_when_a_think_block_never_closes() {
        assertThat(JsonReplyParser.findObject("<think>I will answer " + OBJECT)).isEmpty();
    }

    @Test
    void keeps_braces_and_quotes_inside_strings() {
        String object = "{\"text\": \"a } brace, a { brace and a \\\"quote\\\"\", \"n\": [1, {\"k\": null}]}";

        assertThat(JsonReplyParser.findObject("prefix " + object + " suffix")).contains(object);
    }

    @Test
    void skips_a_braced_phrase_that_is_not_json_and_takes_the_next_object() {
        String reply = "Fill in {the answer} like this: " + OBJECT;

        assertThat(JsonReplyParser.findObject(reply)).contains(OBJECT);
    }

    @Test
    void does_not_pass_off_a_nested_object_of_an_invalid_one_as_the_answer() {
        String reply = "{\"person\": {\"name\": \"Ada\"}, \"city\": London}";

        assertThat(JsonReplyParser.findObject(reply)).isEmpty();
    }

    @Test
    void does_not_return_a_fragment_of_a_truncated_object() {
        String reply = "{\"people\": [{\"name\": \"Ada\"}, {\"name\": \"Gra";

        assertThat(JsonReplyParser.findObject(reply)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{name: \"Ada\"}",
        "{\"name\": \"Ada\",}",
        "{'name': 'Ada'}",
        "{\"n\": 01}",
        "{\"n\": tru}",
        "{\"a\": \"line\nbreak\"}",
        "[1, 2, 3]",
        "no json here",
    })
    void rejects_text_that_is_not_a_json_object(String reply) {
        assertThat(JsonReplyParser.findObject(reply)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void finds_nothing_in_an_empty_reply(String reply) {
        assertThat(JsonReplyParser.findObject(reply)).isEmpty();
    }

    @Test
    void accepts_every_json_value_type_inside_the_object() {
        String object = "{\"s\":\"\\u00e9\\n\",\"i\":-12,\"f\":3.5e-2,\"t\":true,\"f2\":false,\"z\":null,\"a\":[],\"o\":{}}";

        assertThat(JsonReplyParser.findObject(object)).contains(object);
    }

    @Test
    void rejects_nesting_deeper_than_any_schema_needs_without_overflowing_the_stack() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(JsonReplyParser.findObject(deep)).isEmpty();
    }

    @Test
    void require_object_fails_as_malformed_output_with_an_excerpt() {
        assertThatThrownBy(() -> JsonReplyParser.requireObject("I cannot\nproduce JSON today.", "openai"))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.MALFORMED_OUTPUT);
                    assertThat(e.provider()).isEqualTo("openai");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("\"I cannot produce JSON today.\"");
                });
    }

    @Test
    void excerpt_is_cut_to_a_bounded_length() {
        assertThat(JsonReplyParser.excerpt("x".repeat(1000))).hasSizeLessThan(210).endsWith("…\"");
    }
}
