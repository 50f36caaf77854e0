package org.driftlab.core.sim;

import java.util.List;
import java.util.Set;
import org.driftlab.core.check.Require;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Where finished runs go (DESIGN §9–10). Implementations store durably before {@link #accept} (or
 * {@link #acceptAll}) returns (the caller acknowledges after it) and ignore a run id already stored, so
 * re-delivery is harmless.
 */
public interface ResultSink extends AutoCloseable {
    /** One result with the spec it came from: an element of a batch for {@link #acceptAll}. */
    record Entry(RunSpec spec, RunResult result) {
        public Entry {
            Require.nonNull("spec", spec);
            Require.nonNull("result", result);
        }
    }

    /** Records the sweep (config text, time) once before its results; idempotent. */
    void beginSweep(SweepSpec sweep);

    /** Run ids of {@code sweep} already stored: a resumed sweep skips them. */
    Set<String> storedRunIds(SweepSpec sweep);

    /** Stores one result with the spec it came from; a no-op when its run id is already stored. */
    void accept(RunSpec spec, RunResult result);

    /**
     * Stores several results (in list order; entries whose run id is already stored, or repeats one earlier in
     * the list, are skipped); the caller acknowledges all of them once this returns. A sink that can should
     * store the whole batch in one transaction, all or nothing (the store does: one commit instead of one per
     * run). This default calls {@link #accept} once per entry, so when it throws, the entries before the failing
     * one are stored (each whole) and the rest are not; the caller acknowledges none of them either way. The
     * list is not modified.
     */
    default void acceptAll(List<Entry> entries) {
        for (Entry e : entries) accept(e.spec(), e.result());
    }

    @Override
    void close();
}
