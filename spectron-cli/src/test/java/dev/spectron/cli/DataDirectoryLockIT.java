package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server process per data directory on the embedded store: a second refuses at once (issue 17 point 2). */
class DataDirectoryLockIT {
    @TempDir
    Path dataDir;

    @Test
    void second_serve_on_the_same_data_directory_refuses_at_once_with_one_line_issue_17() throws Exception {
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
            // when
            long started = System.nanoTime();
            ServerProcess.Exited second = ServerProcess.runToExit(dataDir, Map.of(), Duration.ofSeconds(15));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then: a non-zero exit, soon, with one line that names the directory and the holder
            assertThat(second.status()).isNotZero();
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(second.stderr().strip()).doesNotContain("\n").doesNotContain("Exception").matches(
                    "spectron: the data directory \\S+ is in use by another Spectron process \\(pid \\d+\\); "
                            + "one process per data directory — run several nodes on PostgreSQL");
            assertThat(second.stderr()).contains(dataDir.toAbsolutePath().toString());
            assertThat(second.stdout()).isEmpty();

            // and the first still serves
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(first.url() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_stopped_server_leaves_the_data_directory_free() throws Exception {
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of())) {
            first.kill();
        }
        try (ServerProcess again = ServerProcess.start(dataDir, Map.of())) {
            assertThat(again.url()).startsWith("http://");
        }
    }
}
