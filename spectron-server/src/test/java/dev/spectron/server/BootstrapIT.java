package dev.spectron.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.bootstrap.BootstrapResult;
import dev.spectron.server.testing.TestHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapIT {
    @TempDir
    Path dir;

    private ServerConfig bare() {
        return ServerConfig.defaults().withBindAddress("127.0.0.1:0").withDataDir(dir);
    }

    @Test
    void first_start_without_keys_creates_default_and_prints_keys_once() {
        String devKey;
        String managementKey;
        try (SpectronServer server = SpectronServer.start(bare())) {
            BootstrapResult result = server.bootstrap();
            devKey = result.newDevKeySecret();
            managementKey = result.newManagementSecret();
            assertThat(devKey).startsWith("sp-key_");
            assertThat(managementKey).startsWith("sp-mgmt-");
            TestHttp http = new TestHttp(server.localUrl());
            assertThat(http.post("/api/v1/default/sessions").bearer(devKey).send().status()).isEqualTo(201);
            assertThat(http.get("/api/v1/contexts").bearer(managementKey).send().status()).isEqualTo(200);
        }
        try (SpectronServer again = SpectronServer.start(bare())) {
            assertThat(again.bootstrap().newDevKeySecret()).isNull();
            assertThat(again.bootstrap().newManagementSecret()).isNull();
            TestHttp http = new TestHttp(again.localUrl());
            assertThat(http.get("/api/v1/default/sessions").bearer(devKey).send().json().get("sessions")).hasSize(1);
            assertThat(http.get("/api/v1/contexts").bearer(managementKey).send().status()).isEqualTo(200);
        }
    }

    @Test
    void keys_from_the_environment_are_used_instead_of_generated_ones() {
        try (SpectronServer server = SpectronServer.start(bare().withApiKey("env-dev-key").withManagementKey("env-mgmt-key"))) {
            assertThat(server.bootstrap().newDevKeySecret()).isNull();
            assertThat(server.bootstrap().newManagementSecret()).isNull();
            assertThat(server.bootstrap().devKeyFromEnvironment()).isTrue();
            TestHttp http = new TestHttp(server.localUrl());
            assertThat(http.get("/api/v1/default/sessions").bearer("env-dev-key").send().status()).isEqualTo(200);
            assertThat(http.get("/api/v1/contexts").bearer("env-mgmt-key").send().status()).isEqualTo(200);
        }
        // A later start with another SPECTRON_API_KEY adds it; the first keeps working.
        try (SpectronServer server = SpectronServer.start(bare().withApiKey("second-env-key").withManagementKey("env-mgmt-key"))) {
            TestHttp http = new TestHttp(server.localUrl());
            assertThat(http.get("/api/v1/default/sessions").bearer("second-env-key").send().status()).isEqualTo(200);
            assertThat(http.get("/api/v1/default/sessions").bearer("env-dev-key").send().status()).isEqualTo(200);
        }
    }
}
