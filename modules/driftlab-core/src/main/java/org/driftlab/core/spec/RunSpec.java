package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.check.Require;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.stream.StreamSpec;

/**
 * One run: a fully resolved condition and a seed. {@code runId} is a hash of the condition's canonical
 * resolved config and the seed; {@code conditionId} a hash of the condition alone; {@code params} the
 * swept values that define the condition, in sweep order, followed by a {@link #BELIEF_MISMATCH} entry when a
 * belief parameter was set to another value than the stream's. Time per step is {@code dt} (time = step·dt).
 */
public record RunSpec(
        String runId,
        String conditionId,
        int seed,
        long masterSeed,
        long steps,
        double dt,
        StreamSpec stream,
        RuleSpec rule,
        BeliefSpec belief,
        ResetSpec reset,
        MetricsSpec metrics,
        List<SweptValue> params) {
    /** The params key that lists the belief parameters given other values than the stream's (absent when none). */
    public static final String BELIEF_MISMATCH = "belief-mismatch";

    public RunSpec {
        Require.nonNull("runId", runId);
        Require.nonNull("conditionId", conditionId);
        Require.nonNegative("seed", seed);
        Require.positive("steps", steps);
        Require.positive("dt", dt);
        Require.nonNull("stream", stream);
        Require.nonNull("rule", rule);
        Require.nonNull("belief", belief);
        Require.nonNull("reset", reset);
        Require.nonNull("metrics", metrics);
        params = List.copyOf(Require.nonNull("params", params));
    }

    /** The same run with {@code n} steps (its ids unchanged: the first n steps of the run). */
    public RunSpec withSteps(long n) {
        return new RunSpec(runId, conditionId, seed, masterSeed, n, dt, stream, rule, belief, reset, metrics, params);
    }
}
