package dev.spectron.core.reconcile;

import dev.spectron.core.extraction.ExtractedAttribute;
import dev.spectron.core.memory.Attribute;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The pure decision procedure for one incoming attribute value; no I/O. */
public final class AttributeDecisions {
    private AttributeDecisions() {
    }

    /**
     * The rules of issue 16 (README, "Memory: what a turn becomes"):
     * <ul>
     *   <li>An explicit correction ("actually", "I meant", "not X but Y") replaces the value it
     *       corrects, whatever the dates.</li>
     *   <li>A statement without a date says the value holds <em>at</em> the time it was said, not
     *       since then; among two such statements the later-said one wins.</li>
     *   <li>A dated statement ("I moved to Porto last month") replaces what it contradicts unless it
     *       is older news: its date lies before the known start of the live value, or it was said
     *       before the undated statement it contradicts. Then it is stored as history.</li>
     * </ul>
     * Replacing still needs the confidence floor (spectron-internals.md §3); otherwise both stay live.
     *
     * @param live        live rows of the same entity, key and scope, oldest first
     * @param saidAt      when the incoming value was said (the source's time)
     * @param multiValued whether the key gathers several values side by side
     */
    public static AttributeDecision decide(List<Attribute> live, ExtractedAttribute incoming, Instant saidAt, boolean multiValued,
                                           double floor) {
        String value = comparable(incoming.value());
        for (Attribute existing : live) {
            if (comparable(existing.value()).equals(value)) {
                return new AttributeDecision.Corroborate(existing);
            }
        }
        if (multiValued || live.isEmpty()) {
            return new AttributeDecision.Insert();
        }
        Attribute newest = live.stream().max(Comparator.comparing(Attribute::createdAt).thenComparing(Attribute::validFrom)).orElseThrow();
        if (!incoming.correction() && isOlderNews(incoming, saidAt, newest)) {
            return new AttributeDecision.InsertHistorical(newest);
        }
        double strongest = live.stream().mapToDouble(Attribute::confidence).max().orElse(0);
        if (incoming.confidence() >= floor && incoming.confidence() >= strongest) {
            return new AttributeDecision.Supersede(live);
        }
        String reason = incoming.confidence() < floor
                ? String.format(Locale.ROOT, "new value '%s' (confidence %.2f) is below the confidence floor %.2f; '%s' stays live too",
                        incoming.value(), incoming.confidence(), floor, newest.value())
                : String.format(Locale.ROOT, "new value '%s' (confidence %.2f) is less certain than the live value '%s' (%.2f)",
                        incoming.value(), incoming.confidence(), newest.value(), strongest);
        return new AttributeDecision.RecordConflict(live, reason);
    }

    /** When the incoming value starts: its date, or the moment it was said. */
    static Instant validFrom(ExtractedAttribute incoming, Instant saidAt) {
        return incoming.validFrom() == null ? saidAt : incoming.validFrom();
    }

    /**
     * A row without a date of its own: its validity starts when it was said, which is also when
     * memory learned it. The two instants coincide only then, since a date from the text is a day's
     * start and the turn's time is not.
     */
    static boolean isUndated(Attribute row) {
        return row.validFrom().equals(row.createdAt());
    }

    /** Whether the incoming value held before {@code live} did, so it does not replace it. */
    private static boolean isOlderNews(ExtractedAttribute incoming, Instant saidAt, Attribute live) {
        Instant validFrom = validFrom(incoming, saidAt);
        boolean dated = !validFrom.equals(saidAt);
        if (dated && isUndated(live)) {
            // "I live in London" then "I moved to Paris last month": London's start is unknown, the later word wins.
            return saidAt.isBefore(live.createdAt());
        }
        // Both dated: the dates. Both undated: when they were said. Undated after dated: said before the live value began?
        return validFrom.isBefore(live.validFrom());
    }

    /** Where a replaced row ends: where its successor begins, but never before it began itself. */
    static Instant closingAt(Instant replacedFrom, Instant successorFrom) {
        return successorFrom.isBefore(replacedFrom) ? replacedFrom : successorFrom;
    }

    /** Values compare case- and space-insensitively: "Lisbon" corroborates "lisbon ". */
    static String comparable(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
