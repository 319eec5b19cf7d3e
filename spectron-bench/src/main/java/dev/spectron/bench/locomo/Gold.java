package dev.spectron.bench.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gold evidence normalised as PROTOCOL.md §4.1 item 6 says: split on [;,\s]+, D:?(\d+):(\d+), known ids only. */
final class Gold {
    private static final Pattern DIA_ID = Pattern.compile("D:?(\\d+):(\\d+)");

    private Gold() {
    }

    static Set<String> of(JsonNode evidence, Set<String> known) {
        Set<String> gold = new LinkedHashSet<>();
        for (JsonNode item : evidence) {
            for (String token : item.asText().split("[;,\\s]+")) {
                Matcher m = DIA_ID.matcher(token);
                if (m.matches()) {
                    String id = "D" + Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2));
                    if (known.contains(id)) {
                        gold.add(id);
                    }
                }
            }
        }
        return gold;
    }
}
