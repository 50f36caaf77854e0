package org.driftlab.bench.scale;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * A result sink that keeps no result, only counts: the memory benchmarks measure the cluster, and a sink that
 * kept every result would itself grow with the number of runs. Thread-safe.
 */
final class CountingSink implements ResultSink {
    private final AtomicLong results = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong diverged = new AtomicLong();

    @Override
    public void beginSweep(SweepSpec sweep) {}

    @Override
    public Set<String> storedRunIds(SweepSpec sweep) {
        return Set.of();
    }

    @Override
    public void accept(RunSpec spec, RunResult result) {
        results.incrementAndGet();
        steps.addAndGet(result.metrics().steps());
        if (result.metrics().diverged()) diverged.incrementAndGet();
    }

    @Override
    public void close() {}

    long results() {
        return results.get();
    }

    long steps() {
        return steps.get();
    }

    long diverged() {
        return diverged.get();
    }
}
