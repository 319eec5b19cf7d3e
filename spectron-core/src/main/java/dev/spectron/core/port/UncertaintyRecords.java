package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Uncertainty;
import java.util.List;

/** Stored uncertainties. */
public interface UncertaintyRecords {
    void insert(ContextId contextId, Uncertainty uncertainty);

    /** Unresolved ones, oldest first. */
    List<Uncertainty> open(ContextId contextId);
}
