package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Mistakes on the command line get one clear line and a non-zero exit, and leave nothing behind (issue 17 point 4). */
class CommandLineErrorsIT {
    @TempDir
    Path dataDir;

    @Test
    void an_unresolvable_bind_host_fails_in_one_line_before_the_data_directory_exists() throws Exception {
        Path data = dataDir.resolve("never-created");
        ServerProcess.Exited run = ServerProcess.runToExit(data, Map.of("SPECTRON_BIND_ADDRESS", "nonsense.invalid:9090"), Duration.ofSeconds(30));

        assertThat(run.status()).isEqualTo(SpectronCommand.CANNOT_START);
        assertThat(run.stderr().strip()).isEqualTo("spectron: cannot listen on nonsense.invalid:9090: 'nonsense.invalid' is not an address of this machine");
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void a_port_in_use_fails_in_one_line_before_the_data_directory_exists() throws Exception {
        Path data = dataDir.resolve("never-created");
        try (ServerSocket taken = new ServerSocket(0)) {
            ServerProcess.Exited run = ServerProcess.runToExit(data,
                    Map.of("SPECTRON_BIND_ADDRESS", "127.0.0.1:" + taken.getLocalPort()), Duration.ofSeconds(30));

            assertThat(run.status()).isEqualTo(SpectronCommand.CANNOT_START);
            assertThat(run.stderr().strip()).startsWith("spectron: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is in use")
                    .doesNotContain("\n");
            assertThat(Files.exists(data)).isFalse();
        }
    }

    @Test
    void an_out_of_range_port_fails_in_one_line() throws Exception {
        ServerProcess.Exited run = ServerProcess.runToExit(dataDir, Map.of("SPECTRON_BIND_ADDRESS", ":99999"), Duration.ofSeconds(30));

        assertThat(run.status()).isEqualTo(SpectronCommand.CANNOT_START);
        assertThat(run.stderr().strip()).isEqualTo("spectron: port must be between 0 and 65535; got 99999");
    }

    @Test
    void every_subcommand_prints_the_version() {
        for (String subcommand : new String[] {"serve", "chat", "bench", "migrate", "backup"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommandLine command = SpectronCommand.commandLine();
            command.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            assertThat(command.execute(subcommand, "-V")).as(subcommand).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).strip()).as(subcommand).startsWith("spectron ");
        }
    }

    @Test
    void the_top_level_help_gives_each_command_a_whole_sentence() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SpectronCommand.commandLine().execute();
        } finally {
            System.setOut(previous);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("chat").contains("serve").contains("migrate").contains("backup");
        help.lines().filter(line -> line.matches("\\s+(serve|chat|bench|migrate|backup)\\s+.*"))
                .forEach(line -> assertThat(line.strip()).as(line).endsWith("."));
    }
}
