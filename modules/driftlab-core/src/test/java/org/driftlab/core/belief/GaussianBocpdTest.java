package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianBocpdTest extends BocpdContract {
    static final double[] M0 = {0.5, -1.0};
    static final double V0 = 2.0;
    static final double[] S = {0.3, 1.2};

    @Override
    Bocpd newBocpd(double pruneTolerance, int maxRunLength) {
        return TaskBeliefs.gaussian(HAZARD, pruneTolerance, maxRunLength, M0, V0, S);
    }

    @Override
    RunModel newModel(int maxRunLength) {
        return new GaussianRunModel(2, maxRunLength, M0, V0, S);
    }

    @Override
    ObservationModelSpec modelSpec() {
        return GaussianModelSpec.fromStream();
    }

    @Override
    EvidenceInfo evidence() {
        return new EvidenceInfo(2, S, M0[0], V0, null);
    }

    @Override
    RunModel expectedModel(int maxRunLength) {
        return new GaussianRunModel(2, maxRunLength, new double[] {M0[0], M0[0]}, V0, S);
    }

    @Override
    EvidenceInfo unfitEvidence() {
        return EvidenceInfo.scalar(); // no noise variance to take
    }

    /** Task means redrawn from the prior every 5 to 9 steps (every 150 to 250 on long series). */
    @Override
    double[][] series(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][2];
        double[] mu = new double[2];
        int next = 0;
        for (int t = 0; t < steps; t++) {
            if (t == next) {
                for (int i = 0; i < 2; i++) mu[i] = M0[i] + Math.sqrt(V0) * rnd.nextGaussian();
                next = t + (steps > 100 ? 150 + rnd.nextInt(100) : 5 + rnd.nextInt(5));
            }
            for (int i = 0; i < 2; i++) xs[t][i] = mu[i] + Math.sqrt(S[i]) * rnd.nextGaussian();
        }
        return xs;
    }

    @Override
    BruteForce.SegmentLogLikelihood segments(double[][] xs) {
        return BruteForce.gaussian(xs, M0, V0, S);
    }

    @Test
    void theNewRunsPosteriorMeanIsTheConjugatePosteriorOfTheObservationsSinceTheChange() {
        Bocpd b = newBocpd(0, 60);
        for (int t = 0; t < 30; t++) b.observe(new double[] {M0[0] + 0.1 * Math.sin(t), M0[1] - 0.1 * Math.cos(t)}, 0);
        double[][] fresh = {{6.0, 5.5}, {6.3, 5.1}, {5.8, 5.3}}; // far from the first task: a change 3 steps ago
        for (double[] x : fresh) b.observe(x, 0);
        double[] mean = new double[2];
        b.newRunPosteriorMean(10, mean);
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (double[] x : fresh) sum += x[i];
            double expected =
                    (M0[i] / V0 + sum / S[i]) / (1 / V0 + fresh.length / S[i]); // conjugate Gaussian, 3 observations
            assertThat(mean[i]).as("coordinate %d", i).isCloseTo(expected, within(1e-12));
        }
        b.markReset();
        b.newRunPosteriorMean(10, mean); // nothing seen since the reset: the empty run, the prior
        assertThat(mean[0]).isCloseTo(M0[0], within(1e-12));
        assertThat(mean[1]).isCloseTo(M0[1], within(1e-12));
    }

    @Test
    void posteriorMeanEqualsBruteForce() {
        int steps = 11;
        double[][] xs = series(4, steps);
        double[][] post = BruteForce.runLengthPosteriors(steps, HAZARD, segments(xs));
        Bocpd b = newBocpd(0, steps);
        double[] mean = new double[2];
        for (int t = 1; t <= steps; t++) {
            b.observe(xs[t - 1], 0);
            b.posteriorMean(mean);
            double[] ref = BruteForce.posteriorMean(post[t - 1], t, BruteForce.gaussianMean(xs, M0, V0, S));
            assertThat(mean[0]).isCloseTo(ref[0], within(1e-10));
            assertThat(mean[1]).isCloseTo(ref[1], within(1e-10));
        }
    }

    @Test
    void firstPredictiveIsThePriorPredictive() {
        Bocpd b = newBocpd(0, 4);
        double[] x = {1.0, 2.0};
        b.observe(x, 0);
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double c = S[i] + V0;
            expected += -0.5 * Math.log(2 * Math.PI * c) - (x[i] - M0[i]) * (x[i] - M0[i]) / (2 * c);
        }
        assertThat(b.lastLogEvidence()).isCloseTo(expected, within(1e-14));
    }

    @Test
    void factoryFillsNullFieldsFromTheEvidence() {
        EvidenceInfo info = new EvidenceInfo(2, S.clone(), 0.25, V0, null);
        TaskBelief fromStream = TaskBeliefs.create(new BocpdSpec(HAZARD, GaussianModelSpec.fromStream(), 0, 20), info);
        Bocpd direct = TaskBeliefs.gaussian(HAZARD, 0, 20, new double[] {0.25, 0.25}, V0, S);
        TaskBelief given = TaskBeliefs.create(new BocpdSpec(HAZARD, new GaussianModelSpec(0.25, V0, 0.7), 0, 20), info);
        Bocpd directGiven = TaskBeliefs.gaussian(HAZARD, 0, 20, new double[] {0.25, 0.25}, V0, new double[] {0.7, 0.7});
        for (double[] x : series(2, 15)) {
            fromStream.observe(x, 0);
            direct.observe(x, 0);
            given.observe(x, 0);
            directGiven.observe(x, 0);
        }
        assertThat(fromStream.meanRunLength()).isEqualTo(direct.meanRunLength());
        assertThat(given.meanRunLength()).isEqualTo(directGiven.meanRunLength());
        assertThat(given.meanRunLength()).isNotEqualTo(direct.meanRunLength());
    }
}
