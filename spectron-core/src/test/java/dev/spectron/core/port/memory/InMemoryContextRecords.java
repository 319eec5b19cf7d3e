package dev.spectron.core.port.memory;

import dev.spectron.core.ConflictException;
import dev.spectron.core.context.Context;
import dev.spectron.core.context.ContextConfig;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.port.ContextRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryContextRecords implements ContextRecords {
    /**
     * The setting holding the highest change-log number any deleted context reached, under the
     * JDBC records' name: a context's log starts above it, so one created again under a deleted id
     * neither repeats nor continues its predecessor's numbers (see {@code ChangeLog}).
     */
    static final String SEQ_FLOOR = "change_seq_floor";

    private final InMemoryTransaction tx;

    InMemoryContextRecords(InMemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Context context) {
        Tables t = tx.write();
        if (t.contexts.containsKey(context.id())) {
            throw new ConflictException("context '" + context.id() + "' already exists");
        }
        long start = Optional.ofNullable(t.settings.get(SEQ_FLOOR)).map(floor -> Long.parseLong(floor) + 1).orElse(0L);
        t.contexts.put(context.id(), new Tables.ContextRow(context, start));
    }

    @Override
    public Optional<Context> find(ContextId id) {
        return Optional.ofNullable(tx.read().contexts.get(id)).map(Tables.ContextRow::context);
    }

    @Override
    public List<Context> list() {
        return tx.read().contexts.values().stream().map(Tables.ContextRow::context)
                .sorted(Comparator.comparing(context -> context.id().value())).toList();
    }

    @Override
    public void updateConfig(ContextId id, ContextConfig config) {
        Tables t = tx.write();
        t.contexts.computeIfPresent(id, (key, row) -> new Tables.ContextRow(
                new Context(id, row.context().description(), config, row.context().createdAt()), row.changeSeq()));
    }

    @Override
    public boolean delete(ContextId id) {
        Tables t = tx.write();
        Tables.ContextRow row = t.contexts.remove(id);
        if (row == null) {
            return false;
        }
        t.settings.merge(SEQ_FLOOR, Long.toString(row.changeSeq()), (a, b) -> Long.toString(Math.max(Long.parseLong(a), Long.parseLong(b))));
        t.cascade(id);
        return true;
    }
}
