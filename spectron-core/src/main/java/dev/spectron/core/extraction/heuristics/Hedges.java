package dev.spectron.core.extraction.heuristics;

import java.util.regex.Pattern;

/** "I think …", "maybe", "probably", "might": the speaker is not sure, so the facts carry less weight. */
final class Hedges {
    private static final Pattern HEDGE = Pattern.compile("(?i)\\b(?:i think|i guess|i believe|i suppose|i reckon|maybe|probably|might"
            + "|perhaps|possibly|not sure|not certain|i'm not sure)\\b");

    private Hedges() {
    }

    static boolean isHedged(String text) {
        return HEDGE.matcher(text).find();
    }
}
