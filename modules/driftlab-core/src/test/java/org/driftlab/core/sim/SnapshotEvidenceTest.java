package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.StreamSpec;
import org.junit.jupiter.api.Test;

/**
 * The snapshot-residual evidence of the variance-change and log-normal-gamma models: the residual of the
 * weights frozen at the start and after each reset, so it does not depend on what the rule does to θ.
 */
class SnapshotEvidenceTest {
    private static final int STEPS = 300;
    private static final ObservationModelSpec VARIANCE = new VarianceChangeModelSpec(1, null, 20);

    private static RunSpec run(StreamSpec stream, ObservationModelSpec model, double lr, ResetSpec reset) {
        return new RunSpec(
                "run",
                "cond",
                2,
                7L,
                STEPS,
                1.0,
                stream,
                new SgdSpec(lr),
                new BocpdSpec(0.01, model, 1e-10, 64),
                reset,
                new MetricsSpec(10, 20, 15, 0.0, 1.0, 1.0),
                List.of());
    }

    private static double[] evidence(RunSpec spec) {
        Learner l = Learner.start(spec);
        assertThat(l.evidenceWidth()).isEqualTo(1);
        double[] ev = new double[STEPS];
        int ran = 0;
        while (!l.finished())
            ran += l.runChunk(Math.min(7, STEPS - ran), ev, ran); // in chunks, as a simulation runs them
        assertThat(ran).isEqualTo(STEPS);
        return ev;
    }

    private static LinearRegressionStreamSpec regression() {
        return new LinearRegressionStreamSpec(
                3, 4, 0.2, PriorSpec.standard(), null, List.of(), new HazardSwitchSpec(0.02));
    }

    @Test
    void theLearningRuleDoesNotChangeTheEvidence() {
        StreamSpec mlp = new SlowlyChangingRegressionStreamSpec(
                10, 6, false, 30, 0.7, 5, Activation.RELU, 40, null, new PeriodicSwitchSpec(100));
        for (StreamSpec stream : List.of(regression(), mlp)) {
            for (ObservationModelSpec model : List.of(VARIANCE, new LogNormalGammaModelSpec(null, 1, 1, null, 20))) {
                double[] slow = evidence(run(stream, model, 0.01, new NoResetSpec()));
                double[] fast = evidence(run(stream, model, 0.2, new NoResetSpec()));
                assertThat(fast)
                        .as("%s %s", stream.getClass().getSimpleName(), model)
                        .isEqualTo(slow);
                assertThat(java.util.Arrays.stream(slow).distinct().count())
                        .as("a residual, not a constant")
                        .isGreaterThan(10);
            }
        }
    }

    @Test
    void aResetFreezesTheWeightsItLeaves() {
        // a fresh draw at each periodic reset: the same draw whatever the rule, so the evidence still agrees across
        // rules, while it departs from the no-reset run's (same samples, other snapshot) from the first reset on
        ResetSpec periodic = new PeriodicResetSpec(50, ResetTarget.FRESH_DRAW, true);
        double[] slow = evidence(run(regression(), VARIANCE, 0.01, periodic));
        double[] fast = evidence(run(regression(), VARIANCE, 0.2, periodic));
        double[] noReset = evidence(run(regression(), VARIANCE, 0.2, new NoResetSpec()));
        assertThat(fast).isEqualTo(slow);
        for (int t = 0; t < 50; t++)
            assertThat(slow[t]).as("step %d, before the first reset", t).isEqualTo(noReset[t]);
        for (int t = 50; t < STEPS; t++)
            assertThat(slow[t]).as("step %d, after a reset", t).isNotEqualTo(noReset[t]);
    }
}
