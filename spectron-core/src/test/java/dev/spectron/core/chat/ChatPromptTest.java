package dev.spectron.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.session.Role;
import dev.spectron.core.session.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatPromptTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void the_context_block_follows_the_instructions_and_the_history_precedes_the_message_in_order() {
        List<Turn> history = List.of(turn(1, Role.USER, "I live in Lisbon."), turn(2, Role.ASSISTANT, "Noted."));

        ModelRequest request = ChatPrompt.build(ChatPrompt.window(history), "<memory trust=\"untrusted-data\">\n- [S1] x\n</memory>",
                "Where do I live?");

        assertThat(request.systemPrompt()).startsWith(ChatPrompt.INSTRUCTIONS).endsWith("- [S1] x\n</memory>");
        assertThat(request.messages()).containsExactly(ModelMessage.user("I live in Lisbon."), ModelMessage.assistant("Noted."),
                ModelMessage.user("Where do I live?"));
    }

    @Test
    void the_window_keeps_the_newest_ten_user_and_assistant_turns() {
        List<Turn> history = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            history.add(turn(i, i % 2 == 1 ? Role.USER : Role.ASSISTANT, "turn " + i));
        }
        history.add(turn(31, Role.SYSTEM, "a system note"));

        List<Turn> window = ChatPrompt.window(history);

        assertThat(window).extracting(Turn::seq).containsExactly(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
    }

    @Test
    void the_window_stops_at_the_character_budget_counted_from_the_newest() {
        String long_ = "x".repeat(3_000);
        List<Turn> history = List.of(turn(1, Role.USER, long_), turn(2, Role.ASSISTANT, long_), turn(3, Role.USER, long_),
                turn(4, Role.ASSISTANT, "short"));

        assertThat(ChatPrompt.window(history)).extracting(Turn::seq).containsExactly(3L, 4L);
    }

    @Test
    void the_window_starts_with_a_user_turn() {
        List<Turn> history = List.of(turn(1, Role.ASSISTANT, "Welcome!"), turn(2, Role.TOOL, "{}"), turn(3, Role.USER, "Hi"),
                turn(4, Role.ASSISTANT, "Hello"));

        assertThat(ChatPrompt.window(history)).extracting(Turn::seq).containsExactly(3L, 4L);
    }

    @Test
    void without_memory_the_system_prompt_is_the_instructions_alone() {
        assertThat(ChatPrompt.build(List.of(), "", "Hi").systemPrompt()).isEqualTo(ChatPrompt.INSTRUCTIONS);
    }

    private static Turn turn(long seq, Role role, String content) {
        return new Turn("turn_" + seq, "sess_1", seq, role, content, T0.plusSeconds(seq), T0.plusSeconds(seq));
    }
}
