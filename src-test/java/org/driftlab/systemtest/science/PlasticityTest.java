package org.driftlab.systemtest.science;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.experiments.Configs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment 4 in small (configs/plasticity.conf with 40,000 steps, 6 seeds, SGD, relu): facts about the plasticity
 * policies that must hold on any length, paired over seeds (same target network, inputs and initial weights).
 * Continual-backprop replaces hidden units at its replacement rate and keeps fewer dead units and a higher effective
 * rank of the hidden layer (both averaged over the bins and seeds) than no policy; l2-init keeps the weights closer to where they started than no policy. The test does not claim that
 * any policy lowers the online error at this length: docs/RESULTS.md, experiment 4, says why.
 */
class PlasticityTest {
    private static final int STEPS = 40_000;
    private static final int SEEDS = 6;
    private static final int BINS = 4;

    /** policy → per-seed value. */
    private static final Map<String, double[]> RESETS = new LinkedHashMap<>();

    private static final Map<String, double[]> DEAD = new LinkedHashMap<>();
    private static final Map<String, double[]> DRIFT = new LinkedHashMap<>();
    private static final Map<String, double[]> RANK = new LinkedHashMap<>();
    private static double replacementRate;
    private static int hidden;

    @BeforeAll
    static void run() {
        SweepSpec sweep = Configs.withOverrides(
                "plasticity.conf",
                "steps = " + STEPS + "\nseeds = " + SEEDS
                        + "\nmetrics { bins = " + BINS
                        + " }\nsweep = null\nsweep {\nrule = [{ type = sgd, lr = 0.01 }]\nreset = [none,"
                        + " { type = continual-backprop, replacement-rate = 1e-4, maturity-threshold = 100, decay = 0.99 },"
                        + " { type = l2-init, lambda = 1e-3 }]\n}");
        for (RunSpec spec : sweep.runs()) {
            String policy = spec.reset().getClass().getSimpleName();
            if (spec.reset() instanceof ContinualBackpropSpec cbp) replacementRate = cbp.replacementRate();
            double[][] ends = new double[2][];
            var result = Simulation.run(spec, (step, t, task, loss, excess, pChange, reset, theta) -> {
                // θ after the first step stands in for θ₀ (one SGD step of lr = 0.01 away from it)
                if (step == 0) ends[0] = theta.clone();
                if (step == STEPS - 1) ends[1] = theta.clone();
            });
            var m = result.metrics();
            int seed = result.seed();
            hidden = ((org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec) spec.stream()).hidden();
            RESETS.computeIfAbsent(policy, k -> new double[SEEDS])[seed] = m.resets();
            DEAD.computeIfAbsent(policy, k -> new double[SEEDS])[seed] = mean(m.deadFraction());
            DRIFT.computeIfAbsent(policy, k -> new double[SEEDS])[seed] = distance(ends[0], ends[1]);
            RANK.computeIfAbsent(policy, k -> new double[SEEDS])[seed] = mean(m.effectiveRank());
        }
    }

    @Test
    void continualBackpropReplacesUnitsAtItsRate() {
        assertThat(RESETS).containsOnlyKeys("NoResetSpec", "ContinualBackpropSpec", "L2InitSpec");
        for (double r : RESETS.get("ContinualBackpropSpec")) {
            // mature units accumulate hidden·ρ replacements per step: about 20 over 40,000 steps, never more
            assertThat(r).isGreaterThan(0).isLessThanOrEqualTo(hidden * replacementRate * STEPS);
            assertThat(r).isGreaterThanOrEqualTo(Math.floor(hidden * replacementRate * (STEPS - 100)) - 1);
        }
        for (double r : RESETS.get("NoResetSpec")) assertThat(r).isZero();
    }

    @Test
    void continualBackpropKeepsFewerDeadUnitsAndAHigherEffectiveRankThanNoPolicy() {
        // relu units die under plain SGD within the first tens of thousands of examples (not a vacuous 0 <= 0)
        assertThat(mean(DEAD.get("NoResetSpec"))).isGreaterThan(0);
        assertThat(mean(DEAD.get("ContinualBackpropSpec"))).isLessThan(mean(DEAD.get("NoResetSpec")));
        assertThat(mean(RANK.get("ContinualBackpropSpec"))).isGreaterThan(mean(RANK.get("NoResetSpec")));
    }

    @Test
    void l2InitKeepsTheWeightsCloserToWhereTheyStarted() {
        double[] l2 = DRIFT.get("L2InitSpec");
        double[] none = DRIFT.get("NoResetSpec");
        for (int s = 0; s < SEEDS; s++) assertThat(l2[s]).as("seed %d", s).isLessThan(none[s]);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double a : v) s += a;
        return s / v.length;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
