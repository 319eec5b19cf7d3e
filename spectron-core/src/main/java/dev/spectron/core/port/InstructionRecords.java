package dev.spectron.core.port;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Instruction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Stored instructions; revocation deactivates, only a purge deletes. */
public interface InstructionRecords {
    void insert(ContextId contextId, Instruction instruction);

    void deactivate(ContextId contextId, String id, Instant at);

    /** Active instructions, oldest first. */
    List<Instruction> active(ContextId contextId);

    /** Every instruction, active or not, oldest first. */
    List<Instruction> all(ContextId contextId);

    void delete(ContextId contextId, Collection<String> ids);
}
