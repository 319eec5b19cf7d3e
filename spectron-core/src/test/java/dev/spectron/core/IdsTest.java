package dev.spectron.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void ids_have_the_prefix_and_26_crockford_characters() {
        String id = Ids.newId("sess_", Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(id).matches("sess_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void ids_sort_by_time_and_do_not_repeat() {
        String earlier = Ids.newId("t_", Instant.parse("2026-05-01T10:00:00Z"));
        String later = Ids.newId("t_", Instant.parse("2026-05-01T10:00:00.001Z"));
        assertThat(earlier).isLessThan(later);
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.newId("t_", now))).isTrue();
        }
    }

    @Test
    void the_time_part_matches_the_ulid_layout() {
        // 0 ms encodes as ten zeros; 2^48-1 ms as "7ZZZZZZZZZ" (the ULID maximum).
        assertThat(Ids.newId("", Instant.EPOCH)).startsWith("0000000000");
        assertThat(Ids.newId("", Instant.ofEpochMilli((1L << 48) - 1))).startsWith("7ZZZZZZZZZ");
    }
}
