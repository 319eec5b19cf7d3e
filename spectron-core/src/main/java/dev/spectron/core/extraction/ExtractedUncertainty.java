package dev.spectron.core.extraction;

/** Something the speaker left open or contradicted: "we do not know" on the record. */
public record ExtractedUncertainty(String about, String reason) {
}
