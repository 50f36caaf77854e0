package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogNormalGammaBocpdTest extends ScalarBocpdContract {
    static final LogNormalGammaModelSpec MODEL = new LogNormalGammaModelSpec(-0.3, 0.5, 2.0, 1.2, 2);

    LogNormalGammaBocpdTest() {
        super(MODEL, r -> new NormalGammaRunModel(MODEL, r));
    }

    /** Heavy-tailed residuals (Student-t, 3 degrees of freedom) whose scale switches. */
    @Override
    double[][] series(long seed, int steps) {
        return VarianceChangeBocpdTest.scaleSwitching(seed, steps, 3);
    }

    /**
     * Heavy tails make pruning shift more: a near-zero residual is a far outlier of log|x| that drops long
     * runs for a step (1.04e-7 on p_change at worst on this series).
     */
    @Override
    double pruneShiftBound() {
        return 2e-7;
    }

    /** The Normal–Gamma segment likelihood of log|x|, from the raw values. */
    @Override
    BruteForce.SegmentLogLikelihood segments(double[][] xs) {
        return BruteForce.normalGamma(
                logAbs(xs), new NormalGammaModelSpec(MODEL.mu0(), MODEL.kappa0(), MODEL.alpha0(), MODEL.beta0()));
    }

    static double[] logAbs(double[][] xs) {
        double[] v = new double[xs.length];
        for (int t = 0; t < xs.length; t++) v[t] = Math.log(Math.abs(xs[t][0]));
        return v;
    }

    @Test
    void openMu0AndBeta0AreTheCalibrationMeanAndAlpha0TimesItsVariance() {
        int k = 6, steps = 40;
        double[][] xs = series(23, steps);
        double[] v = logAbs(xs);
        double mean = 0;
        for (int t = 0; t < k; t++) mean += v[t] / k;
        double var = 0;
        for (int t = 0; t < k; t++) var += (v[t] - mean) * (v[t] - mean) / k;
        Bocpd calibrated = scalar(new LogNormalGammaModelSpec(null, 0.5, 2.0, null, k), 0, steps);
        Bocpd declared = scalar(new LogNormalGammaModelSpec(mean, 0.5, 2.0, 2.0 * var, 1), 0, steps);
        VarianceChangeBocpdTest.assertCalibrationThenDeclared(calibrated, declared, xs, k);
    }

    @Test
    void anExactZeroIsAFiniteOutlierNotANaN() {
        Bocpd b = newBocpd(0, 8);
        for (int t = 0; t < 5; t++) b.observe(new double[] {1 + 0.1 * t}, 0);
        b.observe(new double[] {0.0}, 0);
        assertThat(b.lastLogEvidence()).isFinite();
        assertThat(b.pChange(3)).isBetween(0.0, 1.0);
    }

    @Test
    void beta0FromDataNeedsTwoCalibrationObservations() {
        assertThatThrownBy(() -> new LogNormalGammaModelSpec(null, 1, 1, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calibration must be >= 2");
    }

    @Test
    void needsScalarEvidence() {
        assertThatThrownBy(() -> TaskBeliefs.create(new BocpdSpec(HAZARD, MODEL, 0, 10), EvidenceInfo.regression(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 9");
    }
}
