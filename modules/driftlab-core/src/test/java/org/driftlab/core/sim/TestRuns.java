package org.driftlab.core.sim;

import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.StreamSpec;
import org.driftlab.core.stream.SwitchSpec;

/** Small run specs for tests. */
public final class TestRuns {
    private TestRuns() {}

    public static QuadraticStreamSpec quadratic(int dim, boolean rotated, double noise, SwitchSpec switching) {
        return new QuadraticStreamSpec(
                dim,
                SpectrumSpec.logSpaced(0.5, 2.0),
                rotated,
                noise,
                new PriorSpec(0.5, 1.0),
                null,
                List.of(),
                switching);
    }

    public static MetricsSpec metrics() {
        return new MetricsSpec(10, 20, 15, 0.01, 1.0, 1.0);
    }

    public static RunSpec run(StreamSpec stream, RuleSpec rule, BeliefSpec belief, ResetSpec reset, long steps) {
        return new RunSpec("run", "cond", 3, 42L, steps, 0.1, stream, rule, belief, reset, metrics(), List.of());
    }

    /** A switching quadratic run with SGD, no belief and no resets. */
    public static RunSpec simple(long steps) {
        return run(
                quadratic(4, false, 0.3, new HazardSwitchSpec(0.02)),
                new SgdSpec(0.2),
                new NoBeliefSpec(),
                new NoResetSpec(),
                steps);
    }
}
