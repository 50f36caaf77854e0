package org.driftlab.core.belief;

import org.jblas.Decompose;
import org.jblas.DoubleMatrix;
import org.jblas.Solve;

/**
 * Reference computations for the belief tests, written independently of the filters: run-length posteriors
 * by enumerating every segmentation of a short series, each segment's marginal likelihood in closed form
 * (batch formulas, not sequential predictives).
 */
public final class BruteForce {
    private BruteForce() {}

    /** log p(x_from … x_{to−1}) of one segment (one task), 0-based, to exclusive. */
    public interface SegmentLogLikelihood {
        double of(int from, int to);
    }

    /** A function of a segment, e.g. the posterior mean of its location; the empty segment gives the prior's. */
    public interface SegmentValue {
        double[] of(int from, int to);
    }

    /**
     * post[t − 1][r] = P(r_t = r | x_1:t) for t = 1 … T and r = 0 … t: r_t = 0 has probability H; r ≥ 1 is
     * the length of the last segment, each of the t − 1 gaps a changepoint with probability H.
     */
    public static double[][] runLengthPosteriors(int steps, double hazard, SegmentLogLikelihood seg) {
        double[][] cache = new double[steps + 1][steps + 1];
        for (int a = 0; a < steps; a++) for (int b = a + 1; b <= steps; b++) cache[a][b] = seg.of(a, b);
        double[][] post = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] logMass = new double[t + 1];
            java.util.Arrays.fill(logMass, Double.NEGATIVE_INFINITY);
            int gaps = t - 1;
            for (long mask = 0; mask < (1L << gaps); mask++) {
                double lw = 0;
                int start = 0;
                for (int g = 0; g < gaps; g++) {
                    boolean cut = (mask >> g & 1) == 1; // a changepoint between x_{g+1} and x_{g+2} (1-based)
                    lw += cut ? Math.log(hazard) : Math.log1p(-hazard);
                    if (cut) {
                        lw += cache[start][g + 1];
                        start = g + 1;
                    }
                }
                lw += cache[start][t];
                int last = t - start;
                logMass[last] = LogSpace.logAddExp(logMass[last], lw);
            }
            double total = LogSpace.logSumExp(logMass, t + 1);
            double[] p = new double[t + 1];
            p[0] = hazard;
            for (int r = 1; r <= t; r++) p[r] = (1 - hazard) * Math.exp(logMass[r] - total);
            post[t - 1] = p;
        }
        return post;
    }

    /** Σ_r P(r_t = r) · value(last r observations), from the posteriors above, at step t (1-based). */
    public static double[] posteriorMean(double[] post, int t, SegmentValue value) {
        double[] out = null;
        for (int r = 0; r < post.length; r++) {
            double[] v = value.of(t - r, t);
            if (out == null) out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] += post[r] * v[i];
        }
        return out;
    }

    /** Gaussian known noise per dimension: rows xs[t][i] ~ N(μ_i, s_i), μ_i ~ N(m0_i, v0). */
    public static SegmentLogLikelihood gaussian(double[][] xs, double[] m0, double v0, double[] s) {
        return (from, to) -> {
            int n = to - from;
            double lp = 0;
            for (int i = 0; i < s.length; i++) {
                double sum = 0, sq = 0;
                for (int t = from; t < to; t++) {
                    double e = xs[t][i] - m0[i];
                    sum += e;
                    sq += e * e;
                }
                // N(x; m0·1, s I + v0 11ᵀ): determinant lemma and Sherman–Morrison
                lp += -0.5 * n * Math.log(2 * Math.PI * s[i])
                        - 0.5 * Math.log1p(n * v0 / s[i])
                        - (sq - v0 * sum * sum / (s[i] + n * v0)) / (2 * s[i]);
            }
            return lp;
        };
    }

    /** E[μ | segment] for the Gaussian model (the prior mean for an empty segment). */
    public static SegmentValue gaussianMean(double[][] xs, double[] m0, double v0, double[] s) {
        return (from, to) -> {
            double[] mu = new double[s.length];
            int n = to - from;
            for (int i = 0; i < s.length; i++) {
                double sum = 0;
                for (int t = from; t < to; t++) sum += xs[t][i];
                double precision = 1 / v0 + n / s[i];
                mu[i] = (m0[i] / v0 + sum / s[i]) / precision;
            }
            return mu;
        };
    }

    /** Normal–Gamma marginal likelihood (Murphy 2007, eq. 95) of a scalar segment. */
    public static SegmentLogLikelihood normalGamma(double[] xs, NormalGammaModelSpec m) {
        return (from, to) -> {
            int n = to - from;
            double mean = 0;
            for (int t = from; t < to; t++) mean += xs[t];
            mean /= n;
            double ss = 0;
            for (int t = from; t < to; t++) ss += (xs[t] - mean) * (xs[t] - mean);
            double kn = m.kappa0() + n;
            double an = m.alpha0() + n / 2.0;
            double bn = m.beta0() + 0.5 * ss + m.kappa0() * n * (mean - m.mu0()) * (mean - m.mu0()) / (2 * kn);
            return LogSpace.logGamma(an)
                    - LogSpace.logGamma(m.alpha0())
                    + m.alpha0() * Math.log(m.beta0())
                    - an * Math.log(bn)
                    + 0.5 * Math.log(m.kappa0() / kn)
                    - 0.5 * n * Math.log(2 * Math.PI);
        };
    }

    /**
     * Zero-mean Normal with an Inverse-Gamma(α0, β0) variance, from the segment's raw values:
     * p(x) = Γ(α0 + n/2)/Γ(α0) · β0^α0 / (β0 + Σx²/2)^(α0 + n/2) · (2π)^(−n/2).
     */
    public static SegmentLogLikelihood varianceChange(double[] xs, double alpha0, double beta0) {
        return (from, to) -> {
            int n = to - from;
            double ss = 0;
            for (int t = from; t < to; t++) ss += xs[t] * xs[t];
            double an = alpha0 + n / 2.0;
            return LogSpace.logGamma(an)
                    - LogSpace.logGamma(alpha0)
                    + alpha0 * Math.log(beta0)
                    - an * Math.log(beta0 + 0.5 * ss)
                    - 0.5 * n * Math.log(2 * Math.PI);
        };
    }

    /**
     * Normal–Inverse-Gamma regression marginal likelihood of the samples in steps [from, to); step t holds
     * {@code batch} rows (x_1 … x_p, y) in xs[t].
     */
    public static SegmentLogLikelihood regression(double[][] xs, int p, int batch, LinearRegressionModelSpec m) {
        return (from, to) -> {
            int n = (to - from) * batch;
            DoubleMatrix x = new DoubleMatrix(n, p);
            DoubleMatrix y = new DoubleMatrix(n, 1);
            int row = 0;
            for (int t = from; t < to; t++) {
                for (int b = 0; b < batch; b++, row++) {
                    for (int c = 0; c < p; c++) x.put(row, c, xs[t][b * (p + 1) + c]);
                    y.put(row, 0, xs[t][b * (p + 1) + p]);
                }
            }
            DoubleMatrix precision =
                    DoubleMatrix.eye(p).mul(1 / m.priorVar()).add(x.transpose().mmul(x));
            DoubleMatrix mn = Solve.solvePositive(precision, x.transpose().mmul(y));
            double an = m.alpha0() + n / 2.0;
            double bn = m.beta0() + 0.5 * (y.dot(y) - mn.dot(precision.mmul(mn)));
            DoubleMatrix chol = Decompose.cholesky(precision);
            double logDetPrecision = 0;
            for (int i = 0; i < p; i++) logDetPrecision += 2 * Math.log(chol.get(i, i));
            double logDetV0 = p * Math.log(m.priorVar());
            return LogSpace.logGamma(an)
                    - LogSpace.logGamma(m.alpha0())
                    + m.alpha0() * Math.log(m.beta0())
                    - an * Math.log(bn)
                    + 0.5 * (-logDetPrecision - logDetV0)
                    - 0.5 * n * Math.log(2 * Math.PI);
        };
    }
}
