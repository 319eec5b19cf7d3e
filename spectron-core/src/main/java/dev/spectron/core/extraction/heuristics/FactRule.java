package dev.spectron.core.extraction.heuristics;

/** One family of first-person facts; reports what it finds in a clause to {@link Findings}. */
interface FactRule {
    void apply(Clause clause, Findings out);
}
