package org.driftlab.core.belief;

/**
 * Log-space kernels for the belief filters: log-sum-exp and the log-gamma function used by the Student-t
 * predictives. Static, allocation-free.
 */
final class LogSpace {
    private LogSpace() {}

    static final double LOG_2PI = Math.log(2 * Math.PI);

    /** log(e^a + e^b), exact when either is −∞. */
    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        if (b == Double.NEGATIVE_INFINITY) return a;
        return a > b ? a + log1p(Math.exp(b - a)) : b + log1p(Math.exp(a - b));
    }

    // fdlibm 5.3 s_log1p.c constants (hex of the high and low words as in the original source)
    private static final double LN2_HI = 6.93147180369123816490e-01; // 3fe62e42 fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
    private static final double TWO54 = 1.80143985094819840000e+16; // 43500000 00000000
    private static final double LP1 = 6.666666666666735130e-01; // 3FE55555 55555593
    private static final double LP2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
    private static final double LP3 = 2.857142874366239149e-01; // 3FD24924 94229359
    private static final double LP4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
    private static final double LP5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
    private static final double LP6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
    private static final double LP7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244

    /**
     * log(1 + x), bit-identical to {@link StrictMath#log1p} (and so to {@link Math#log1p}, which JDK 17 delegates
     * to it): a line-by-line Java rendering of fdlibm 5.3's s_log1p.c, the algorithm StrictMath is specified to
     * reproduce. Why: JDK 17 has no intrinsic for log1p and calls fdlibm's C through JNI, which JFR showed as the
     * top frame of W1-scalar (one call per run-length slot per step in the Normal–Gamma predictive; figures in
     * docs/PERFORMANCE.md); this pure-Java copy inlines. Checked bit for bit against StrictMath.log1p over a wide random sample and the
     * special cases in LogSpaceTest. Copyright of the original: (C) 1993 by Sun Microsystems, Inc. "Permission
     * to use, copy, modify, and distribute this software is freely granted, provided that this notice is
     * preserved."
     */
    static double log1p(double x) {
        double hfsq, f = 0, c = 0, s, z, r, u;
        int k, hx, hu = 0, ax;
        hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        ax = hx & 0x7fffffff;
        k = 1;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= −1.0
                if (x == -1.0) return Double.NEGATIVE_INFINITY;
                return Double.NaN;
            }
            if (ax < 0x3e200000) { // |x| < 2^−29
                if (TWO54 + x > 0 && ax < 0x3c900000) return x; // |x| < 2^−54
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // −0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) return x + x; // +Inf or NaN
        if (k != 0) {
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHighWord(u, hu | 0x3ff00000); // normalise u
            } else {
                k += 1;
                u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^−20
            if (f == 0) {
                if (k == 0) return 0.0;
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) return f - r;
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        s = f / (2.0 + f);
        z = s * s;
        r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) return f - (hfsq - s * (hfsq + r));
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private static double withHighWord(double d, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(d) & 0xffffffffL));
    }

    /**
     * Below this, e^x is below half the least subnormal and {@link Math#exp} returns exactly 0 (checked in
     * LogSpaceTest), so a term there adds exactly nothing to a sum.
     */
    static final double EXP_UNDERFLOW = -746.0;

    /**
     * log Σ_{j<n} e^{v[j]}; −∞ when n = 0 or every entry is −∞. v not modified. Terms that underflow to 0 are
     * skipped without calling exp (in the exact belief most run lengths are hundreds of nats below the MAP):
     * adding +0.0 to the partial sum, which is ≥ +0.0, leaves it unchanged, so the result is bit-identical to
     * summing them all; a NaN term still makes the result NaN.
     */
    static double logSumExp(double[] v, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) if (v[j] > m) m = v[j];
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double e = v[j] - m;
            if (!(e < EXP_UNDERFLOW)) s += Math.exp(e);
        }
        return m + Math.log(s);
    }

    // Lanczos approximation, g = 607/128, 15 terms (the coefficients of Boost/Godfrey; |relative error| < 1e-15
    // for x > 0), with the reflection formula below 0.5 not needed: every argument here is > 0.
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182,
        57.156235665862923517,
        -59.597960355475491248,
        14.136097974741747174,
        -0.49191381609762019978,
        .33994649984811888699e-4,
        .46523628927048575665e-4,
        -.98374475304879564677e-4,
        .15808870322491248884e-3,
        -.21026444172410488319e-3,
        .21743961811521264320e-3,
        -.16431810653676389022e-3,
        .84418223983852743293e-4,
        -.26190838401581408670e-4,
        .36899182659531622704e-5,
    };
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** log Γ(x) for x &gt; 0 (NaN otherwise). */
    static double logGamma(double x) {
        if (!(x > 0)) return Double.NaN;
        if (x < 0.5) {
            // Γ(x) = Γ(x + 1)/x keeps the series in its accurate range
            return logGamma(x + 1) - Math.log(x);
        }
        double sum = LANCZOS[0];
        for (int i = LANCZOS.length - 1; i > 0; i--) sum += LANCZOS[i] / (x - 1 + i);
        double t = x - 1 + LANCZOS_G + 0.5;
        return HALF_LOG_2PI + (x - 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * out[r] = log Γ(α0 + r/2 + ½) − log Γ(α0 + r/2) for r = 0 … rMax: the Student-t normaliser of a gamma
     * (or inverse-gamma) posterior after r scalar observations, tabulated once so the step calls no log Γ.
     */
    static double[] halfStepLogGammaRatios(double alpha0, int rMax) {
        double[] out = new double[rMax + 1];
        for (int r = 0; r <= rMax; r++) {
            double a = alpha0 + 0.5 * r;
            out[r] = logGamma(a + 0.5) - logGamma(a);
        }
        return out;
    }
}
