package dev.spectron.core.port.memory;

import dev.spectron.core.context.ContextId;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.port.InstructionRecords;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

final class InMemoryInstructionRecords implements InstructionRecords {
    private static final Comparator<Instruction> OLDEST_FIRST = Comparator.comparing(Instruction::createdAt).thenComparing(Instruction::id);
    private final InMemoryTransaction tx;

    InMemoryInstructionRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ContextId contextId, Instruction instruction) {
        Tables t = tx.writeIn(contextId);
        if (t.instructions.putIfAbsent(new Tables.Key(contextId, instruction.id()), instruction) != null) {
            throw new IllegalStateException("duplicate key: " + instruction.id() + " in context '" + contextId.value() + "'");
        }
    }

    @Override
    public void deactivate(ContextId contextId, String id, Instant at) {
        tx.write().instructions.computeIfPresent(new Tables.Key(contextId, id), (key, i) -> i.active() ? i.deactivated(at) : i);
    }

    @Override
    public List<Instruction> active(ContextId contextId) {
        return all(contextId).stream().filter(Instruction::active).toList();
    }

    @Override
    public List<Instruction> all(ContextId contextId) {
        return tx.read().instructions.entrySet().stream().filter(e -> e.getKey().contextId().equals(contextId)).map(Map.Entry::getValue)
                .sorted(OLDEST_FIRST).toList();
    }

    @Override
    public void delete(ContextId contextId, Collection<String> ids) {
        Map<Tables.Key, Instruction> instructions = tx.write().instructions;
        ids.forEach(id -> instructions.remove(new Tables.Key(contextId, id)));
    }
}
