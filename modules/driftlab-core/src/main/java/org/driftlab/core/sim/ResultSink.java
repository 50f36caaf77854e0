package org.driftlab.core.sim;

import java.util.Set;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Where finished runs go (DESIGN §9–10). Implementations store durably before {@link #accept} returns
 * (the caller acknowledges after it) and ignore a run id already stored, so re-delivery is harmless.
 */
public interface ResultSink extends AutoCloseable {
    /** Records the sweep (config text, time) once before its results; idempotent. */
    void beginSweep(SweepSpec sweep);

    /** Run ids of {@code sweep} already stored: a resumed sweep skips them. */
    Set<String> storedRunIds(SweepSpec sweep);

    /** Stores one result with the spec it came from; a no-op when its run id is already stored. */
    void accept(RunSpec spec, RunResult result);

    @Override
    void close();
}
