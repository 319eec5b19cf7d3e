package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.TestServer;
import dev.spectron.store.sqlite.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full data directory answers 507 and stores nothing for it, reads keep working, and writes
 * commit whole again once space returns (issue 20 point 0).
 */
class FullDiskIT {
    private static final int MAX_TURNS = 200;
    private static final int WORDS_PER_TURN = 25_000;
    private static final String[] WORDS = {"harbour", "lantern", "copper", "meadow", "violet", "orbit", "quartz", "saddle",
            "timber", "walnut", "ember", "fjord", "glacier", "hazel", "island", "juniper"};

    static Tmpfs tmpfs;
    static TestServer server;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        tmpfs = Tmpfs.mountOrSkip("20m");
        server = TestServer.start(tmpfs.dir());
        http = server.http();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (tmpfs != null) {
                tmpfs.close();
            }
        }
    }

    @Test
    void full_disk_answers_507_stores_nothing_for_it_and_recovers_issue_20() throws Exception {
        // given: a session, and a disk with about 3 MiB left
        String session = http.post("/api/v1/default/sessions").bearer(API_KEY).send().json().get("id").asText();
        Path filler = tmpfs.fillLeaving(3L << 20);

        // when: large turns until one is refused
        int acknowledged = 0;
        Reply refused = null;
        for (int i = 0; i < MAX_TURNS && refused == null; i++) {
            Reply reply = appendTurn(session, largeText(i));
            if (reply.status() == 201) {
                acknowledged++;
            } else {
                refused = reply;
            }
            assertThat(listTurns(session).status()).as("reads work while the disk fills").isEqualTo(200);
        }

        // then: a 507 problem, and reads still answer
        assertThat(refused).as("no turn was refused after %d", MAX_TURNS).isNotNull();
        assertThat(refused.status()).as(refused.body()).isEqualTo(507);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:spectron:problem:insufficient-storage");
        assertThat(refused.json().get("status").asInt()).isEqualTo(507);
        assertThat(refused.json().get("title").asText()).isEqualTo("Insufficient storage");
        assertThat(refused.json().get("detail").asText()).contains("the data directory is full").contains("nothing was written");
        assertThat(listTurns(session).status()).isEqualTo(200);

        // when: space returns
        Files.delete(filler);

        // then: turns are acknowledged again, and exactly the acknowledged ones are stored
        for (int i = 0; i < 3; i++) {
            assertThat(appendTurn(session, "after the disk was freed, turn " + i).status()).isEqualTo(201);
            acknowledged++;
        }
        Reply turns = listTurns(session);
        assertThat(turns.status()).isEqualTo(200);
        assertThat(turns.json().get("turns")).hasSize(acknowledged);
    }

    private static Reply appendTurn(String session, String content) {
        return http.post("/api/v1/default/sessions/" + session + "/turns").bearer(API_KEY)
                .json(Map.of("role", "user", "content", content)).send();
    }

    private static Reply listTurns(String session) {
        return http.get("/api/v1/default/sessions/" + session + "/turns?limit=500").bearer(API_KEY).send();
    }

    /** About 180 KB of words: large, under the 1 MiB body limit, and tokenisable by the search indexes. */
    private static String largeText(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < WORDS_PER_TURN; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString();
    }
}
