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
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }

    /** log Σ_{j<n} e^{v[j]}; −∞ when n = 0 or every entry is −∞. v not modified. */
    static double logSumExp(double[] v, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) if (v[j] > m) m = v[j];
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.exp(v[j] - m);
        return m + Math.log(s);
    }

    // Lanczos approximation, g = 607/128, 15 terms (the coefficients of Boost/Godfrey; |relative error| < 1e-15
    // for x > 0), with the reflection formula below 0.5 not needed: every argument here is > 0.
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4, -.98374475304879564677e-4,
        .15808870322491248884e-3, -.21026444172410488319e-3, .21743961811521264320e-3, -.16431810653676389022e-3,
        .84418223983852743293e-4, -.26190838401581408670e-4, .36899182659531622704e-5,
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
}
