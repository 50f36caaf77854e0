package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.ConfigProblem;
import org.driftlab.core.spec.ConfigProblems;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.junit.jupiter.api.Test;

/** The posterior-mean reset target (issue 12 item 3): the new run's conjugate posterior mean, from the belief. */
class PosteriorMeanTargetTest {
    private static final BocpdSpec GAUSSIAN = new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 1e-10, 200);

    private static RunSpec run(ResetSpec reset, boolean rotated) {
        return TestRuns.run(
                TestRuns.quadratic(4, rotated, 0.3, new HazardSwitchSpec(0.02)),
                new SgdSpec(0.1),
                GAUSSIAN,
                reset,
                2000);
    }

    @Test
    void isBitIdenticalAcrossChunkSizes() {
        for (ResetSpec reset : new ResetSpec[] {
            new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.POSTERIOR_MEAN, true)),
            new BeliefSoftSpec(new BeliefTrigger(0.3, 5, ResetTarget.POSTERIOR_MEAN, false))
        }) {
            RunSpec spec = run(reset, true);
            RunMetrics lockstep = Simulation.run(spec, 1).metrics();
            assertThat(lockstep.resets()).as("%s resets", reset).isGreaterThan(10);
            for (int k : new int[] {7, 64, 256})
                assertThat(Simulation.run(spec, k).metrics())
                        .as("%s, chunk %d", reset, k)
                        .isEqualTo(lockstep);
        }
    }

    @Test
    void landsCloserToTheNewOptimumThanThePriorMean() {
        // paired: the same stream, belief and detections; only where the reset sends θ differs
        for (boolean rotated : new boolean[] {false, true}) {
            RunMetrics posterior = Simulation.run(
                            run(
                                    new BeliefThresholdSpec(
                                            new BeliefTrigger(0.5, 5, ResetTarget.POSTERIOR_MEAN, true)),
                                    rotated),
                            64)
                    .metrics();
            RunMetrics prior = Simulation.run(
                            run(
                                    new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.PRIOR_MEAN, true)),
                                    rotated),
                            64)
                    .metrics();
            assertThat(posterior.resetSteps()).as("rotated %s", rotated).containsExactly(prior.resetSteps());
            assertThat(posterior.meanExcessLoss()).as("rotated %s", rotated).isLessThan(prior.meanExcessLoss());
            assertThat(posterior.alignedExcessLoss()[1])
                    .as("rotated %s, one step after a switch", rotated)
                    .isLessThan(prior.alignedExcessLoss()[1]);
        }
    }

    private static ConfigProblem onlyProblem(String text) {
        ConfigProblems thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> SweepLoader.parse(text, "exp.conf"), ConfigProblems.class);
        assertThat(thrown).as("config problems").isNotNull();
        assertThat(thrown.problems()).hasSize(1);
        assertThat(thrown.getMessage().lines()).hasSize(1);
        return thrown.problems().get(0);
    }

    @Test
    void aBeliefThatCannotSupplyItIsOneConfigErrorNamingTheKey() {
        String stream =
                "steps = 100\nstream { type = quadratic, dim = 3, switching { type = hazard, hazard = 0.01 } }\nrule { type = sgd, lr = 0.1 }\n";
        ConfigProblem normalGamma =
                onlyProblem(stream + "belief { type = bocpd, hazard = 0.01, model { type = normal-gamma } }\n"
                        + "reset { type = belief-threshold, target = posterior-mean }\n");
        assertThat(normalGamma.key()).isEqualTo("reset.target");
        assertThat(normalGamma.line()).isEqualTo(5);
        assertThat(normalGamma.message()).contains("posterior-mean", "gaussian");
        ConfigProblem oracle = onlyProblem(
                stream + "belief { type = bocpd, hazard = 0.01 }\nreset { type = oracle, target = posterior-mean }\n");
        assertThat(oracle.key()).isEqualTo("reset.target");
        assertThat(SweepLoader.parse(
                                stream
                                        + "belief { type = bocpd, hazard = 0.01 }\nreset { type = belief-soft, target = posterior-mean }\n",
                                "exp.conf")
                        .runs())
                .hasSize(1);
    }
}
