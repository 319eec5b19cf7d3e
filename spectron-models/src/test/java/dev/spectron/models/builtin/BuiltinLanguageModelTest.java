package dev.spectron.models.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinLanguageModelTest {

    private static final String MEMORY = """
            You are a helpful assistant.
            ## Memory
            - Ada lives in London (since 2024-03-01)
            - Ada is allergic to peanuts
            - Ada works at Babbage Ltd
            - Ada prefers short answers
            """;

    private final BuiltinLanguageModel model = new BuiltinLanguageModel();

    @Test
    void labels_its_reply_as_not_an_llm_and_restates_the_memory() {
        ModelReply reply = model.complete(ModelRequest.of(MEMORY, List.of(ModelMessage.user("Where do I live?"))));

        assertThat(reply.text()).startsWith("[builtin, no LLM configured] ")
                .contains("Memory holds 4 items: Ada lives in London (since 2024-03-01); Ada is allergic to peanuts; "
                        + "Ada works at Babbage Ltd; and 1 more.");
        assertThat(reply.modelId()).isEqualTo("builtin");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void quotes_the_retrieved_items_with_their_markers_before_the_profile() {
        String block = """
                ## Profile
                - name: Ada
                ## Relevant past turns
                - [S1] 2026-05-01 Ada: I live in Lisbon.
                """;

        assertThat(model.complete(ModelRequest.of(block, List.of(ModelMessage.user("Where do I live?")))).text())
                .endsWith("Memory holds 2 items: [S1] 2026-05-01 Ada: I live in Lisbon.; name: Ada.");
    }

    @Test
    void says_memory_is_empty_and_echoes_the_last_user_message() {
        ModelRequest request = ModelRequest.of("", List.of(
                ModelMessage.user("Hello"), ModelMessage.assistant("Hi"), ModelMessage.user("I moved to Paris.")));

        assertThat(model.complete(request).text())
                .isEqualTo("[builtin, no LLM configured] Memory holds nothing about this yet. You said: \"I moved to Paris.\"");
    }

    @Test
    void answers_the_same_request_the_same_way() {
        ModelRequest request = ModelRequest.of(MEMORY, List.of(ModelMessage.user("Hi")));

        assertThat(model.complete(request).text()).isEqualTo(model.complete(request).text());
    }

    @Test
    void refuses_structured_extraction() {
        JsonSchemaSpec schema = new JsonSchemaSpec("extraction", "{\"type\":\"object\"}");

        assertThatThrownBy(() -> model.completeJson(ModelRequest.of("", List.of(ModelMessage.user("x"))), schema))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("stage-0 heuristics run instead");
                });
    }

    @Test
    void streams_the_same_reply_word_by_word() {
        ModelRequest request = ModelRequest.of(MEMORY, List.of(ModelMessage.user("Hi")));
        List<String> deltas = new ArrayList<>();

        ModelReply reply = model.stream(request, deltas::add);

        assertThat(String.join("", deltas)).isEqualTo(reply.text()).isEqualTo(model.complete(request).text());
        assertThat(deltas).hasSizeGreaterThan(5).allSatisfy(delta -> assertThat(delta.strip()).doesNotContain(" "));
    }
}
