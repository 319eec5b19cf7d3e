package dev.spectron.core.ingest;

import dev.spectron.core.extraction.Extraction;
import dev.spectron.core.reconcile.ExtractionStatus;
import java.util.List;

/** What extraction produced: facts, or a failure that still carries what the stages before it found. */
public sealed interface ExtractionOutcome {
    Extraction extraction();

    ExtractionStatus status();

    record Extracted(Extraction extraction, List<String> stages) implements ExtractionOutcome {
        @Override
        public ExtractionStatus status() {
            return new ExtractionStatus(stages, null);
        }
    }

    record Failed(Extraction extraction, List<String> stages, String reason) implements ExtractionOutcome {
        @Override
        public ExtractionStatus status() {
            return new ExtractionStatus(stages, reason);
        }
    }
}
