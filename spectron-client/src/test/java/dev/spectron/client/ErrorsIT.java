package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.client.testing.SharedServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The errors the real server produces, as typed exceptions. */
@ExtendWith(SharedServer.class)
class ErrorsIT {
    private static Spectron client;
    private static Memory memory;

    @BeforeAll
    static void connect() {
        client = SharedServer.client();
        memory = client.memory("default");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void wrongKeyIsAnAuthenticationError() {
        try (Spectron wrong = Spectron.builder().baseUrl(SharedServer.url()).apiKey("sk-wrong").build()) {
            assertThatThrownBy(() -> wrong.memory("default").sessions().list()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.type()).isEqualTo("urn:spectron:problem:unauthorized");
                assertThat(e.requestId()).isNotBlank();
                assertThat(e.detail()).isNotBlank();
            });
        }
    }

    @Test
    void aKeyOfAnotherContextIsAnAuthenticationErrorNotNotFound() {
        assertThatThrownBy(() -> client.memory("no-such-context").sessions().list()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unknownSessionIsNotFound() {
        Session ghost = memory.sessions().of("sess_does_not_exist");
        assertThatThrownBy(() -> ghost.turn(Role.USER, "hello")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.type()).isEqualTo("urn:spectron:problem:not-found"));
        assertThatThrownBy(() -> memory.sessions().get("sess_does_not_exist")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> memory.sessions().delete("sess_does_not_exist")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void invalidInputIsAValidationErrorNamingTheField() {
        Session session = memory.sessions().create(Scope.of("user", "val"));
        assertThatThrownBy(() -> session.turn(Role.USER, "  ")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("content");
        });
        assertThatThrownBy(() -> memory.recall("x", 51)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> session.turns(0, 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void reusedIdempotencyKeyWithAnotherBodyIsAConflict() {
        Session session = memory.sessions().create(Scope.of("user", "conflict"));
        String key = "k-" + UUID.randomUUID();
        session.turn(TurnRequest.of(Role.USER, "first body").withIdempotencyKey(key));
        assertThatThrownBy(() -> session.turn(TurnRequest.of(Role.USER, "second body").withIdempotencyKey(key)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(session.turns()).hasSize(1);
    }
}
