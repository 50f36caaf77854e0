package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.junit.jupiter.api.Test;

class SlowlyChangingRegressionStreamTest {
    private static final SeedStreams SEEDS = SeedStreams.of(11, 3);

    private static SlowlyChangingRegressionStreamSpec small(
            Activation activation, boolean flipOne, SwitchSpec switching) {
        return new SlowlyChangingRegressionStreamSpec(6, 4, flipOne, 10, 0.7, 3, activation, 50, null, switching);
    }

    private static SlowlyChangingRegressionStream stream(SlowlyChangingRegressionStreamSpec spec) {
        return (SlowlyChangingRegressionStream) TaskStream.create(spec, SEEDS);
    }

    @Test
    void layoutIsDocumented() {
        MlpLayout l = new MlpLayout(20, 5);
        assertThat(l.dim()).isEqualTo(5 * 21 + 5 + 1);
        assertThat(l.inputWeightsFrom(2)).isEqualTo(42);
        assertThat(l.inputWeightsTo(2)).isEqualTo(63);
        assertThat(l.outputWeight(0)).isEqualTo(105);
        assertThat(l.outputWeight(4)).isEqualTo(109);
        assertThat(l.outputBias()).isEqualTo(110);
        assertThat(SlowlyChangingRegressionStreamSpec.dohare2024(Activation.RELU)
                        .dim())
                .isEqualTo(111);
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        for (Activation activation : Activation.values()) {
            SlowlyChangingRegressionStream s = stream(small(activation, false, new NoSwitchSpec()));
            Rng rng = SeedStreams.of(5, 5).stream("theta");
            int d = s.dim();
            for (int trial = 0; trial < 5; trial++) {
                s.advance();
                double[] theta = new double[d];
                for (int i = 0; i < d; i++) theta[i] = 0.8 * rng.nextGaussian();
                double[] g = new double[d];
                s.observeGradient(theta, g);
                double eps = 1e-6;
                for (int i = 0; i < d; i++) {
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[i] += eps;
                    minus[i] -= eps;
                    double fd = (s.loss(plus) - s.loss(minus)) / (2 * eps);
                    assertThat(g[i])
                            .as("%s, ∂L/∂θ[%d]", activation, i)
                            .isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
                }
                // the loss at θ is the online loss ½(ŷ − y)², also the excess loss and the LOSS evidence
                double[] ev = new double[1];
                s.writeEvidence(EvidenceKind.LOSS, theta, g, ev, 0);
                assertThat(ev[0]).isEqualTo(s.loss(theta));
                assertThat(s.excessLoss(theta)).isEqualTo(s.loss(theta));
                double r = g[s.layout().outputBias()]; // ∂L/∂c = ŷ − y
                assertThat(s.loss(theta)).isCloseTo(0.5 * r * r, within(1e-12));
            }
        }
    }

    @Test
    void hiddenActivationsAreTheForwardPassAtTheObservedTheta() {
        SlowlyChangingRegressionStream s = stream(small(Activation.TANH, false, new NoSwitchSpec()));
        s.advance();
        double[] theta = s.initialWeights().clone();
        s.observeGradient(theta, new double[s.dim()]);
        MlpLayout l = s.layout();
        double[] x = s.input();
        for (int j = 0; j < l.hidden(); j++) {
            double z = 0;
            for (int i = 0; i < l.inputs(); i++) z += theta[l.inputWeightsFrom(j) + i] * x[i];
            assertThat(s.activations()[j]).isEqualTo(Math.tanh(z));
        }
        assertThat(s.hiddenLayer()).isSameAs(s);
    }

    @Test
    void targetNetworkMatchesAHandComputedExample() {
        // m = 3 bits + bias, β = 0.7: (m + 1)β = 2.8; θ_k = 2.8 − S_k
        int[] v = {
            +1, -1, +1, +1, // S = 1 → θ = 1.8
            -1, -1, +1, -1, // S = 3 → θ = −0.2
            +1, +1, +1, +1
        }; // S = 0 → θ = 2.8
        int[] u = {+1, -1, +1};
        double[] thresholds = SlowlyChangingRegressionStream.thresholds(v, 3, 4, 0.7);
        assertThat(thresholds[0]).isCloseTo(1.8, within(1e-12));
        assertThat(thresholds[1]).isCloseTo(-0.2, within(1e-12));
        assertThat(thresholds[2]).isCloseTo(2.8, within(1e-12));
        // sums 3, −1, 3 → units 0 and 2 fire: y = 1 + 1
        assertThat(SlowlyChangingRegressionStream.targetOutput(v, u, thresholds, 4, new double[] {1, 0, 1, 1}))
                .isEqualTo(2.0);
        // sums 2, 0, 2 → units 0 and 1 fire: y = 1 − 1
        assertThat(SlowlyChangingRegressionStream.targetOutput(v, u, thresholds, 4, new double[] {0, 0, 1, 1}))
                .isEqualTo(0.0);
        // sums 0, −2, 2 → none fires
        assertThat(SlowlyChangingRegressionStream.targetOutput(v, u, thresholds, 4, new double[] {0, 1, 0, 1}))
                .isEqualTo(0.0);
        // sums 1, −1, 1 → none fires (only the bias input is on)
        assertThat(SlowlyChangingRegressionStream.targetOutput(v, u, thresholds, 4, new double[] {0, 0, 0, 1}))
                .isEqualTo(0.0);
        // sums 2, −2, 4 → units 0 and 2: y = 2
        assertThat(SlowlyChangingRegressionStream.targetOutput(v, u, thresholds, 4, new double[] {1, 1, 1, 1}))
                .isEqualTo(2.0);
    }

    @Test
    void streamTargetsAreTheDrawnNetworksOutputs() {
        SlowlyChangingRegressionStreamSpec spec = small(Activation.RELU, false, new PeriodicSwitchSpec(7));
        SlowlyChangingRegressionStream s = stream(spec);
        int[] v = s.targetInputWeights();
        int n = spec.bits() + 1;
        for (int k = 0; k < spec.targetUnits(); k++) {
            int negatives = 0;
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(v[k * n + i])).isEqualTo(1);
                if (v[k * n + i] < 0) negatives++;
            }
            assertThat(s.targetThresholds()[k]).isEqualTo(n * 0.7 - negatives);
            assertThat(Math.abs(s.targetOutputWeights()[k])).isEqualTo(1);
        }
        double[] theta = s.initialWeights().clone();
        for (int t = 0; t < 30; t++) {
            s.advance();
            s.observeGradient(theta, new double[s.dim()]);
            assertThat(s.target())
                    .isEqualTo(SlowlyChangingRegressionStream.targetOutput(
                            v, s.targetOutputWeights(), s.targetThresholds(), n, s.input()));
        }
    }

    @Test
    void flippingBitsChangeOnlyAtSwitchesAndRandomBitsEveryStep() {
        for (boolean flipOne : new boolean[] {false, true}) {
            SlowlyChangingRegressionStreamSpec spec = new SlowlyChangingRegressionStreamSpec(
                    20, 15, flipOne, 10, 0.7, 5, Activation.RELU, 50, null, new PeriodicSwitchSpec(5));
            SlowlyChangingRegressionStream s = stream(spec);
            double[] theta = s.initialWeights().clone();
            List<int[]> perTask = new ArrayList<>();
            int changedTasks = 0;
            int randomBitChanges = 0;
            double[] previous = null;
            for (int t = 0; t < 40; t++) {
                boolean switched = s.advance();
                assertThat(switched).as("step %d", t).isEqualTo(t > 0 && t % 5 == 0);
                s.observeGradient(theta, new double[s.dim()]);
                double[] x = s.input();
                assertThat(x[20]).isEqualTo(1.0);
                int[] bits = new int[15];
                for (int i = 0; i < 15; i++) bits[i] = (int) x[i];
                assertThat(bits).isEqualTo(s.flippingBits());
                if (t % 5 == 0) {
                    if (!perTask.isEmpty()) {
                        int hamming = 0;
                        for (int i = 0; i < 15; i++) if (bits[i] != perTask.get(perTask.size() - 1)[i]) hamming++;
                        if (flipOne)
                            assertThat(hamming)
                                    .as("flip-one changes exactly one bit")
                                    .isEqualTo(1);
                        if (hamming > 0) changedTasks++;
                    }
                    perTask.add(bits);
                } else {
                    assertThat(bits).as("constant within a task").isEqualTo(perTask.get(perTask.size() - 1));
                }
                if (previous != null) {
                    for (int i = 15; i < 20; i++) if (x[i] != previous[i]) randomBitChanges++;
                }
                previous = x.clone();
            }
            assertThat(s.task()).isEqualTo(7);
            assertThat(changedTasks).isEqualTo(7); // a full redraw of 15 bits repeats with probability 2⁻¹⁵
            assertThat(randomBitChanges).isGreaterThan(39 * 5 / 4);
        }
    }

    @Test
    void initialWeightsAreKaimingUniformWithZeroBiases() {
        for (Activation activation : Activation.values()) {
            SlowlyChangingRegressionStreamSpec spec = SlowlyChangingRegressionStreamSpec.dohare2024(activation);
            SlowlyChangingRegressionStream s = stream(spec);
            MlpLayout l = spec.layout();
            double b1 = activation.kaimingGain() * Math.sqrt(3.0 / 20);
            double b2 = Math.sqrt(3.0 / 5);
            double[] w = s.initialWeights();
            for (int j = 0; j < 5; j++) {
                for (int i = l.inputWeightsFrom(j); i < l.inputWeightsTo(j) - 1; i++) {
                    assertThat(Math.abs(w[i])).isLessThan(b1).isGreaterThan(0);
                }
                assertThat(w[l.inputWeightsTo(j) - 1]).as("hidden bias").isEqualTo(0.0);
                assertThat(Math.abs(w[l.outputWeight(j)])).isLessThan(b2).isGreaterThan(0);
            }
            assertThat(w[l.outputBias()]).isEqualTo(0.0);
            InitDistribution init = s.initDistribution();
            for (int i = 0; i < l.dim(); i++) assertThat(init.mean(i)).isEqualTo(0.0);
        }
        // pinned weights are used as given
        List<Double> pinned = new ArrayList<>();
        for (int i = 0; i < new MlpLayout(6, 3).dim(); i++) pinned.add(0.01 * i);
        SlowlyChangingRegressionStream p = stream(new SlowlyChangingRegressionStreamSpec(
                6, 4, false, 10, 0.7, 3, Activation.RELU, 50, pinned, new NoSwitchSpec()));
        assertThat(p.initialWeights()[7]).isEqualTo(0.07);
    }

    @Test
    void twinContinuesExactly() {
        SlowlyChangingRegressionStream a = stream(small(Activation.SIGMOID, true, new HazardSwitchSpec(0.1)));
        double[] theta = a.initialWeights().clone();
        double[] g = new double[a.dim()];
        for (int t = 0; t < 23; t++) {
            a.advance();
            a.observeGradient(theta, g);
        }
        TaskStream b = a.twin();
        double[] gb = new double[a.dim()];
        for (int t = 0; t < 40; t++) {
            assertThat(b.advance()).isEqualTo(a.advance());
            a.observeGradient(theta, g);
            b.observeGradient(theta, gb);
            assertThat(gb).isEqualTo(g);
            assertThat(b.loss(theta)).isEqualTo(a.loss(theta));
            assertThat(b.task()).isEqualTo(a.task());
        }
    }

    @Test
    void invalidSpecsAndMissingTaskKnowledgeAreRejected() {
        assertThatThrownBy(() -> new SlowlyChangingRegressionStreamSpec(
                        6, 7, false, 10, 0.7, 3, Activation.RELU, 50, null, new NoSwitchSpec()))
                .hasMessageContaining("flipping-bits");
        assertThatThrownBy(() -> new SlowlyChangingRegressionStreamSpec(
                        6, 4, false, 10, 0.7, 3, Activation.RELU, 50, null, new MarkovSwitchSpec(3, 0.1)))
                .hasMessageContaining("switching");
        assertThatThrownBy(() -> new SlowlyChangingRegressionStreamSpec(
                        6, 4, false, 10, 0.7, 3, Activation.RELU, 50, List.of(1.0), new NoSwitchSpec()))
                .hasMessageContaining("init");
        SlowlyChangingRegressionStream s = stream(small(Activation.RELU, false, new NoSwitchSpec()));
        assertThatThrownBy(s::hessian).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.spec().prior()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.evidenceWidth(EvidenceKind.OPTIMUM)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.distanceToOptimum(s.initialWeights())).isNaN();
        assertThat(Activation.ofConfigName("leaky-relu")).isEqualTo(Activation.LEAKY_RELU);
        assertThatThrownBy(() -> Activation.ofConfigName("gelu")).hasMessageContaining("gelu");
    }
}
