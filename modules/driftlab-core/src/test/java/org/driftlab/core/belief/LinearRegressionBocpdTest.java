package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearRegressionBocpdTest extends BocpdContract {
    static final int P = 2;
    static final int B = 2;
    static final LinearRegressionModelSpec MODEL = new LinearRegressionModelSpec(1.5, 2.0, 1.0);

    @Override
    Bocpd newBocpd(double pruneTolerance, int maxRunLength) {
        return TaskBeliefs.bocpd(
                new BocpdSpec(HAZARD, MODEL, pruneTolerance, maxRunLength), EvidenceInfo.regression(P, B));
    }

    @Override
    ObservationModelSpec modelSpec() {
        return MODEL;
    }

    @Override
    EvidenceInfo evidence() {
        return EvidenceInfo.regression(P, B);
    }

    @Override
    RunModel expectedModel(int maxRunLength) {
        return new LinearRegressionRunModel(MODEL, P, B, maxRunLength);
    }

    @Override
    EvidenceInfo unfitEvidence() {
        return EvidenceInfo.scalar();
    }

    @Override
    RunModel newModel(int maxRunLength) {
        return new LinearRegressionRunModel(MODEL, P, B, maxRunLength);
    }

    /** B samples per step, y = w·x + 0.5 ε, w redrawn at switches. */
    @Override
    double[][] series(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][B * (P + 1)];
        double[] w = new double[P];
        int next = 0;
        for (int t = 0; t < steps; t++) {
            if (t == next) {
                for (int i = 0; i < P; i++) w[i] = 2 * rnd.nextGaussian();
                next = t + (steps > 100 ? 150 + rnd.nextInt(100) : 4 + rnd.nextInt(5));
            }
            for (int b = 0; b < B; b++) {
                double y = 0;
                for (int i = 0; i < P; i++) {
                    double x = rnd.nextGaussian();
                    xs[t][b * (P + 1) + i] = x;
                    y += w[i] * x;
                }
                xs[t][b * (P + 1) + P] = y + 0.5 * rnd.nextGaussian();
            }
        }
        return xs;
    }

    @Override
    BruteForce.SegmentLogLikelihood segments(double[][] xs) {
        return BruteForce.regression(xs, P, B, MODEL);
    }

    /** A regression slot update is ~10× a Gaussian one: 1,000 steps (still 4+ switches) keep the test fast. */
    @Override
    int longSteps() {
        return 1000;
    }

    @Test
    void needsTheBatchOfTheEvidence() {
        BocpdSpec spec = new BocpdSpec(HAZARD, MODEL, 0, 10);
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(6, null, 0, 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(7, null, 0, 1, null, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 7");
    }
}
