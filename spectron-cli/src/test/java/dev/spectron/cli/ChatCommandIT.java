package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spectron chat} against a running server: replies stream in and memory changes are listed. */
class ChatCommandIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String input, String... args) {
        ChatCommand command = new ChatCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.env = Map.of("SPECTRON_URL", server.url(), "SPECTRON_API_KEY", TestServer.API_KEY);
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void each_message_shows_the_streamed_reply_and_what_memory_changed() {
        Run run = run("I live in Lisbon and I work as a pilot.\n\nWhere do I live?\n/quit\nnever sent\n", "--user", "ada");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Session sess_").contains("+ person/ada home = Lisbon").contains("+ person/ada occupation = pilot")
                .contains("+ person/ada lives_in location/lisbon").contains("(memory unchanged)");
        String secondReply = run.out().substring(run.out().lastIndexOf("> Where") >= 0 ? run.out().lastIndexOf("[builtin") : 0);
        assertThat(secondReply).contains("Lisbon");
        assertThat(run.out()).doesNotContain("never sent");
    }

    @Test
    void an_existing_session_continues_and_without_streaming_the_reply_prints_whole() {
        Run first = run("My favourite colour is green.\n", "--user", "bo");
        String session = first.out().replaceAll("(?s).*Session (sess_\\w+).*", "$1");

        Run second = run("What is my favourite colour?\n", "--session", session, "--no-stream");

        assertThat(second.out()).contains("Session " + session).contains("green");
    }

    @Test
    void a_missing_key_or_a_wrong_one_is_reported() {
        ChatCommand command = new ChatCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.env = Map.of("SPECTRON_URL", server.url());
        assertThat(new CommandLine(command).execute()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no API key");

        Run wrong = run("hi\n", "--api-key", "wrong");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("401");
    }

    @Test
    void an_unknown_session_fails_at_once_with_a_non_zero_exit_issue_17() {
        Run run = run("hello\n", "--session", "sess_nope");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: 404").doesNotContain("\n");
        assertThat(run.out()).doesNotContain("Session sess_nope");
    }

    @Test
    void slash_help_lists_the_commands_and_is_never_sent_as_a_message_issue_17() {
        Run run = run("/help\n/nonsense here\n/session\n/quit\n", "--user", "cy");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("/help").contains("/quit").contains("//text").contains("unknown command /nonsense");
        String session = run.out().replaceAll("(?s).*Session (sess_\\w+).*", "$1");
        assertThat(server.http().get("/api/v1/default/sessions/" + session + "/turns").bearer(TestServer.API_KEY).send().json()
                .get("turns")).isEmpty();
    }

    @Test
    void a_url_without_a_scheme_is_refused_in_one_line_issue_17() {
        Run run = run("hi\n", "--url", "127.0.0.1:9");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).contains("must start with http://").doesNotContain("\n").doesNotContain("Exception");
    }
}
