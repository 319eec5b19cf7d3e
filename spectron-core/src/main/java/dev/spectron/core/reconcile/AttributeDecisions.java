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
     * @param live        live rows of the same entity, key and scope, oldest first
     * @param validFrom   when the incoming value became true
     * @param multiValued whether the key gathers several values side by side
     */
    public static AttributeDecision decide(List<Attribute> live, ExtractedAttribute incoming, Instant validFrom, boolean multiValued,
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
        Attribute newest = live.stream().max(Comparator.comparing(Attribute::validFrom)).orElseThrow();
        if (validFrom.isBefore(newest.validFrom())) {
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

    /** Values compare case- and space-insensitively: "Lisbon" corroborates "lisbon ". */
    static String comparable(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
