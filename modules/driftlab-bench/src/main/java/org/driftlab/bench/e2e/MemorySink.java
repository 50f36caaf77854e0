package org.driftlab.bench.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/** Keeps one benchmark sweep's results in memory: the harnesses measure the cluster, not the store. Thread-safe. */
public final class MemorySink implements ResultSink {
    private final ConcurrentLinkedQueue<RunResult> results = new ConcurrentLinkedQueue<>();

    @Override
    public void beginSweep(SweepSpec sweep) {}

    @Override
    public Set<String> storedRunIds(SweepSpec sweep) {
        return Set.of();
    }

    @Override
    public void accept(RunSpec spec, RunResult result) {
        results.add(result);
    }

    @Override
    public void close() {}

    /**
     * The results in seed order, the order {@link RoundResult#checksum} digests; IllegalStateException unless the
     * sweep ended in {@code outcome} without failures and with all {@code expected} results in.
     */
    public List<RunResult> inSeedOrder(SweepOutcome outcome, int expected) {
        if (!outcome.failures().isEmpty() || results.size() != expected) {
            throw new IllegalStateException("benchmark sweep incomplete: " + results.size() + " of " + expected
                    + " results, failures " + outcome.failures());
        }
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(RunResult::seed));
        return sorted;
    }
}
