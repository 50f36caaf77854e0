package org.driftlab.core.belief;

import java.util.Arrays;

/**
 * Forward algorithm over K known tasks (DESIGN §6). Task k's observations are x_i ~ N(μ_{k,i}, s_i)
 * independently per dimension; the task process starts uniform over the K tasks and at each step stays with
 * probability 1 − ρ, else moves uniformly to one of the other K − 1. The task posterior is kept normalised;
 * likelihoods are combined in log space.
 *
 * <p>Run length of an HMM: the number of steps, up to and including t, that the current task has been
 * current (≥ 1 once observing; the stream start begins the first task's run). {@link #meanRunLength()} is
 * its exact posterior mean, by the forward recursion e_t(k) ∝ p(x_t | k)[(1 − ρ)(e_{t−1}(k) + P_{t−1}(k))
 * + ρ/(K − 1) Σ_{j≠k} P_{t−1}(j)] with e_t(k) = E[r_t · 1{task_t = k} | x_1:t]. No run-length distribution
 * is kept, so {@link #mapRunLength()} is the filtered point estimate: the number of consecutive steps,
 * ending at t, at which the current MAP task has been the MAP task.
 *
 * <p>p_change(w) for the HMM: 1 − P(task_t = assumed task | x_1:t), where the assumed task is the MAP task
 * at the last {@link #markReset()} or, when there was none, the MAP task after the first observation; it is
 * 0 when min(w, n_t) = 0 (right after a reset, before any observation). Beyond that the window is unused:
 * the filter tracks which task is current, not when it began. Allocation-free after construction.
 */
final class HmmFilter implements TaskFilter {
    private final int k;
    private final int d;
    private final double rho;
    private final double[] means; // K×d row-major
    private final double[] invNoise; // 1/s_i
    private final double logNorm; // −½ Σ_i log(2π s_i)
    private final double[] prob; // P(task_t = k | x_1:t)
    private final double[] runMass; // e_t(k)
    private final double[] work;
    private final double[] work2;
    private long steps;
    private long sinceReset;
    private int assumed;
    private int lastMap;
    private int mapRun;

    HmmFilter(double rho, double[][] taskMeans, double[] noiseVar) {
        if (!(rho > 0 && rho < 1)) throw new IllegalArgumentException("hazard must be in (0, 1), got " + rho);
        this.k = taskMeans.length;
        if (k < 2) throw new IllegalArgumentException("an HMM task filter needs at least 2 task means, got " + k);
        this.d = noiseVar.length;
        this.rho = rho;
        this.means = new double[k * d];
        for (int t = 0; t < k; t++) {
            if (taskMeans[t] == null || taskMeans[t].length != d) {
                throw new IllegalArgumentException("task mean " + t + " must have length " + d
                        + " (the evidence width), got " + (taskMeans[t] == null ? "null" : taskMeans[t].length));
            }
            System.arraycopy(taskMeans[t], 0, means, t * d, d);
        }
        this.invNoise = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            invNoise[i] = 1 / noiseVar[i];
            norm += LogSpace.LOG_2PI + Math.log(noiseVar[i]);
        }
        this.logNorm = -0.5 * norm;
        this.prob = new double[k];
        this.runMass = new double[k];
        this.work = new double[k];
        this.work2 = new double[k];
        reset();
    }

    @Override
    public int width() {
        return d;
    }

    @Override
    public int tasks() {
        return k;
    }

    @Override
    public void observe(double[] x, int offset) {
        if (offset < 0 || offset > x.length - d) {
            throw new IllegalArgumentException(
                    "observation needs " + d + " doubles at offset " + offset + ", array has " + x.length);
        }
        // Σ_{j≠k} P(j) by prefix and suffix sums: no cancellation when P(k) ≈ 1
        double prefix = 0;
        for (int t = 0; t < k; t++) {
            work2[t] = prefix;
            prefix += prob[t];
        }
        double suffix = 0;
        for (int t = k - 1; t >= 0; t--) {
            work2[t] += suffix;
            suffix += prob[t];
        }
        // log-likelihoods, shifted by their maximum (the log-sum-exp normalisation). The predicted prior needs
        // no logs: it is at least min(1 − ρ, ρ/(K − 1)) · max(P(k), Σ_{j≠k} P(j)) ≥ min(1 − ρ, ρ/(K − 1))/2.
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            double q = 0;
            int row = t * d;
            for (int i = 0; i < d; i++) {
                double diff = x[offset + i] - means[row + i];
                q += diff * diff * invNoise[i];
            }
            work[t] = logNorm - 0.5 * q;
            if (work[t] > max) max = work[t];
        }
        double switchEach = rho / (k - 1);
        double total = 0;
        for (int t = 0; t < k; t++) {
            double lik = Math.exp(work[t] - max);
            double moved = switchEach * work2[t];
            double predicted = (1 - rho) * prob[t] + moved; // P(task_t = t | x_1:t−1)
            runMass[t] = lik * ((1 - rho) * (runMass[t] + prob[t]) + moved);
            prob[t] = lik * predicted;
            total += prob[t];
        }
        for (int t = 0; t < k; t++) {
            prob[t] /= total;
            runMass[t] /= total;
        }
        steps++;
        sinceReset++;
        int map = mapTask();
        mapRun = map == lastMap ? mapRun + 1 : 1;
        lastMap = map;
        if (assumed < 0) assumed = map;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public int mapRunLength() {
        return mapRun;
    }

    @Override
    public double meanRunLength() {
        double m = 0;
        for (int t = 0; t < k; t++) m += runMass[t];
        return m;
    }

    /** e_t(k) / P(task_t = k | x_1:t); 1 when task k has no posterior mass (or before any observation). */
    @Override
    public double meanRunLength(int task) {
        double p = prob[task];
        return steps == 0 || !(p > 0) ? 1 : Math.max(1, runMass[task] / p);
    }

    @Override
    public double pChange(int window) {
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        if (Math.min(window, sinceReset) == 0 || assumed < 0) return 0;
        double p = 0;
        for (int t = 0; t < k; t++) if (t != assumed) p += prob[t];
        return Math.min(p, 1.0);
    }

    @Override
    public void markReset() {
        sinceReset = 0;
        assumed = steps == 0 ? -1 : mapTask();
    }

    @Override
    public void reset() {
        Arrays.fill(prob, 1.0 / k);
        Arrays.fill(runMass, 0.0);
        steps = 0;
        sinceReset = 0;
        assumed = -1;
        lastMap = -1;
        mapRun = 0;
    }

    @Override
    public double taskProbability(int task) {
        return prob[task];
    }

    @Override
    public int mapTask() {
        int best = 0;
        for (int t = 1; t < k; t++) if (prob[t] > prob[best]) best = t;
        return best;
    }
}
