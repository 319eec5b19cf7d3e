package dev.spectron.core.memory;

import dev.spectron.core.session.ScopeSet;
import java.time.Instant;

/**
 * What attributes and relations share: temporal fields, provenance, scope and weight.
 *
 * <p>Three clocks (spectron-internals.md §5.6): {@code validFrom}/{@code validUntil} say when the
 * fact was true in the world; {@code createdAt} is when memory learned it and {@code closedAt}
 * when memory learned it stopped (superseded, invalidated or retired) — {@code asOf} reads use
 * those two.
 */
public interface Fact {
    String id();

    MemoryCategory category();

    double importance();

    double confidence();

    ScopeSet scopes();

    Instant validFrom();

    Instant validUntil();

    String supersedes();

    String supersededBy();

    SourceRef source();

    Instant createdAt();

    Instant closedAt();

    /** Live now: not closed by supersession, invalidation or deletion. */
    default boolean isLive() {
        return closedAt() == null;
    }

    /**
     * True in the world at {@code at} as memory holds it now ({@code asOf} reads, issue 16): its
     * validity interval contains {@code at}. A value corrected at once keeps the short interval it
     * was believed in; a fact learned later about an earlier time counts from its date.
     */
    default boolean wasValidAt(Instant at) {
        return !validFrom().isAfter(at) && (validUntil() == null || validUntil().isAfter(at));
    }

    /** What memory believed at known time {@code at}. */
    default boolean wasBelievedAt(Instant at) {
        return !createdAt().isAfter(at) && (closedAt() == null || closedAt().isAfter(at));
    }
}
