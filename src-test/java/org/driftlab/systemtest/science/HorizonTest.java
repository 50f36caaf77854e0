package org.driftlab.systemtest.science;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.experiments.ClosedForms;
import org.driftlab.experiments.Configs;
import org.driftlab.experiments.Trajectories;
import org.driftlab.experiments.Trajectories.Trajectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment 1 (configs/horizon.conf, as committed): the optimal-control rule's convergence rate per unit time,
 * read off the traces θ(t), is the closed form λ = √(γ²/4 + ηkh) − γ/2 in every direction and at every step;
 * the ratio of the two directions' rates is √ of the curvature ratio at γ = 0 and approaches the curvature ratio
 * for large γ.
 */
class HorizonTest {
    private static List<Trajectory> runs;

    @BeforeAll
    static void run() {
        runs = Trajectories.traceAll(Configs.load("horizon.conf").runs());
    }

    @Test
    void everyStepDecaysAtTheClosedFormRate() {
        int checked = 0;
        for (Trajectory tr : runs) {
            if (!(tr.spec().rule() instanceof OptimalControlSpec oc)) continue;
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            for (int i = 0; i < s.dim(); i++) {
                double lambda = ClosedForms.rate(
                        oc.gamma(), oc.eta() * oc.k(), s.spectrum().values().get(i), oc.decay());
                double[] e = tr.error(i, s.optima().get(0).get(i));
                int steps = 0;
                for (int t = 0; t + 1 < e.length; t++) {
                    double r = Trajectories.stepRate(e, t, tr.spec().dt(), 1e-8);
                    if (Double.isNaN(r)) break;
                    assertThat(r)
                            .as("γ=%s, direction %d, step %d", oc.gamma(), i, t)
                            .isCloseTo(lambda, within(1e-6));
                    steps++;
                }
                assertThat(steps)
                        .as("steps checked at γ=%s, direction %d", oc.gamma(), i)
                        .isGreaterThan(100);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 + 3 * 2 * 5);
    }

    @Test
    void directionRatioIsSquareRootOfCurvatureRatioAtGammaZeroAndLinearForLargeGamma() {
        int checked = 0;
        for (Trajectory tr : runs) {
            if (!(tr.spec().rule() instanceof OptimalControlSpec oc)
                    || tr.spec().stream().dim() != 2) continue;
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            double kappa = s.spectrum().values().get(1) / s.spectrum().values().get(0);
            double slow = Trajectories.averageRate(tr.error(0, 0), tr.time(), 1e-6);
            double fast = Trajectories.averageRate(tr.error(1, 0), tr.time(), 1e-6);
            double ratio = fast / slow;
            if (oc.gamma() == 0) {
                assertThat(ratio).as("γ = 0, κ = %s", kappa).isCloseTo(Math.sqrt(kappa), within(1e-6 * kappa));
            } else if (oc.gamma() == 10) {
                assertThat(ratio).as("γ = 10, κ = %s", kappa).isCloseTo(kappa, within(0.01 * kappa));
            } else if (kappa > 1) {
                assertThat(ratio).as("γ = 1, κ = %s", kappa).isStrictlyBetween(Math.sqrt(kappa), kappa);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3 * 5);
    }

    @Test
    void sgdMatchesTheLargeGammaLimitsStepInTheSlowestDirection() {
        // sgd lr = ηk·dt/γ (γ = 10): per step θ − μ shrinks by 1 − lr·h, the Euler step of the γ ≫ 1 flow ηk h/γ
        for (Trajectory tr : runs) {
            if (!(tr.spec().rule() instanceof org.driftlab.core.rule.SgdSpec sgd)) continue;
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            for (int i = 0; i < s.dim(); i++) {
                double h = s.spectrum().values().get(i);
                double[] e = tr.error(i, s.optima().get(0).get(i));
                double expected = -Math.log(1 - sgd.lr() * h) / tr.spec().dt();
                assertThat(Trajectories.stepRate(e, 10, tr.spec().dt(), 1e-8)).isCloseTo(expected, within(1e-6));
                assertThat(expected).isCloseTo(h / 10, within(0.01 * h / 10));
            }
        }
    }
}
