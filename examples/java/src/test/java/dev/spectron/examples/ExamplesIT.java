package dev.spectron.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs both examples' main methods against a real in-process server and checks what they print. */
class ExamplesIT {
    @TempDir
    static Path dataDir;
    private static TestServer server;

    private PrintStream originalOut;
    private ByteArrayOutputStream captured;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void capture() {
        System.setProperty("spectron.url", server.url());
        System.setProperty("spectron.apiKey", TestServer.API_KEY);
        System.setProperty("spectron.examples.offline", "true");
        originalOut = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.out.print(output());
        for (String property : List.of("spectron.url", "spectron.apiKey", "spectron.examples.offline", "spectron.user")) {
            System.clearProperty(property);
        }
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines(String prefix) {
        return output().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void fullLoopRemembersAFactFromAnEarlierMessage() throws Exception {
        System.setProperty("spectron.user", "ada");
        FullLoop.main(new String[0]);
        assertThat(output()).startsWith("session sess_");
        assertThat(lines("you> ")).hasSize(3);
        List<String> replies = lines("spectron> ");
        assertThat(replies).hasSize(3);
        assertThat(replies.getLast()).as("the city from message 1 is in the reply to message 3").contains("Porto");
        assertThat(lines("  memory: ")).as("each message's memory updates are printed")
                .anySatisfy(line -> assertThat(line).contains("home = Porto"))
                .anySatisfy(line -> assertThat(line).contains("has_pet other/rex"));
        assertThat(output()).doesNotContain("error:");
    }

    @Test
    void fullLoopStreamsWithCallerMessages() throws Exception {
        System.setProperty("spectron.user", "tom-owner");
        FullLoop.main(new String[] {"--stream", "My name is Tom and I live in Braga.", "Where do I live?"});
        List<String> replies = lines("spectron> ");
        assertThat(replies).hasSize(2);
        assertThat(replies.getLast()).as("streamed deltas printed on one line").contains("Braga");
        assertThat(output()).doesNotContain("error:");
    }

    @Test
    void callerLoopStoresTurnsRetrievesContextAndQuotesIt() throws Exception {
        System.setProperty("spectron.user", "ada2");
        CallerLoop.main(new String[0]);
        assertThat(output()).startsWith("session sess_").contains("(model: offline)");
        List<String> replies = lines("assistant> ");
        assertThat(replies).hasSize(3);
        assertThat(replies.getLast()).as("the dog from message 2 is quoted in the reply to message 3").contains("offline model").contains("Rex");
        assertThat(lines("    | ")).anySatisfy(line -> assertThat(line).contains("Rex"));
        assertThat(output()).doesNotContain("model error:");
    }
}
