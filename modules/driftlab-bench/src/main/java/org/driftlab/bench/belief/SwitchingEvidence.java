package org.driftlab.bench.belief;

import java.util.SplittableRandom;

/**
 * Representative evidence for the BOCPD benchmarks: a piecewise-stationary series whose segment lengths are
 * geometric with hazard 1/500 (as in W1), so the run-length posterior concentrates within a segment and
 * pruning drops the short run lengths just as it does in W1, with an occasional switch that spreads it again.
 * The series is precomputed (generation stays out of the timed step) and replayed cyclically; its length,
 * 8,192 steps, holds about 16 switches. Seeded {@link SplittableRandom}: benchmark inputs, not a result path.
 */
final class SwitchingEvidence {
    /** Steps in every series (a power of two: the replay index wraps with a mask). */
    static final int STEPS = 8192;

    static final double HAZARD = 1.0 / 500;

    private SwitchingEvidence() {}

    /**
     * W1's evidence z in the eigenbasis, d coordinates per step: z_i = w*_i + (σ_g/λ_i) ε_i with σ_g = 0.5,
     * λ log-spaced in [0.1, 10], w* ~ N(0, I) redrawn at each switch. Returns STEPS × d doubles.
     */
    static double[] gaussian(int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] noiseStd = noiseStd(d);
        double[] optimum = new double[d];
        double[] out = new double[STEPS * d];
        for (int t = 0; t < STEPS; t++) {
            if (t == 0 || rnd.nextDouble() < HAZARD) for (int i = 0; i < d; i++) optimum[i] = rnd.nextGaussian();
            for (int i = 0; i < d; i++) out[t * d + i] = optimum[i] + noiseStd[i] * rnd.nextGaussian();
        }
        return out;
    }

    /** σ_g/λ_i for W1's spectrum (σ_g = 0.5, λ log-spaced in [0.1, 10]); a fresh array. */
    static double[] noiseStd(int d) {
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            double lambda = d == 1 ? 0.1 : Math.exp(Math.log(0.1) + (Math.log(10.0) - Math.log(0.1)) * i / (d - 1));
            s[i] = 0.5 / lambda;
        }
        return s;
    }

    /**
     * A scalar series: per segment a level μ ~ N(0, 1) and a noise scale s ~ U[0.2, 1], x = μ + s ε (the
     * Normal–Gamma model's setting: both the mean and the precision change at a switch). STEPS doubles.
     */
    static double[] scalar(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] out = new double[STEPS];
        double mu = 0;
        double s = 1;
        for (int t = 0; t < STEPS; t++) {
            if (t == 0 || rnd.nextDouble() < HAZARD) {
                mu = rnd.nextGaussian();
                s = 0.2 + 0.8 * rnd.nextDouble();
            }
            out[t] = mu + s * rnd.nextGaussian();
        }
        return out;
    }

    /**
     * A residual series (the snapshot-residual evidence): zero mean, per segment a scale s = exp(N(0, 1)), heavy
     * tails, x = s · t₃ (Student-t, 3 degrees of freedom). STEPS doubles.
     */
    static double[] residual(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] out = new double[STEPS];
        double s = 1;
        for (int t = 0; t < STEPS; t++) {
            if (t == 0 || rnd.nextDouble() < HAZARD) s = Math.exp(rnd.nextGaussian());
            double chi2 = 0;
            for (int i = 0; i < 3; i++) chi2 += Math.pow(rnd.nextGaussian(), 2);
            out[t] = s * rnd.nextGaussian() / Math.sqrt(chi2 / 3);
        }
        return out;
    }

    /**
     * Linear-regression minibatches: B rows of (x_1 … x_p, y) per step, x ~ N(0, I), y = w·x + 0.5 ε, w ~ N(0, I)
     * redrawn at each switch. STEPS × B(p + 1) doubles.
     */
    static double[] regression(int p, int batch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[p];
        int width = batch * (p + 1);
        double[] out = new double[STEPS * width];
        for (int t = 0; t < STEPS; t++) {
            if (t == 0 || rnd.nextDouble() < HAZARD) for (int i = 0; i < p; i++) w[i] = rnd.nextGaussian();
            for (int b = 0; b < batch; b++) {
                int row = t * width + b * (p + 1);
                double y = 0;
                for (int i = 0; i < p; i++) {
                    double xi = rnd.nextGaussian();
                    out[row + i] = xi;
                    y += w[i] * xi;
                }
                out[row + p] = y + 0.5 * rnd.nextGaussian();
            }
        }
        return out;
    }
}
