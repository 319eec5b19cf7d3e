package dev.spectron.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One line per change of a memory diff, for a terminal: {@code +} new, {@code ~} corrected, {@code -} closed, {@code ?} unsure. */
final class MemoryChanges {
    private MemoryChanges() {
    }

    static List<String> lines(JsonNode diff) {
        List<String> lines = new ArrayList<>();
        diff.path("entities").forEach(e -> {
            if (e.path("isNew").asBoolean()) {
                lines.add("+ entity " + e.path("path").asText());
            }
        });
        diff.path("attributes").forEach(a -> {
            if (a.path("supersedes").isMissingNode() || a.path("supersedes").isNull()) {
                lines.add("+ " + a.path("entity").asText() + " " + a.path("key").asText() + " = " + a.path("value").asText());
            }
        });
        diff.path("relations").forEach(r -> lines.add("+ " + r.path("subject").asText() + " " + r.path("label").asText() + " "
                + r.path("object").asText()));
        diff.path("corrections").forEach(c -> lines.add("~ " + c.path("key").asText() + ": " + c.path("oldValue").asText() + " -> "
                + c.path("newValue").asText()));
        diff.path("invalidations").forEach(i -> lines.add("- " + i.path("key").asText() + " = " + i.path("value").asText()));
        diff.path("instructions").forEach(i -> lines.add((i.path("active").asBoolean(true) ? "+ instruction: " : "- instruction: ")
                + i.path("description").asText()));
        diff.path("uncertainties").forEach(u -> lines.add("? " + u.path("about").asText() + ": " + u.path("reason").asText()));
        JsonNode extraction = diff.path("extraction");
        if ("failed".equals(extraction.path("status").asText())) {
            lines.add("! extraction failed: " + extraction.path("error").asText());
        }
        return lines.isEmpty() ? List.of("(memory unchanged)") : lines;
    }
}
