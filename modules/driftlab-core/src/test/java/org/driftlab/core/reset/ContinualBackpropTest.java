package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;
import org.driftlab.core.stream.PriorSpec;
import org.junit.jupiter.api.Test;

class ContinualBackpropTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new ContinualBackpropSpec(0.2, 3, 0.9);
    }

    /** The MLP learner of {@link #LAYOUT}, its activations varying with the script's steps. */
    @Override
    ResetContext context() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        for (int j = 0; j < layer.h.length; j++) layer.h[j] = 0.5 + j;
        InitDistribution init = LAYOUT.kaimingUniform(Activation.RELU);
        return new ResetContext(theta(), init, 0, layer, SEEDS.stream("POLICY"), (e, t) -> {
            throw new IllegalStateException("no evidence");
        });
    }

    @Override
    ResetPolicy newPolicy() {
        return spec().newPolicy(context());
    }

    /** bits = 2 (+ bias): rows of 3; H = 3; θ = [W (9) | v (3) | c]. */
    private static final MlpLayout LAYOUT = MlpFixtures.LAYOUT;

    private static double[] theta() {
        double[] t = new double[LAYOUT.dim()];
        for (int i = 0; i < t.length; i++) t[i] = 0.1 * (i + 1);
        t[LAYOUT.outputWeight(0)] = 1.0;
        t[LAYOUT.outputWeight(1)] = -0.125;
        t[LAYOUT.outputWeight(2)] = 3.0;
        return t;
    }

    @Test
    void replacesTheLowestUtilityMatureUnitsOfAHandWorkedCase() {
        // ρ = 0.5, maturity 2, η = 0.5; h = (1, 2, 0.5), v = (1, −0.125, 3): (1 − η)|h||v| = (0.5, 0.125, 0.75)
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        layer.h[0] = 1;
        layer.h[1] = 2;
        layer.h[2] = 0.5;
        InitDistribution init = LAYOUT.kaimingUniform(Activation.RELU);
        ContinualBackprop cbp = new ContinualBackprop(new ContinualBackpropSpec(0.5, 2, 0.5), layer, init);
        MlpFixtures.RecordingRule rule = new MlpFixtures.RecordingRule();
        Rng rng = SeedStreams.of(9, 9).stream("POLICY");
        double[] theta = theta();
        double[] start = theta.clone();

        assertThat(cbp.afterStep(theta, rule, rng)).isZero(); // ages 1: none mature
        assertThat(cbp.afterStep(theta, rule, rng)).isZero(); // ages 2: none mature (age must exceed 2)
        assertThat(cbp.utility(0)).isEqualTo(0.75);
        assertThat(cbp.utility(1)).isEqualTo(0.1875);
        assertThat(cbp.utility(2)).isEqualTo(1.125);
        assertThat(theta).containsExactly(start);
        assertThat(rule.resets).isEmpty();

        // step 3: u = (0.875, 0.21875, 1.3125), 3 eligible, c = 1.5 → replace one: unit 1; c = 0.5
        assertThat(cbp.afterStep(theta, rule, rng)).isEqualTo(1);
        assertThat(cbp.accumulated()).isEqualTo(0.5);
        assertThat(cbp.utility(1)).isZero();
        assertThat(cbp.age(1)).isZero();
        assertThat(cbp.age(0)).isEqualTo(3);
        assertThat(cbp.utility(0)).isEqualTo(0.875);
        assertThat(cbp.utility(2)).isEqualTo(1.3125);
        Rng replay = SeedStreams.of(9, 9).stream("POLICY");
        for (int i = 0; i < LAYOUT.dim(); i++) {
            if (i >= 3 && i < 6)
                assertThat(theta[i]).as("unit 1's input weights redrawn").isEqualTo(init.draw(i, replay));
            else if (i == LAYOUT.outputWeight(1))
                assertThat(theta[i]).as("unit 1's outgoing weight").isZero();
            else assertThat(theta[i]).as("θ[%d] untouched", i).isEqualTo(start[i]);
        }
        assertThat(theta[5])
                .as("the hidden bias of a new unit is 0, as initialised")
                .isZero();
        assertThat(rule.resets).containsExactly(new int[] {3, 6}, new int[] {10, 11});

        // step 4: ages (4, 1, 4); u1 gains |2|·|0| = 0; eligible 0 and 2, c = 0.5 + 1.0 = 1.5 → replace one:
        // u0 = 0.9375 < u2 = 1.40625 → unit 0
        assertThat(cbp.afterStep(theta, rule, rng)).isEqualTo(1);
        assertThat(cbp.utility(0)).isZero();
        assertThat(cbp.age(0)).isZero();
        assertThat(cbp.utility(2)).isEqualTo(1.40625);
        assertThat(cbp.age(1)).isEqualTo(1);
        assertThat(cbp.accumulated()).isEqualTo(0.5);
        assertThat(theta[LAYOUT.outputWeight(0)]).isZero();
        assertThat(theta[LAYOUT.outputWeight(2)]).isEqualTo(3.0);
        assertThat(rule.resets).hasSize(4);
        assertThat(rule.resets.get(2)).containsExactly(0, 3);
        assertThat(rule.resets.get(3)).containsExactly(9, 10);
    }

    @Test
    void severalUnitsAtOnceAndBookkeepingStaysConsistent() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        ContinualBackpropSpec spec = new ContinualBackpropSpec(0.3, 4, 0.9);
        ContinualBackprop cbp = new ContinualBackprop(spec, layer, LAYOUT.kaimingUniform(Activation.RELU));
        MlpFixtures.RecordingRule rule = new MlpFixtures.RecordingRule();
        Rng rng = SeedStreams.of(1, 1).stream("POLICY");
        Rng acts = SeedStreams.of(2, 2).stream("h");
        double[] theta = theta();
        double expectedReplacements = 0; // Σ ρ·n_eligible
        int replaced = 0;
        long[] ages = new long[3];
        for (int t = 0; t < 500; t++) {
            for (int j = 0; j < 3; j++) layer.h[j] = Math.max(0, acts.nextGaussian());
            int eligible = 0;
            for (int j = 0; j < 3; j++) if (ages[j] + 1 > 4) eligible++;
            expectedReplacements += 0.3 * eligible;
            int r = cbp.afterStep(theta, rule, rng);
            assertThat(r).isBetween(0, eligible);
            replaced += r;
            for (int j = 0; j < 3; j++) {
                ages[j]++;
                if (cbp.age(j) == 0) {
                    ages[j] = 0;
                    assertThat(theta[LAYOUT.outputWeight(j)]).isZero();
                    assertThat(cbp.utility(j)).isZero();
                }
                assertThat(cbp.age(j)).isEqualTo(ages[j]);
                assertThat(cbp.utility(j)).isNotNegative();
            }
            assertThat(cbp.accumulated()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        assertThat(replaced + cbp.accumulated()).isCloseTo(expectedReplacements, within(1e-9));
        assertThat(rule.resets).hasSize(2 * replaced);
        assertThat(replaced).isGreaterThan(100);
    }

    @Test
    void copyStateFromMakesTwins() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        ContinualBackpropSpec spec = new ContinualBackpropSpec(0.2, 3, 0.8);
        InitDistribution init = LAYOUT.kaimingUniform(Activation.RELU);
        ContinualBackprop a = new ContinualBackprop(spec, layer, init);
        ContinualBackprop b = new ContinualBackprop(spec, layer, init);
        Rng acts = SeedStreams.of(2, 2).stream("h");
        Rng rngA = SeedStreams.of(1, 1).stream("POLICY");
        double[] thetaA = theta();
        for (int t = 0; t < 37; t++) {
            for (int j = 0; j < 3; j++) layer.h[j] = Math.abs(acts.nextGaussian());
            a.afterStep(thetaA, new MlpFixtures.RecordingRule(), rngA);
        }
        b.copyStateFrom(a);
        Rng rngB = SeedStreams.of(1, 1).stream("POLICY");
        rngB.copyStateFrom(rngA);
        double[] thetaB = thetaA.clone();
        for (int t = 0; t < 50; t++) {
            for (int j = 0; j < 3; j++) layer.h[j] = Math.abs(acts.nextGaussian());
            assertThat(b.afterStep(thetaB, new MlpFixtures.RecordingRule(), rngB))
                    .isEqualTo(a.afterStep(thetaA, new MlpFixtures.RecordingRule(), rngA));
            assertThat(thetaB).containsExactly(thetaA);
            for (int j = 0; j < 3; j++) {
                assertThat(b.utility(j)).isEqualTo(a.utility(j));
                assertThat(b.age(j)).isEqualTo(a.age(j));
            }
            assertThat(b.accumulated()).isEqualTo(a.accumulated());
        }
    }

    @Test
    void needsAnMlpAndValidValues() {
        assertThatThrownBy(() -> ContinualBackpropSpec.dohare2024()
                        .newPolicy(ResetContext.of(new double[3], PriorSpec.standard(), 0, SeedStreams.of(1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MLP");
        assertThatThrownBy(() -> new ContinualBackpropSpec(1.5, 10, 0.9)).hasMessageContaining("replacement-rate");
        assertThatThrownBy(() -> new ContinualBackpropSpec(0.1, -1, 0.9)).hasMessageContaining("maturity-threshold");
        assertThatThrownBy(() -> new ContinualBackpropSpec(0.1, 10, 1.0)).hasMessageContaining("decay");
    }
}
