package org.driftlab.systemtest.science;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.experiments.ClosedForms;
import org.driftlab.experiments.Configs;
import org.driftlab.experiments.Trajectories;
import org.driftlab.experiments.Trajectories.Trajectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment 2 (configs/geometry.conf, as committed): with G = I or a diagonal G the rule settles at the
 * optimum μ, with decay default dynamics at Bμ short of it; each coordinate decays at the closed-form rate of
 * its mode of Ṽ = G^{−1/2} H G^{−1/2}.
 */
class GeometryTest {
    private static List<Trajectory> runs;

    @BeforeAll
    static void run() {
        runs = Trajectories.traceAll(Configs.load("geometry.conf").runs());
    }

    @Test
    void settlesAtBMuAtTheClosedFormRates() {
        assertThat(runs).hasSize(3);
        for (Trajectory tr : runs) {
            OptimalControlSpec oc = (OptimalControlSpec) tr.spec().rule();
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            double etaK = oc.eta() * oc.k();
            for (int i = 0; i < 2; i++) {
                double h = s.spectrum().values().get(i);
                double g = oc.metric().kind() == MetricSpec.Kind.DIAGONAL
                        ? oc.metric().values().get(i)
                        : 1.0;
                double mu = s.optima().get(0).get(i);
                double target = ClosedForms.settlingFactor(oc.gamma(), etaK, h / g, oc.decay()) * mu;
                double lambda = ClosedForms.rate(oc.gamma(), etaK, h / g, oc.decay());
                double[] e = tr.error(i, target);
                assertThat(tr.theta()[tr.theta().length - 1][i])
                        .as("settling point, %s, θ%d", oc.metric().kind(), i)
                        .isCloseTo(target, within(1e-6));
                for (int t = 0; t < 20; t++) {
                    assertThat(Trajectories.stepRate(e, t, tr.spec().dt(), 1e-8))
                            .as("rate, %s decay %s, θ%d", oc.metric().kind(), oc.decay(), i)
                            .isCloseTo(lambda, within(1e-6));
                }
            }
        }
        // the decay run stops short of μ = (0, −0.5): B = 4/104
        Trajectory decay = runs.get(2);
        assertThat(decay.theta()[decay.theta().length - 1][1]).isCloseTo(-0.5 * 4 / 104, within(1e-9));
    }
}
