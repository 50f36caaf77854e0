package org.driftlab.core.belief;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gaussian with known noise, d dimensions, one shared run length (DESIGN §6): x_i ~ N(μ_i, s_i), prior
 * μ_i ~ N(m0_i, v0). Statistics of a run of r observations: their sum S (d doubles, the rows of a row-major
 * (rMax + 2)×d matrix). With ρ_i = s_i/v0 the run's posterior is μ_i ~ N((ρ_i m0_i + S_i)/(ρ_i + r),
 * s_i/(ρ_i + r)), so the predictive is N(μ_{r,i}, c_{r,i}) with c_{r,i} = s_i (ρ_i + r + 1)/(ρ_i + r).
 *
 * <p>Kernel choice. Because ρ_i varies with i (the ideal observer's noise σ_g²/λ_i² does), the coefficient
 * of S_i·x_i depends on both r and i, so the predictive for all run lengths is not one BLAS gemv but a
 * row-wise weighted squared distance over the same (rows = run lengths, columns = dims) row-major matrix;
 * the sweep also writes the grown row S_r + x into row r + 1, so one pass over S does what a gemv plus a
 * shift would. Only with equal ρ_i (isotropic noise) would S·x be a true gemv, the rest following from row
 * norms; jblas wins only in that special case, and by too little to keep a second, isotropic-only code path
 * (measured with {@code GemvProbe} in the test sources: docs/PERFORMANCE.md, "jblas vs plain loops").
 */
final class GaussianRunModel extends RunModel {
    private final int d;
    private final double[] rhoM0; // ρ_i m0_i
    // the tables below depend only on (s, v0, rMax) and are never written after they are built, so every
    // model with the same parameters shares one instance (see Tables)
    private double[] invRho; // [r·d + i] = 1/(ρ_i + r), r = 0 … rMax
    private double[] invC; // [r·d + i] = 1/c_{r,i}
    private double[] logNorm; // [r] = −½ Σ_i log(2π c_{r,i})

    GaussianRunModel(int d, int rMax, double[] priorMean, double priorVar, double[] noiseVar) {
        super(d, d, rMax);
        this.d = d;
        this.rhoM0 = new double[d];
        setParameters(priorMean, priorVar, noiseVar);
    }

    /**
     * Re-parameterises in place; the caller resets the statistics. Allocates at most the lookup key of the
     * shared tables, and the tables themselves when no live model has the same (s, v0, rMax).
     */
    void setParameters(double[] priorMean, double priorVar, double[] noiseVar) {
        if (priorMean.length != d || noiseVar.length != d) {
            throw new IllegalArgumentException("prior mean and noise variance must have length " + d + ", got "
                    + priorMean.length + " and " + noiseVar.length);
        }
        if (!(priorVar > 0) || Double.isInfinite(priorVar)) {
            throw new IllegalArgumentException("prior-var must be a finite number > 0, got " + priorVar);
        }
        for (int i = 0; i < d; i++) {
            if (!(noiseVar[i] > 0) || Double.isInfinite(noiseVar[i])) {
                throw new IllegalArgumentException(
                        "noise-var[" + i + "] must be a finite number > 0, got " + noiseVar[i]);
            }
            if (!Double.isFinite(priorMean[i])) {
                throw new IllegalArgumentException("prior-mean[" + i + "] must be finite, got " + priorMean[i]);
            }
        }
        for (int i = 0; i < d; i++) {
            double rho = noiseVar[i] / priorVar;
            rhoM0[i] = rho * priorMean[i];
        }
        Tables t = Tables.of(noiseVar, priorVar, rMax);
        invRho = t.invRho;
        invC = t.invC;
        logNorm = t.logNorm;
    }

    /**
     * The predictive's per-(r, i) tables for noise variances s (length d), prior variance v0 and r = 0 … rMax:
     * 2·(rMax + 1)·d + rMax + 1 doubles (132 KB at d = 32, rMax = 256), which were most of a W1 learner's
     * retained heap when every model kept its own copy. Immutable after construction and safely published
     * (final fields), so shared by any number of models on any threads. The cache holds them weakly: a set
     * of tables lives as long as a model uses it, so a sweep of many runs with the same spectrum builds it
     * once per overlap of runs, and the cache never grows with the number of runs (cleared entries are
     * dropped on the next lookup). The values are computed exactly as before sharing, so results are
     * bit-identical.
     */
    static final class Tables {
        private static final Map<Key, WeakReference<Tables>> CACHE = new HashMap<>();
        private static final ReferenceQueue<Tables> CLEARED = new ReferenceQueue<>();

        final double[] invRho;
        final double[] invC;
        final double[] logNorm;

        private Tables(double[] noiseVar, double priorVar, int rMax) {
            int d = noiseVar.length;
            invRho = new double[(rMax + 1) * d];
            invC = new double[(rMax + 1) * d];
            logNorm = new double[rMax + 1];
            for (int r = 0; r <= rMax; r++) {
                double norm = 0;
                for (int i = 0; i < d; i++) {
                    double s = noiseVar[i];
                    double rho = s / priorVar;
                    double c = s * (rho + r + 1) / (rho + r);
                    invRho[r * d + i] = 1 / (rho + r);
                    invC[r * d + i] = 1 / c;
                    norm += LogSpace.LOG_2PI + Math.log(c);
                }
                logNorm[r] = -0.5 * norm;
            }
        }

        /** The shared tables for these parameters ({@code noiseVar} is copied into the key, not kept). */
        static Tables of(double[] noiseVar, double priorVar, int rMax) {
            synchronized (CACHE) {
                for (Reference<? extends Tables> r; (r = CLEARED.poll()) != null; ) CACHE.remove(((Entry) r).key);
                Key key = new Key(noiseVar, priorVar, rMax);
                WeakReference<Tables> ref = CACHE.get(key);
                Tables t = ref == null ? null : ref.get();
                if (t == null) {
                    t = new Tables(noiseVar, priorVar, rMax);
                    CACHE.put(key, new Entry(t, key));
                }
                return t;
            }
        }

        /** Live (not yet dropped) cache entries; for tests of the cache's bound. */
        static int cached() {
            synchronized (CACHE) {
                for (Reference<? extends Tables> r; (r = CLEARED.poll()) != null; ) CACHE.remove(((Entry) r).key);
                return CACHE.size();
            }
        }

        private static final class Entry extends WeakReference<Tables> {
            final Key key;

            Entry(Tables t, Key key) {
                super(t, CLEARED);
                this.key = key;
            }
        }

        /** Parameters compared bit for bit (Arrays.equals on doubles compares doubleToLongBits). */
        private static final class Key {
            final double[] noiseVar;
            final double priorVar;
            final int rMax;
            final int hash;

            Key(double[] noiseVar, double priorVar, int rMax) {
                this.noiseVar = noiseVar.clone();
                this.priorVar = priorVar;
                this.rMax = rMax;
                this.hash = 31 * (31 * Arrays.hashCode(this.noiseVar) + Double.hashCode(priorVar)) + rMax;
            }

            @Override
            public boolean equals(Object o) {
                if (!(o instanceof Key)) return false;
                Key k = (Key) o;
                return rMax == k.rMax
                        && Double.doubleToLongBits(priorVar) == Double.doubleToLongBits(k.priorVar)
                        && Arrays.equals(noiseVar, k.noiseVar);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }

    @Override
    void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi) {
        double[] s = stats;
        double[] rhoM0 = this.rhoM0, invRho = this.invRho, invC = this.invC, logNorm = this.logNorm;
        for (int j = n - 1; j >= 0; j--) {
            int r = runLength[j];
            int row = j * d;
            int next = row + d;
            int tab = r * d;
            // four partial sums: a single accumulator makes the loop wait on the add latency each element
            double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            int i = 0;
            for (; i + 3 < d; i += 4) {
                double s0 = s[row + i], s1 = s[row + i + 1], s2 = s[row + i + 2], s3 = s[row + i + 3];
                double x0 = x[off + i], x1 = x[off + i + 1], x2 = x[off + i + 2], x3 = x[off + i + 3];
                double e0 = x0 - (rhoM0[i] + s0) * invRho[tab + i];
                double e1 = x1 - (rhoM0[i + 1] + s1) * invRho[tab + i + 1];
                double e2 = x2 - (rhoM0[i + 2] + s2) * invRho[tab + i + 2];
                double e3 = x3 - (rhoM0[i + 3] + s3) * invRho[tab + i + 3];
                q0 += e0 * e0 * invC[tab + i];
                q1 += e1 * e1 * invC[tab + i + 1];
                q2 += e2 * e2 * invC[tab + i + 2];
                q3 += e3 * e3 * invC[tab + i + 3];
                s[next + i] = s0 + x0;
                s[next + i + 1] = s1 + x1;
                s[next + i + 2] = s2 + x2;
                s[next + i + 3] = s3 + x3;
            }
            for (; i < d; i++) {
                double sum = s[row + i];
                double xi = x[off + i];
                double e = xi - (rhoM0[i] + sum) * invRho[tab + i];
                q0 += e * e * invC[tab + i];
                s[next + i] = sum + xi;
            }
            logPi[j] = logNorm[r] - 0.5 * ((q0 + q1) + (q2 + q3));
        }
        prior(0);
    }

    @Override
    void remove(int slot, double[] x, int off) {
        int row = slot * d;
        for (int i = 0; i < d; i++) stats[row + i] -= x[off + i];
    }

    @Override
    void prior(int slot) {
        Arrays.fill(stats, slot * d, slot * d + d, 0.0);
    }

    /** The shared 1/(ρ_i + r) table (identity matters: tests check that equal parameters share it). */
    double[] invRhoTable() {
        return invRho;
    }

    @Override
    int meanWidth() {
        return d;
    }

    @Override
    void addPosteriorMean(int slot, int runLength, double w, double[] out) {
        int row = slot * d;
        int tab = runLength * d;
        for (int i = 0; i < d; i++) out[i] += w * (rhoM0[i] + stats[row + i]) * invRho[tab + i];
    }

    @Override
    void copyStateFrom(RunModel other) {
        super.copyStateFrom(other);
        GaussianRunModel g = (GaussianRunModel) other;
        System.arraycopy(g.rhoM0, 0, rhoM0, 0, d);
        invRho = g.invRho; // immutable shared tables: the reference is the state
        invC = g.invC;
        logNorm = g.logNorm;
    }
}
