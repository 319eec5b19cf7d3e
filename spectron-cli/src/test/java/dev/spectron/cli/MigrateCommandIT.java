package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestServer;
import dev.spectron.store.postgres.LocalPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spectron migrate}: an embedded install moves onto PostgreSQL whole, and a second run changes nothing. */
class MigrateCommandIT {
    private static final String BASE = "/api/v1/default";

    @TempDir
    Path dataDir;

    @Test
    void an_embedded_install_is_copied_whole_and_a_second_run_adds_nothing() throws Exception {
        // given an embedded install with a session, turns, facts, a trace and a minted key
        String session;
        String traceId;
        String mintedKey;
        try (TestServer sqlite = TestServer.start(embedded(dataDir))) {
            TestHttp http = sqlite.http();
            session = http.post(BASE + "/sessions").bearer(TestServer.API_KEY).json(Map.of("scope", Map.of("user", "ada"))).send()
                    .json().get("id").asText();
            for (String content : new String[] {"I live in Lisbon.", "I work as a nurse.", "Actually, I moved to Porto."}) {
                assertThat(http.post(BASE + "/sessions/" + session + "/turns").bearer(TestServer.API_KEY)
                        .json(Map.of("role", "user", "content", content)).send().status()).isEqualTo(201);
            }
            traceId = http.post(BASE + "/sessions/" + session + "/context").bearer(TestServer.API_KEY)
                    .json(Map.of("query", "Where do I live?")).send().json().get("traceId").asText();
            mintedKey = http.post("/api/v1/contexts/default/keys").bearer(TestServer.MANAGEMENT_KEY).json(Map.of("name", "app")).send()
                    .json().get("key").asText();
        }
        String target = LocalPostgres.newDatabase();

        // when it is migrated, twice
        Run first = migrate(target);
        Run second = migrate(target);

        // then both runs verify every table; the second copies nothing new
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("turns").contains("done:").contains("tables verified");
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.out()).contains("done: 0 rows copied in this run");
        assertThat(rowCount(target, "turns")).isEqualTo(3);

        // and a server on PostgreSQL serves the same memory, keys, transcript and trace
        try (TestServer postgres = TestServer.start(TestServer.config(dataDir.resolve("unused")).withDatabaseUrl(target))) {
            TestHttp http = postgres.http();
            JsonNode turns = http.get(BASE + "/sessions/" + session + "/turns").bearer(mintedKey).send().json().get("turns");
            assertThat(turns).hasSize(3);
            assertThat(turns.get(2).get("content").asText()).isEqualTo("Actually, I moved to Porto.");
            assertThat(http.get(BASE + "/entities/person/ada/history/home").bearer(TestServer.API_KEY).send().body())
                    .contains("Lisbon").contains("Porto");
            assertThat(http.post(BASE + "/sessions/" + session + "/context").bearer(TestServer.API_KEY)
                    .json(Map.of("query", "Where do I live now?")).send().json().get("context").asText()).contains("Porto");
            assertThat(http.get(BASE + "/traces/" + traceId).bearer(TestServer.API_KEY).send().status()).isEqualTo(200);
            // the change log came along: new writes continue its numbers
            assertThat(http.post(BASE + "/sessions/" + session + "/turns").bearer(TestServer.API_KEY)
                    .json(Map.of("role", "user", "content", "I have a cat named Miso.")).send().json().get("turn").get("seq").asLong())
                    .isEqualTo(4);
        }
    }

    @Test
    void a_missing_data_directory_is_refused_in_one_line() {
        Run run = migrate(dataDir.resolve("nothing-here"), LocalPostgres.newDatabase());
        assertThat(run.exit()).isEqualTo(SpectronCommand.CANNOT_START);
        assertThat(run.err().strip()).startsWith("spectron: no embedded install in").doesNotContain("\n");
    }

    private static ServerConfig embedded(Path dataDir) {
        return ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dataDir)
                .withApiKey(TestServer.API_KEY).withManagementKey(TestServer.MANAGEMENT_KEY);
    }

    private Run migrate(String target) {
        return migrate(dataDir, target);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run migrate(Path from, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine command = SpectronCommand.commandLine();
            command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int exit = command.execute("migrate", "--from", from.toString(), "--to", target);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
    }

    private static long rowCount(String url, String table) throws Exception {
        var settings = dev.spectron.store.postgres.PostgresSettings.fromUrl(url);
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
