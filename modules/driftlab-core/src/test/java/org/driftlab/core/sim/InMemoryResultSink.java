package org.driftlab.core.sim;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * A test sink shared by the cluster and system tests: results by run id (the first offered is kept), and how
 * often each run id was offered (exactly-once checks). Thread-safe.
 */
public class InMemoryResultSink implements ResultSink {
    public final Map<String, RunResult> results = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> offers = new ConcurrentHashMap<>();

    @Override
    public void beginSweep(SweepSpec sweep) {}

    @Override
    public Set<String> storedRunIds(SweepSpec sweep) {
        Set<String> ids = new HashSet<>();
        for (RunSpec spec : sweep.runs()) if (results.containsKey(spec.runId())) ids.add(spec.runId());
        return ids;
    }

    @Override
    public void accept(RunSpec spec, RunResult result) {
        offers.computeIfAbsent(result.runId(), k -> new AtomicInteger()).incrementAndGet();
        results.putIfAbsent(result.runId(), result);
    }

    @Override
    public void close() {}

    /** The metrics of every result kept, by run id: compare with an in-process reference. */
    public Map<String, RunMetrics> metrics() {
        Map<String, RunMetrics> m = new java.util.HashMap<>();
        results.forEach((id, r) -> m.put(id, r.metrics()));
        return m;
    }
}
