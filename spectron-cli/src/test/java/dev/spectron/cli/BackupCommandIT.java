package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spectron backup} snapshots a running embedded server; the snapshot restores into a working install (issue 17 point 7). */
class BackupCommandIT {
    private static final String BASE = "/api/v1/default";

    @TempDir
    Path dir;

    @Test
    void a_backup_taken_while_the_server_writes_restores_to_what_was_acknowledged_before_it() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("spectron-backup.db");
        String session;
        try (TestServer server = TestServer.start(embedded(data))) {
            TestHttp http = server.http();
            session = http.post(BASE + "/sessions").bearer(TestServer.API_KEY).json(Map.of()).send().json().get("id").asText();
            for (String content : new String[] {"I live in Lisbon.", "I work as a nurse.", "I have a cat named Miso."}) {
                assertThat(http.post(BASE + "/sessions/" + session + "/turns").bearer(TestServer.API_KEY)
                        .json(Map.of("role", "user", "content", content)).send().status()).isEqualTo(201);
            }
            // while the server runs
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine command = SpectronCommand.commandLine();
            command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            assertThat(command.execute("backup", "--data-dir", data.toString(), "--to", backup.toString()))
                    .as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(http.post(BASE + "/sessions/" + session + "/turns").bearer(TestServer.API_KEY)
                    .json(Map.of("role", "user", "content", "After the backup.")).send().status()).isEqualTo(201);
        }

        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve("spectron.db"));
        try (TestServer server = TestServer.start(embedded(restored))) {
            JsonNode turns = server.http().get(BASE + "/sessions/" + session + "/turns").bearer(TestServer.API_KEY).send().json().get("turns");
            assertThat(turns).extracting(turn -> turn.get("content").asText())
                    .containsExactly("I live in Lisbon.", "I work as a nurse.", "I have a cat named Miso.");
            assertThat(server.http().get(BASE + "/state").bearer(TestServer.API_KEY).send().body()).contains("Lisbon").contains("Miso");
        }
    }

    @Test
    void an_existing_target_is_refused_in_one_line() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer ignored = TestServer.start(embedded(data))) {
            Path taken = Files.writeString(dir.resolve("taken.db"), "keep me");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine command = SpectronCommand.commandLine();
            command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            assertThat(command.execute("backup", "--data-dir", data.toString(), "--to", taken.toString())).isEqualTo(SpectronCommand.CANNOT_START);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("spectron: the backup target").doesNotContain("\n");
            assertThat(Files.readString(taken)).isEqualTo("keep me");
        }
    }

    private static ServerConfig embedded(Path dataDir) {
        return ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dataDir)
                .withApiKey(TestServer.API_KEY).withManagementKey(TestServer.MANAGEMENT_KEY);
    }
}
