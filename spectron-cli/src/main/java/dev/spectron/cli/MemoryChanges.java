package dev.spectron.cli;

import dev.spectron.client.Diff;
import java.util.ArrayList;
import java.util.List;

/** One line per change of a memory diff, for a terminal: {@code +} new, {@code ~} corrected, {@code -} closed, {@code ?} unsure. */
final class MemoryChanges {
    private MemoryChanges() {
    }

    static List<String> lines(Diff diff) {
        List<String> lines = new ArrayList<>();
        diff.entities().stream().filter(e -> Boolean.TRUE.equals(e.isNew())).forEach(e -> lines.add("+ entity " + e.path()));
        diff.attributes().stream().filter(a -> a.supersedes() == null)
                .forEach(a -> lines.add("+ " + a.entity() + " " + a.key() + " = " + a.value()));
        diff.relations().forEach(r -> lines.add("+ " + r.subject() + " " + r.label() + " " + r.object()));
        diff.corrections().forEach(c -> lines.add("~ " + c.key() + ": " + c.oldValue() + " -> " + c.newValue()));
        diff.invalidations().forEach(i -> lines.add("- " + i.key() + " = " + i.value()));
        diff.instructions().forEach(i -> lines.add((i.active() ? "+ instruction: " : "- instruction: ") + i.description()));
        diff.uncertainties().forEach(u -> lines.add("? " + u.about() + ": " + u.reason()));
        if (diff.extraction() != null && "failed".equals(diff.extraction().status())) {
            lines.add("! extraction failed: " + diff.extraction().error());
        }
        return lines.isEmpty() ? List.of("(memory unchanged)") : lines;
    }
}
