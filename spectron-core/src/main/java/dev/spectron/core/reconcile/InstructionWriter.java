package dev.spectron.core.reconcile;

import dev.spectron.core.Ids;
import dev.spectron.core.change.ChangeKind;
import dev.spectron.core.extraction.ExtractedInstruction;
import dev.spectron.core.memory.AttributeKeys;
import dev.spectron.core.memory.Instruction;
import dev.spectron.core.port.StoreTransaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Instructions deactivate instead of being deleted (spectron-internals.md §2.7). A directive on
 * the same subject as an active one replaces it ("formal" then "casual"); a revocation
 * deactivates the active instruction it overlaps most.
 */
final class InstructionWriter {
    /** Share of label words two directives must have in common to be about the same thing. */
    static final double SAME_SUBJECT = 0.5;
    /** A revocation names fewer words ("stop the bullet points"), so it needs less overlap. */
    static final double REVOCATION_MATCH = 0.34;

    private final StoreTransaction tx;
    private final ReconcileRequest request;
    private final DiffCollector diff;
    private final Instant now;

    InstructionWriter(StoreTransaction tx, ReconcileRequest request, DiffCollector diff, Instant now) {
        this.tx = tx;
        this.request = request;
        this.diff = diff;
        this.now = now;
    }

    void write(ExtractedInstruction incoming, AttributeWriter uncertainties) {
        Optional<Instruction> closest = closestActive(incoming.label());
        if (incoming.revoke()) {
            closest.filter(active -> overlap(active.label(), incoming.label()) >= REVOCATION_MATCH).ifPresentOrElse(this::deactivate,
                    () -> uncertainties.recordUncertainty("instruction " + incoming.label(),
                            "asked to stop '" + incoming.description() + "' but no active instruction matches"));
            return;
        }
        Optional<Instruction> sameSubject = closest.filter(active -> overlap(active.label(), incoming.label()) >= SAME_SUBJECT);
        if (sameSubject.isPresent()) {
            if (AttributeDecisions.comparable(sameSubject.get().description()).equals(AttributeDecisions.comparable(incoming.description()))) {
                return;
            }
            deactivate(sameSubject.get());
        }
        Instruction instruction = new Instruction(Ids.newId("ins_", now), AttributeKeys.normalise(incoming.label()), incoming.description().strip(),
                true, request.scopes(), request.source().turnId(), request.observedAt(), null);
        tx.instructions().insert(request.contextId(), instruction);
        tx.changes().append(request.contextId(), ChangeKind.INSTRUCTION_WRITTEN, instruction.id(), now);
        diff.instruction(instruction);
    }

    private Optional<Instruction> closestActive(String label) {
        return tx.instructions().active(request.contextId()).stream()
                .filter(active -> active.scopes().equals(request.scopes()))
                .max(Comparator.comparingDouble(active -> overlap(active.label(), label)));
    }

    private void deactivate(Instruction active) {
        tx.instructions().deactivate(request.contextId(), active.id(), request.observedAt());
        tx.changes().append(request.contextId(), ChangeKind.INSTRUCTION_WRITTEN, active.id(), now);
        diff.instruction(active.deactivated(request.observedAt()));
    }

    /** Jaccard similarity of the labels' words. */
    static double overlap(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) common.size() / all.size();
    }

    private static Set<String> words(String label) {
        return new HashSet<>(Arrays.stream(AttributeKeys.normalise(label).split("_")).filter(w -> !w.isBlank()).map(InstructionWriter::stem).toList());
    }

    /** "using" and "use", "points" and "point" name the same thing. */
    private static String stem(String word) {
        if (word.endsWith("ing") && word.length() > 5) {
            return word.substring(0, word.length() - 3);
        }
        if (word.endsWith("s") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
