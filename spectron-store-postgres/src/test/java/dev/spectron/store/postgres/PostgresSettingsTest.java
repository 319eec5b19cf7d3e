package dev.spectron.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final String SECRET = "s3cr%2Ft";

    @Test
    void reads_the_libpq_form_with_defaults() {
        PostgresSettings settings = PostgresSettings.fromUrl("postgresql://ada:pw@db.example.com:6543/spectron");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/spectron");
        assertThat(settings.user()).isEqualTo("ada");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.poolSize()).isEqualTo(10);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.describe()).isEqualTo("db.example.com:6543/spectron");
    }

    @Test
    void accepts_the_postgres_scheme_and_fills_in_the_default_port() {
        PostgresSettings settings = PostgresSettings.fromUrl("postgres://ada@localhost/spectron");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/spectron");
        assertThat(settings.password()).isNull();
    }

    @Test
    void percent_decodes_user_and_password_but_keeps_plus_signs() {
        PostgresSettings settings = PostgresSettings.fromUrl("postgresql://ad%40a:p%40ss%3Aw+rd%2F%C3%A9@h:5432/db");
        assertThat(settings.user()).isEqualTo("ad@a");
        assertThat(settings.password()).isEqualTo("p@ss:w+rd/é");
    }

    @Test
    void reads_the_jdbc_form_and_keeps_driver_parameters_without_credentials() {
        PostgresSettings settings = PostgresSettings.fromUrl("jdbc:postgresql://10.0.0.5:5433/mem?user=svc&sslmode=require&password=" + SECRET);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5433/mem?sslmode=require");
        assertThat(settings.user()).isEqualTo("svc");
        assertThat(settings.password()).isEqualTo("s3cr/t");
        assertThat(settings.describe()).isEqualTo("10.0.0.5:5433/mem");
    }

    @Test
    void keeps_ipv6_hosts_in_brackets() {
        assertThat(PostgresSettings.fromUrl("postgresql://u:p@[::1]/db").describe()).isEqualTo("[::1]:5432/db");
        assertThat(PostgresSettings.fromUrl("postgresql://u:p@[::1]:6000/db").describe()).isEqualTo("[::1]:6000/db");
    }

    @Test
    void withers_change_one_setting_each() {
        PostgresSettings settings = PostgresSettings.fromUrl("postgresql://u:p@h/db").withPoolSize(3)
                .withConnectTimeout(Duration.ofSeconds(1)).withStatementTimeout(Duration.ofSeconds(7));
        assertThat(settings.poolSize()).isEqualTo(3);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.password()).isEqualTo("p");
    }

    @Test
    void to_string_masks_the_password() {
        assertThat(PostgresSettings.fromUrl("postgresql://u:" + SECRET + "@h/db").toString()).doesNotContain("s3cr").contains("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "mysql://u:" + SECRET + "@h/db",
            "u:" + SECRET + "@h/db",
            "postgresql://u:" + SECRET + "@h",
            "postgresql://u:" + SECRET + "@h/",
            "postgresql://u:" + SECRET + "@/db",
            "postgresql://u:" + SECRET + "@h:99999/db",
            "postgresql://u:" + SECRET + "@h:port/db",
            "postgresql://u:" + SECRET + "/db",
            "postgresql://:" + SECRET + "@h/db",
            "postgresql://h/db?password=" + SECRET,
            "postgresql://u:s3cr%zzt@h/db",
            "jdbc:postgresql://h/db/extra?user=u&password=" + SECRET})
    void a_bad_url_fails_with_one_line_that_never_shows_the_password(String url) {
        assertThatThrownBy(() -> PostgresSettings.fromUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr").doesNotContain("\n").startsWith("database URL"));
    }

    @Test
    void rejects_settings_out_of_range() {
        PostgresSettings settings = PostgresSettings.fromUrl("postgresql://u:p@h/db");
        assertThatThrownBy(() -> settings.withPoolSize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool size");
        assertThatThrownBy(() -> settings.withConnectTimeout(Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withStatementTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
