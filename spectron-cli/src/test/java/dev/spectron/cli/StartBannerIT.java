package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start with no keys in the environment prints keys and a curl example that works. */
class StartBannerIT {
    @TempDir
    Path dataDir;

    @Test
    void first_start_prints_a_working_curl_example() throws Exception {
        String banner;
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of())) {
            Thread.sleep(300); // the banner follows the listening line
            banner = server.output();
            assertThat(banner).contains("export SPECTRON_MANAGEMENT_API_KEY=sp-mgmt-").contains("export SPECTRON_API_KEY=sp-key_");
            String example = banner.substring(banner.indexOf("  SESSION=$(curl"));
            example = example.lines().takeWhile(line -> line.startsWith("  ")).map(String::strip)
                    .reduce("", (a, b) -> a + b + "\n");
            Process shell = new ProcessBuilder("bash", "-c", example).redirectErrorStream(true).start();
            String out = new String(shell.getInputStream().readAllBytes());
            assertThat(shell.waitFor()).isZero();
            assertThat(out).contains("\"turnId\":\"turn_").contains("Hi, I am Ada and I live in Lisbon.");
        }
        try (ServerProcess again = ServerProcess.start(dataDir, Map.of())) {
            Thread.sleep(300);
            assertThat(again.output()).doesNotContain("export SPECTRON_API_KEY=sp-").contains("Use the API key printed at first start");
        }
    }

    @Test
    void help_lists_the_commands() throws Exception {
        Process help = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SpectronCommand.class.getName(), "--help").redirectErrorStream(true).start();
        String out = new String(help.getInputStream().readAllBytes());
        assertThat(help.waitFor()).isZero();
        Matcher commands = Pattern.compile("(?m)^\\s+(serve|bench)\\b").matcher(out);
        assertThat(commands.results().count()).isEqualTo(2);
    }
}
