package dev.spectron.bench.locomo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocomoDatasetTest {
    @Test
    void session_dates_parse_in_the_data_sets_form() {
        assertThat(LocomoDataset.sessionStart("1:56 pm on 8 May, 2023")).isEqualTo(Instant.parse("2023-05-08T13:56:00Z"));
        assertThat(LocomoDataset.sessionStart("10:04 am on 19 January, 2024")).isEqualTo(Instant.parse("2024-01-19T10:04:00Z"));
        assertThat(LocomoDataset.sessionStart("12:30 am on 1 March, 2023")).isEqualTo(Instant.parse("2023-03-01T00:30:00Z"));
    }

    @Test
    void reads_sessions_from_their_lists_not_from_their_date_keys() throws Exception {
        var conversations = LocomoDataset.read(Path.of(getClass().getResource("/mini-locomo.json").toURI()));
        assertThat(conversations).singleElement().satisfies(c -> {
            assertThat(c.sampleId()).isEqualTo("mini-1");
            assertThat(c.sessions()).hasSize(2);
            assertThat(c.turnCount()).isEqualTo(3);
            assertThat(c.sessions().get(0).turns().get(1).content()).isEqualTo("Nice! I work at Acme now. [shares a photo: a photo of an office]");
            assertThat(c.sessions().get(1).startedAt()).isEqualTo(Instant.parse("2023-06-09T10:00:00Z"));
        });
    }
}
