package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SPECTRON_DATABASE_URL} that cannot work fails the start at once, with one line and no stack trace (issue 12). */
class DatabaseUrlIT {
    @TempDir
    Path dataDir;

    @Test
    void an_unreachable_database_fails_the_start_fast_with_one_line() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        ServerProcess.Exited run = ServerProcess.runToExit(dataDir,
                Map.of("SPECTRON_DATABASE_URL", "postgresql://spectron:hunter2@127.0.0.1:" + closedPort + "/memory"), Duration.ofSeconds(30));

        assertThat(run.status()).isEqualTo(SpectronCommand.CANNOT_START);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(lastLine(run.stderr())).startsWith("spectron: cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + "/memory: ");
        assertThat(run.stderr()).doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void a_malformed_database_url_is_refused_with_one_line() throws Exception {
        ServerProcess.Exited run = ServerProcess.runToExit(dataDir, Map.of("SPECTRON_DATABASE_URL", "mysql://root:hunter2@localhost/db"),
                Duration.ofSeconds(30));

        assertThat(run.status()).isEqualTo(SpectronCommand.CANNOT_START);
        assertThat(run.stderr().strip()).startsWith("spectron: ").doesNotContain("\n").doesNotContain("hunter2");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
