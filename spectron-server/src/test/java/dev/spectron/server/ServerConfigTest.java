package dev.spectron.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaults_are_the_embedded_default() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.databaseFile()).isEqualTo(Path.of("data", "spectron.db"));
        assertThat(config.apiKey()).isNull();
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.traceRetention()).isEqualTo(java.time.Duration.ofHours(72));
    }

    @Test
    void trace_retention_is_read_in_hours_and_falls_back_to_the_default_out_of_range() {
        assertThat(ServerConfig.fromEnvironment(Map.of("SPECTRON_TRACE_RETENTION_HOURS", "6")).traceRetention())
                .isEqualTo(java.time.Duration.ofHours(6));
        for (String outOfRange : new String[] {"0", "-5", "9223372036854775807"}) {
            assertThat(ServerConfig.fromEnvironment(Map.of("SPECTRON_TRACE_RETENTION_HOURS", outOfRange)).traceRetention())
                    .as(outOfRange).isEqualTo(ServerConfig.DEFAULT_TRACE_RETENTION);
        }
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SPECTRON_TRACE_RETENTION_HOURS", "a day")))
                .hasMessageContaining("SPECTRON_TRACE_RETENTION_HOURS must be a whole number");
    }

    @Test
    void environment_overrides_the_defaults() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SPECTRON_BIND_ADDRESS", "127.0.0.1:7000", "SPECTRON_DATA_DIR", "/var/lib/spectron",
                "SPECTRON_API_KEY", "k", "SPECTRON_MANAGEMENT_API_KEY", "m", "SPECTRON_MAX_BODY_BYTES", "2048"));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(7000);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/spectron"));
        assertThat(config.apiKey()).isEqualTo("k");
        assertThat(config.maxBodyBytes()).isEqualTo(2048);
        assertThat(config.toString()).doesNotContain("=k,").contains("apiKey=***");
    }

    @Test
    void bind_address_forms() {
        ServerConfig base = ServerConfig.defaults();
        assertThat(base.withBindAddress(":8080").host()).isEqualTo("0.0.0.0");
        assertThat(base.withBindAddress(":8080").port()).isEqualTo(8080);
        assertThat(base.withBindAddress("[::1]:9000").host()).isEqualTo("::1");
        assertThat(base.withBindAddress("localhost").port()).isEqualTo(9090);
        assertThatThrownBy(() -> base.withBindAddress("host:port")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> base.withBindAddress("host:70000")).hasMessageContaining("between 0 and 65535");
    }

    @Test
    void out_of_range_body_limit_falls_back_to_the_default() {
        assertThat(ServerConfig.defaults().withMaxBodyBytes(10).maxBodyBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void a_database_url_selects_postgres_and_its_password_is_never_shown() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SPECTRON_DATABASE_URL", "postgresql://spectron:s3cret@db.internal:5433/memory",
                "SPECTRON_DATABASE_POOL_SIZE", "4"));
        assertThat(config.postgres()).isNotNull();
        assertThat(config.postgres().poolSize()).isEqualTo(4);
        assertThat(config.toString()).contains("store=postgres:db.internal:5433/memory").doesNotContain("s3cret");
        assertThat(ServerConfig.defaults().postgres()).isNull();
        assertThat(ServerConfig.defaults().toString()).contains("store=sqlite:");
    }

    @Test
    void the_flag_keeps_the_pool_size_of_the_environment() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SPECTRON_DATABASE_URL", "postgresql://a@h/db", "SPECTRON_DATABASE_POOL_SIZE", "3"))
                .withDatabaseUrl("jdbc:postgresql://other:5432/db2?user=b");
        assertThat(config.postgres().poolSize()).isEqualTo(3);
        assertThat(config.postgres().describe()).isEqualTo("other:5432/db2");
    }

    @Test
    void a_bad_database_url_is_refused_with_one_line() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SPECTRON_DATABASE_URL", "mysql://x:pw@h/db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("\n").hasMessageNotContaining("pw@");
    }
}
