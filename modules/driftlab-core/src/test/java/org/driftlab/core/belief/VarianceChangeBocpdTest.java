package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarianceChangeBocpdTest extends ScalarBocpdContract {
    static final VarianceChangeModelSpec MODEL = new VarianceChangeModelSpec(1.5, 0.8, 1);

    VarianceChangeBocpdTest() {
        super(MODEL, r -> new VarianceChangeRunModel(MODEL, r));
    }

    /** Zero-mean Gaussian residuals whose scale switches. */
    @Override
    double[][] series(long seed, int steps) {
        return scaleSwitching(seed, steps, 0);
    }

    /**
     * Zero-mean residuals whose scale switches (every 4–8 steps in a short series, 150–249 in a long one), with
     * Gaussian noise ({@code dof} = 0) or Student-t noise of {@code dof} degrees of freedom.
     */
    static double[][] scaleSwitching(long seed, int steps, int dof) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][1];
        double sd = 1;
        int next = 0;
        for (int t = 0; t < steps; t++) {
            if (t == next) {
                sd = Math.exp(1.5 * rnd.nextGaussian());
                next = t + (steps > 100 ? 150 + rnd.nextInt(100) : 4 + rnd.nextInt(5));
            }
            double chi2 = 0;
            for (int i = 0; i < dof; i++) chi2 += Math.pow(rnd.nextGaussian(), 2);
            xs[t][0] = sd * rnd.nextGaussian() / (dof == 0 ? 1 : Math.sqrt(chi2 / dof));
        }
        return xs;
    }

    @Override
    BruteForce.SegmentLogLikelihood segments(double[][] xs) {
        return BruteForce.varianceChange(column(xs), MODEL.alpha0(), MODEL.beta0());
    }

    static double[] column(double[][] xs) {
        double[] v = new double[xs.length];
        for (int t = 0; t < xs.length; t++) v[t] = xs[t][0];
        return v;
    }

    @Test
    void firstPredictiveIsTheZeroMeanStudentTOfThePrior() {
        Bocpd b = newBocpd(0, 4);
        double x = -1.7;
        b.observe(new double[] {x}, 0);
        double nu = 2 * MODEL.alpha0();
        double scale2 = MODEL.beta0() / MODEL.alpha0();
        double expected = LogSpace.logGamma((nu + 1) / 2)
                - LogSpace.logGamma(nu / 2)
                - 0.5 * Math.log(nu * Math.PI * scale2)
                - (nu + 1) / 2 * Math.log1p(x * x / (nu * scale2));
        assertThat(b.lastLogEvidence()).isCloseTo(expected, within(1e-13));
    }

    @Test
    void anOpenBeta0IsAlpha0TimesTheCalibrationMeanSquareAndThenTheRecursionStarts() {
        int k = 7, steps = 40;
        double[][] xs = series(21, steps);
        double meanSquare = 0;
        for (int t = 0; t < k; t++) meanSquare += xs[t][0] * xs[t][0] / k;
        Bocpd calibrated = scalar(new VarianceChangeModelSpec(1.5, null, k), 0, steps);
        Bocpd declared = scalar(new VarianceChangeModelSpec(1.5, 1.5 * meanSquare, 1), 0, steps);
        assertCalibrationThenDeclared(calibrated, declared, xs, k);
    }

    /**
     * During the first k observations the calibrated belief reports no change and no run; afterwards it is the
     * declared belief started at observation k + 1; a reset forgets the calibration.
     */
    static void assertCalibrationThenDeclared(Bocpd calibrated, Bocpd declared, double[][] xs, int k) {
        int rMax = declared.maxRunLength();
        double[] pc = new double[rMax + 1];
        double[] pd = new double[rMax + 1];
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < xs.length; t++) {
                calibrated.observe(xs[t], 0);
                assertThat(calibrated.steps()).isEqualTo(t + 1);
                if (t < k) {
                    assertThat(calibrated.pChange(5)).isZero();
                    assertThat(calibrated.mapRunLength()).isZero();
                    continue;
                }
                declared.observe(xs[t], 0);
                calibrated.runLengthPosterior(pc);
                declared.runLengthPosterior(pd);
                for (int r = 0; r <= rMax; r++)
                    assertThat(pc[r]).as("t %d, r %d", t + 1, r).isCloseTo(pd[r], within(1e-12));
                assertThat(calibrated.pChange(5)).isCloseTo(declared.pChange(5), within(1e-12));
                assertThat(calibrated.lastLogEvidence()).isCloseTo(declared.lastLogEvidence(), within(1e-12));
            }
            calibrated.reset();
            declared.reset();
        }
    }

    @Test
    void needsScalarEvidence() {
        assertThatThrownBy(() ->
                        TaskBeliefs.create(new BocpdSpec(HAZARD, MODEL, 0, 10), new EvidenceInfo(3, null, 0, 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 3");
    }
}
