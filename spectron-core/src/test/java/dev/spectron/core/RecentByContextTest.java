package dev.spectron.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.context.ContextId;
import org.junit.jupiter.api.Test;

class RecentByContextTest {
    private static final ContextId A = new ContextId("a");
    private static final ContextId B = new ContextId("b");

    @Test
    void keeps_the_newest_entries_and_shows_each_only_to_its_context() {
        RecentByContext<String> recent = new RecentByContext<>(2);
        recent.put(A, "t1", "one");
        recent.put(A, "t2", "two");
        recent.put(B, "t3", "three");

        assertThat(recent.find(A, "t1")).isEmpty();
        assertThat(recent.find(A, "t2")).contains("two");
        assertThat(recent.find(A, "t3")).isEmpty();
        assertThat(recent.find(B, "t3")).contains("three");
    }
}
