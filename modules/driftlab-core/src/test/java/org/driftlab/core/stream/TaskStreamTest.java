package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.sim.TestRuns;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class TaskStreamTest {
    private static final SeedStreams SEEDS = SeedStreams.of(7, 1);

    @Test
    void gradientWithoutNoiseIsHessianTimesOffset() {
        for (boolean rotated : new boolean[] {false, true}) {
            TaskStream s = TaskStream.create(TestRuns.quadratic(6, rotated, 0.0, new NoSwitchSpec()), SEEDS);
            s.advance();
            double[] theta = {0.3, -1.2, 2.0, 0.1, -0.4, 0.9};
            double[] g = new double[6];
            s.observeGradient(theta, g);
            DoubleMatrix expected =
                    s.hessian().dense().mmul(new DoubleMatrix(theta).sub(new DoubleMatrix(s.optimum())));
            for (int i = 0; i < 6; i++) assertThat(g[i]).isCloseTo(expected.get(i), within(1e-12));
            DoubleMatrix diff = new DoubleMatrix(theta).sub(new DoubleMatrix(s.optimum()));
            double loss = 0.5 * diff.dot(s.hessian().dense().mmul(diff));
            assertThat(s.loss(theta)).isCloseTo(loss, within(1e-12));
            assertThat(s.excessLoss(theta)).isEqualTo(s.loss(theta));
            double[] other = {1, 1, 1, 1, 1, 1}; // not the observed θ: computed afresh
            DoubleMatrix d2 = new DoubleMatrix(other).sub(new DoubleMatrix(s.optimum()));
            assertThat(s.loss(other)).isCloseTo(0.5 * d2.dot(s.hessian().dense().mmul(d2)), within(1e-12));
            assertThat(s.loss(theta)).isCloseTo(loss, within(1e-12));
        }
    }

    @Test
    void rotatedBasisIsOrthogonalAtDimension512() {
        DoubleMatrix q = Orthogonal.random(512, SEEDS.stream("TASKS/rotation"));
        DoubleMatrix defect = q.transpose().mmul(q).sub(DoubleMatrix.eye(512));
        assertThat(defect.normmax()).isLessThan(1e-12);
    }

    @Test
    void rotationIsTheSignFixedQFactorOfTheGaussianMatrix() {
        int d = 40;
        DoubleMatrix q = Orthogonal.random(d, SEEDS.stream("x"));
        org.driftlab.core.random.Rng again = SEEDS.stream("x");
        DoubleMatrix a = new DoubleMatrix(d, d);
        for (int i = 0; i < a.data.length; i++) a.data[i] = again.nextGaussian();
        DoubleMatrix r = q.transpose().mmul(a); // upper triangular with a positive diagonal when A = QR
        for (int j = 0; j < d; j++) {
            assertThat(r.get(j, j)).isPositive();
            for (int i = j + 1; i < d; i++) assertThat(r.get(i, j)).isCloseTo(0, within(1e-12));
        }
        // LAPACK (jblas) agrees after the same sign fix
        org.jblas.Decompose.QRDecomposition<DoubleMatrix> lapack = org.jblas.Decompose.qr(a);
        for (int j = 0; j < d; j++) {
            double sign = Math.signum(lapack.r.get(j, j));
            for (int i = 0; i < d; i++) assertThat(q.get(i, j)).isCloseTo(sign * lapack.q.get(i, j), within(1e-10));
        }
    }

    @Test
    void gradientNoiseHasTheStatedVariance() {
        double sigma = 0.7;
        TaskStream s = TaskStream.create(TestRuns.quadratic(2, false, sigma, new NoSwitchSpec()), SEEDS);
        s.advance();
        double[] theta = {1, 2};
        double[] g = new double[2];
        double[] gTrue = new double[2];
        s.trueGradient(theta, gTrue);
        int n = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < n; t++) {
            s.observeGradient(theta, g);
            double e = g[0] - gTrue[0];
            sum += e;
            sumSq += e * e;
        }
        assertThat(sum / n).isCloseTo(0, within(5 * sigma / Math.sqrt(n)));
        assertThat(sumSq / n).isCloseTo(sigma * sigma, within(0.03 * sigma * sigma));
        assertThat(s.gradientNoiseVariance()).isEqualTo(sigma * sigma);
    }

    @Test
    void hazardSwitchesAtTheRateAndDrawFreshOptima() {
        double rho = 0.1;
        TaskStream s = TaskStream.create(TestRuns.quadratic(2, false, 0.0, new HazardSwitchSpec(rho)), SEEDS);
        int n = 20000;
        int switches = 0;
        assertThat(s.advance()).isFalse(); // never before step 0
        double[] before = s.optimum().clone();
        for (int t = 1; t < n; t++) {
            boolean switched = s.advance();
            if (switched) {
                switches++;
                assertThat(s.optimum()).isNotEqualTo(before);
            } else {
                assertThat(s.optimum()).isEqualTo(before);
            }
            assertThat(s.task()).isEqualTo(switches);
            before = s.optimum().clone();
        }
        double mean = rho * (n - 1);
        assertThat((double) switches).isCloseTo(mean, within(5 * Math.sqrt(mean * (1 - rho))));
    }

    @Test
    void periodicSwitchesExactlyEveryPeriod() {
        TaskStream s = TaskStream.create(TestRuns.quadratic(2, false, 0.0, new PeriodicSwitchSpec(5)), SEEDS);
        for (int t = 0; t < 31; t++) {
            assertThat(s.advance()).as("step %d", t).isEqualTo(t > 0 && t % 5 == 0);
        }
        assertThat(s.task()).isEqualTo(6);
    }

    @Test
    void markovMovesAmongRecurringTasksUniformly() {
        int k = 3;
        double rho = 0.2;
        TaskStream s = TaskStream.create(TestRuns.quadratic(2, false, 0.0, new MarkovSwitchSpec(k, rho)), SEEDS);
        s.advance();
        assertThat(s.task()).isZero();
        assertThat(s.optimum()).isEqualTo(s.recurringOptimum(0));
        int n = 30000;
        int switches = 0;
        int[] visits = new int[k];
        int previous = 0;
        for (int t = 1; t < n; t++) {
            boolean switched = s.advance();
            if (switched) {
                switches++;
                assertThat(s.task()).isNotEqualTo(previous);
            } else {
                assertThat(s.task()).isEqualTo(previous);
            }
            assertThat(s.optimum()).isEqualTo(s.recurringOptimum(s.task()));
            visits[s.task()]++;
            previous = s.task();
        }
        double mean = rho * (n - 1);
        assertThat((double) switches).isCloseTo(mean, within(5 * Math.sqrt(mean)));
        for (int v : visits) assertThat(v / (double) (n - 1)).isCloseTo(1.0 / k, within(0.03));
    }

    @Test
    void driftIsOrnsteinUhlenbeckTowardThePriorMean() {
        double rate = 0.05;
        double sigma = 0.2;
        int dim = 40;
        List<Double> far = java.util.Collections.nCopies(dim, 10.0);
        StreamSpec spec = new QuadraticStreamSpec(
                dim,
                SpectrumSpec.logSpaced(1, 1),
                false,
                0,
                new PriorSpec(0.5, 1),
                null,
                List.of(far),
                new DriftSwitchSpec(rate, sigma));
        TaskStream s = TaskStream.create(spec, SEEDS);
        s.advance();
        assertThat(s.optimum()[0]).isEqualTo(10.0); // pinned start
        // noise-free part of one step: w ← w + rate (μ0 − w)
        s.advance();
        assertThat(s.optimum()[0]).isCloseTo(10 + rate * (0.5 - 10), within(5 * sigma));
        for (int t = 0; t < 400; t++) assertThat(s.advance()).isFalse();
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int t = 0; t < 4000; t++) {
            s.advance();
            for (double w : s.optimum()) {
                sum += w;
                sumSq += (w - 0.5) * (w - 0.5);
                n++;
            }
        }
        double stationaryVar = sigma * sigma / (rate * (2 - rate));
        assertThat(sum / n).isCloseTo(0.5, within(0.1));
        assertThat(sumSq / n).isCloseTo(stationaryVar, within(0.1 * stationaryVar));
        assertThat(s.task()).isZero();
    }

    @Test
    void pinnedInitAndOptimaAreUsedThenTheRestIsDrawn() {
        StreamSpec spec = new QuadraticStreamSpec(
                2,
                SpectrumSpec.logSpaced(1, 2),
                false,
                0,
                PriorSpec.standard(),
                List.of(3.0, 4.0),
                List.of(List.of(1.0, 2.0)),
                new PeriodicSwitchSpec(2));
        TaskStream s = TaskStream.create(spec, SEEDS);
        assertThat(s.initialWeights()).containsExactly(3.0, 4.0);
        s.advance();
        assertThat(s.optimum()).containsExactly(1.0, 2.0);
        s.advance();
        s.advance();
        assertThat(s.optimum()).doesNotContain(1.0, 2.0);
        // pinned optima consume no draws: the first drawn task takes TASKS/optima's first draw
        StreamSpec unpinned = new QuadraticStreamSpec(
                2,
                SpectrumSpec.logSpaced(1, 2),
                false,
                0,
                PriorSpec.standard(),
                null,
                List.of(),
                new PeriodicSwitchSpec(2));
        TaskStream u = TaskStream.create(unpinned, SEEDS);
        u.advance();
        assertThat(s.optimum()).isEqualTo(u.optimum());
        assertThat(s.task()).isEqualTo(1);
    }

    @Test
    void optimumEvidenceIsTheOptimumInTheEigenbasisWithoutNoise() {
        for (boolean rotated : new boolean[] {false, true}) {
            TaskStream s = TaskStream.create(TestRuns.quadratic(5, rotated, 0.0, new NoSwitchSpec()), SEEDS);
            s.advance();
            double[] theta = {1, -1, 0.5, 2, 0};
            double[] g = new double[5];
            s.observeGradient(theta, g);
            double[] z = new double[7];
            s.writeEvidence(EvidenceKind.OPTIMUM, theta, g, z, 2);
            double[] expected = s.toOptimumEvidenceCoordinates(s.optimum());
            for (int i = 0; i < 5; i++) assertThat(z[2 + i]).isCloseTo(expected[i], within(1e-12));
            double[] loss = new double[1];
            s.writeEvidence(EvidenceKind.LOSS, theta, g, loss, 0);
            assertThat(loss[0]).isCloseTo(s.loss(theta), within(1e-12));
            double[] noiseVar = s.optimumEvidenceNoiseVariance();
            assertThat(noiseVar).containsOnly(0.0);
            assertThat(s.optimumEvidencePriorMean()).isEqualTo(rotated ? 0.0 : 0.5);
        }
    }

    @Test
    void rotatedEvidenceCentresThePrior() {
        TaskStream s = TaskStream.create(TestRuns.quadratic(3, true, 0.0, new NoSwitchSpec()), SEEDS);
        double[] mean = s.toOptimumEvidenceCoordinates(new double[] {0.5, 0.5, 0.5});
        assertThat(mean).containsOnly(0.0);
    }

    @Test
    void linearRegressionGradientIsUnbiasedAndSamplesAreConsistent() {
        LinearRegressionStreamSpec spec =
                new LinearRegressionStreamSpec(3, 4, 0.0, PriorSpec.standard(), null, List.of(), new NoSwitchSpec());
        TaskStream s = TaskStream.create(spec, SEEDS);
        s.advance();
        double[] theta = {0.2, -0.3, 1.0};
        double[] g = new double[3];
        double[] mean = new double[3];
        int n = 20000;
        for (int t = 0; t < n; t++) {
            s.observeGradient(theta, g);
            for (int i = 0; i < 3; i++) mean[i] += g[i] / n;
        }
        double[] expected = new double[3];
        s.trueGradient(theta, expected);
        for (int i = 0; i < 3; i++) assertThat(mean[i]).isCloseTo(expected[i], within(0.03));
        // with σ_y = 0 every sample satisfies y = w*·x, and the minibatch loss matches the samples
        s.observeGradient(theta, g);
        double[] samples = new double[s.evidenceWidth(EvidenceKind.SAMPLES)];
        s.writeEvidence(EvidenceKind.SAMPLES, theta, g, samples, 0);
        double lossSum = 0;
        double[] grad = new double[3];
        for (int b = 0; b < 4; b++) {
            double wx = 0;
            double tx = 0;
            for (int i = 0; i < 3; i++) {
                wx += s.optimum()[i] * samples[b * 4 + i];
                tx += theta[i] * samples[b * 4 + i];
            }
            assertThat(samples[b * 4 + 3]).isCloseTo(wx, within(1e-12));
            double r = tx - samples[b * 4 + 3];
            lossSum += r * r;
            for (int i = 0; i < 3; i++) grad[i] += r * samples[b * 4 + i] / 4;
        }
        double[] loss = new double[1];
        s.writeEvidence(EvidenceKind.LOSS, theta, g, loss, 0);
        assertThat(loss[0]).isCloseTo(0.5 * lossSum / 4, within(1e-12));
        for (int i = 0; i < 3; i++) assertThat(g[i]).isCloseTo(grad[i], within(1e-12));
        assertThat(s.excessLoss(theta))
                .isCloseTo(
                        0.5
                                * (Math.pow(0.2 - s.optimum()[0], 2)
                                        + Math.pow(-0.3 - s.optimum()[1], 2)
                                        + Math.pow(1.0 - s.optimum()[2], 2)),
                        within(1e-12));
        assertThatThrownBy(() -> s.evidenceWidth(EvidenceKind.OPTIMUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear-regression");
    }

    @Test
    void twinsShareImmutablePartsAndContinueIdentically() {
        List<StreamSpec> specs = List.of(
                TestRuns.quadratic(4, true, 0.5, new MarkovSwitchSpec(3, 0.2)),
                new LinearRegressionStreamSpec(
                        3, 2, 0.3, PriorSpec.standard(), null, List.of(), new DriftSwitchSpec(0.1, 0.2)));
        for (StreamSpec spec : specs) {
            TaskStream a = TaskStream.create(spec, SEEDS);
            double[] theta = new double[spec.dim()];
            double[] ga = new double[spec.dim()];
            double[] gb = new double[spec.dim()];
            for (int t = 0; t < 9; t++) {
                a.advance();
                a.observeGradient(theta, ga);
            }
            TaskStream b = a.twin();
            assertThat(b.initialWeights()).isSameAs(a.initialWeights());
            assertThat(b.hessian().eigenvalues()).isEqualTo(a.hessian().eigenvalues());
            // the basis is shared, not copied: rollback checkpoints of a rotated stream cost no d×d matrix each
            assertThat(b.hessian().basis()).isSameAs(a.hessian().basis());
            for (int t = 0; t < 30; t++) {
                assertThat(b.advance()).isEqualTo(a.advance());
                a.observeGradient(theta, ga);
                b.observeGradient(theta, gb);
                assertThat(gb).isEqualTo(ga);
                assertThat(b.loss(theta)).isEqualTo(a.loss(theta));
            }
        }
    }

    @Test
    void copyStateFromMakesTwins() {
        StreamSpec spec = TestRuns.quadratic(3, true, 0.5, new HazardSwitchSpec(0.3));
        TaskStream a = TaskStream.create(spec, SEEDS);
        TaskStream b = TaskStream.create(spec, SEEDS);
        double[] theta = {0.1, 0.2, 0.3};
        double[] ga = new double[3];
        double[] gb = new double[3];
        for (int t = 0; t < 17; t++) {
            a.advance();
            a.observeGradient(theta, ga);
        }
        b.copyStateFrom(a);
        for (int t = 0; t < 50; t++) {
            assertThat(b.advance()).isEqualTo(a.advance());
            a.observeGradient(theta, ga);
            b.observeGradient(theta, gb);
            assertThat(gb).isEqualTo(ga);
            assertThat(b.task()).isEqualTo(a.task());
            assertThat(b.optimum()).isEqualTo(a.optimum());
        }
    }
}
