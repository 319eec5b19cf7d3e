package dev.spectron.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Needs no PostgreSQL: what {@code open} does when there is none to reach. */
class PostgresUnreachableIT {
    @Test
    void open_against_a_closed_port_fails_within_the_connect_timeout_with_one_line() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PostgresSettings settings = PostgresSettings.fromUrl("postgresql://ada:s3cret@127.0.0.1:" + closedPort + "/spectron")
                .withConnectTimeout(Duration.ofSeconds(2));

        long start = System.nanoTime();
        assertThatThrownBy(() -> PostgresMemoryStore.open(settings))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + "/spectron: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("s3cret"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
}
