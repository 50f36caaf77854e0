package org.driftlab.core.belief;

import java.util.Arrays;

/**
 * Bayesian online changepoint detection (Adams &amp; MacKay 2007) with constant hazard H, in log space, exactly
 * the recursion of DESIGN §6 (r_t = observations in the current run after step t; P(r_0 = 0) = 1):
 * <pre>
 *   P(r_t = r+1 | x_1:t) ∝ P(r_{t−1} = r | x_1:t−1) · π_r(x_t) · (1 − H)
 *   P(r_t = 0   | x_1:t) = H   (the sum over r of the same terms times H, divided by the evidence)
 * </pre>
 * π_r is the {@link RunModel}'s posterior predictive given the run's last r observations.
 *
 * <p>Approximations, both off when {@code pruneTolerance = 0} and {@code maxRunLength ≥ T}:
 * <ul>
 * <li><b>Pruning</b>: after each step, run lengths whose posterior is below the tolerance are dropped and
 *     the rest renormalised. Run length 0 (mass H, needed for any later changepoint) and the MAP run length
 *     are never dropped.</li>
 * <li><b>Cap</b>: the slot r_max stands for "r ≥ r_max". Its mass is P(r_t ≥ r_max) and its statistics are
 *     always those of exactly the last r_max observations (a sliding window). When the slot r_max − 1
 *     grows into r_max, the old r_max slot's grown mass is added to it (log-sum-exp) and the statistics
 *     grown from r_max − 1 (the last r_max observations) are kept; when r_max − 1 had been pruned, the old
 *     r_max slot's statistics are downdated by the observation that left the window (kept in a ring buffer
 *     of the last r_max observations). The merged slot reports run length r_max.</li>
 * </ul>
 * Memory grows with what is live, never past r_max: the per-slot arrays (run lengths, weights, workspace) and
 * the model's statistics with the largest number of active slots seen (see {@link RunModel}), the ring of past
 * observations with the largest live run length seen (it must hold every observation of the oldest live run, for
 * the cap's downdate). Both start at {@value #INITIAL_CAPACITY} and double, so a pruned belief whose runs stay
 * short holds a few KB instead of r_max × d doubles; capacities only grow (a {@link #reset} keeps them) and never
 * affect a result, since no entry past the live ones is read before it is written. {@link #observe} allocates
 * only when a capacity grows, at most log₂(r_max) times per belief. Confined
 * to one thread. A model whose prior scale is left open ({@link RunModel#calibrating}) first takes its
 * calibration observations: they count in {@link #steps()} but start no run, and p_change stays 0 meanwhile;
 * the recursion then starts on the next observation as on a fresh stream. Numerical failure is a value: a non-finite observation leaves the posterior NaN, which
 * shows in every report (p_change, mean run length) from then on.
 */
public final class Bocpd implements TaskBelief {
    /** Slots of the per-slot arrays and observations of the ring when built. */
    static final int INITIAL_CAPACITY = 8;

    private final double hazard;
    private final double logH;
    private final double log1mH;
    private final double pruneTolerance;
    private final double logTol;
    private final int rMax;
    private final RunModel model;

    private int[] runLength; // per slot, ascending
    private double[] logw; // per slot: log P(r_t = runLength[j] | x_1:t), normalised
    private double[] logPi; // workspace: log predictive, then log joint
    private double[] ring; // the last min(ringCount, capacity) observations, capacity × width, capacity ≤ r_max
    private int ringHead; // next observation to write; the oldest one once the ring is full
    private int ringCount; // observations held (≤ capacity)
    private int n; // active slots
    private long steps;
    private long sinceReset;
    private double lastLogEvidence;

    Bocpd(double hazard, double pruneTolerance, int maxRunLength, RunModel model) {
        if (!(hazard > 0 && hazard < 1)) throw new IllegalArgumentException("hazard must be in (0, 1), got " + hazard);
        if (!(pruneTolerance >= 0 && pruneTolerance < 1)) {
            throw new IllegalArgumentException("prune must be in [0, 1), got " + pruneTolerance);
        }
        if (maxRunLength <= 0) throw new IllegalArgumentException("r-max must be > 0, got " + maxRunLength);
        if (model.rMax != maxRunLength) throw new IllegalArgumentException("model sized for r-max " + model.rMax);
        this.hazard = hazard;
        this.logH = Math.log(hazard);
        this.log1mH = Math.log1p(-hazard);
        this.pruneTolerance = pruneTolerance;
        this.logTol = Math.log(pruneTolerance);
        this.rMax = maxRunLength;
        this.model = model;
        int slots = Math.min(INITIAL_CAPACITY, rMax + 2);
        this.runLength = new int[slots];
        this.logw = new double[slots];
        this.logPi = new double[slots];
        this.ring = new double[Math.multiplyExact(Math.min(INITIAL_CAPACITY, rMax), model.width)];
        reset();
    }

    @Override
    public int width() {
        return model.width;
    }

    /** The cap r_max: the largest run length reported (standing for "r_max or more"). */
    public int maxRunLength() {
        return rMax;
    }

    public double hazard() {
        return hazard;
    }

    public double pruneTolerance() {
        return pruneTolerance;
    }

    @Override
    public void observe(double[] x, int offset) {
        int w = model.width;
        if (offset < 0 || offset > x.length - w) {
            throw new IllegalArgumentException(
                    "observation needs " + w + " doubles at offset " + offset + ", array has " + x.length);
        }
        if (model.calibrating()) {
            // the empirical-Bayes prior takes these: no run, no change (sinceReset stays 0, so p_change = 0)
            model.calibrate(x, offset);
            if (!model.calibrating()) model.prior(0);
            steps++;
            return;
        }
        model.ensureSlots(n + 1); // predictAndGrow writes slots 0 … n
        if (logw.length < n + 1) growSlots(n + 1);
        model.predictAndGrow(x, offset, n, runLength, logPi);
        for (int j = 0; j < n; j++) logPi[j] += logw[j];
        double logJoint = LogSpace.logSumExp(logPi, n); // log P(x_t | x_1:t−1)
        lastLogEvidence = logJoint;
        for (int j = n - 1; j >= 0; j--) {
            logw[j + 1] = log1mH + logPi[j] - logJoint;
            runLength[j + 1] = runLength[j] + 1;
        }
        logw[0] = logH;
        runLength[0] = 0;
        n++;
        if (runLength[n - 1] > rMax) capLast(x, offset);
        // the oldest live run (run lengths ascend) must find all its observations in the ring, x included
        if (runLength[n - 1] > ring.length / model.width) growRing(runLength[n - 1]);
        pushRing(x, offset);
        if (pruneTolerance > 0) prune();
        steps++;
        sinceReset++;
    }

    private void capLast(double[] x, int offset) {
        int last = n - 1;
        if (last >= 1 && runLength[last - 1] == rMax) {
            // r_max − 1 grew into r_max: its statistics are the last r_max observations; keep them
            logw[last - 1] = LogSpace.logAddExp(logw[last - 1], logw[last]);
            n--;
        } else {
            // r_max − 1 was pruned: slide the window of the old r_max slot by dropping its oldest observation
            runLength[last] = rMax;
            model.remove(last, ring, ringHead * model.width);
        }
    }

    private void pushRing(double[] x, int offset) {
        int w = model.width;
        int capacity = ring.length / w;
        System.arraycopy(x, offset, ring, ringHead * w, w);
        ringHead = ringHead + 1 == capacity ? 0 : ringHead + 1;
        if (ringCount < capacity) ringCount++;
    }

    // per-slot arrays to at least `slots` (≤ r_max + 2), doubling; live slots kept
    private void growSlots(int slots) {
        int grown = (int) Math.min((long) rMax + 2, Math.max(slots, 2L * logw.length));
        runLength = Arrays.copyOf(runLength, grown);
        logw = Arrays.copyOf(logw, grown);
        logPi = Arrays.copyOf(logPi, grown);
    }

    // ring to hold at least `observations` (≤ r_max), doubling; the held observations kept oldest first, so
    // the next one is written after them and, once full, the oldest sits at ringHead as before
    private void growRing(int observations) {
        int w = model.width;
        int capacity = ring.length / w;
        int grown = (int) Math.min(rMax, Math.max(observations, 2L * capacity));
        double[] g = new double[Math.multiplyExact(grown, w)];
        int oldest = ringCount < capacity ? 0 : ringHead;
        int first = capacity - oldest; // observations from `oldest` to the end of the old array
        int tail = Math.min(first, ringCount);
        System.arraycopy(ring, oldest * w, g, 0, tail * w);
        System.arraycopy(ring, 0, g, tail * w, (ringCount - tail) * w);
        ring = g;
        ringHead = ringCount == grown ? 0 : ringCount;
    }

    private void prune() {
        int map = argmax();
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (j == 0 || j == map || logw[j] >= logTol) {
                if (k != j) {
                    logw[k] = logw[j];
                    runLength[k] = runLength[j];
                    model.copySlot(j, k);
                }
                k++;
            }
        }
        if (k == n) return;
        n = k;
        double norm = LogSpace.logSumExp(logw, n);
        for (int j = 0; j < n; j++) logw[j] -= norm;
    }

    private int argmax() {
        int best = 0;
        for (int j = 1; j < n; j++) if (logw[j] > logw[best]) best = j;
        return best;
    }

    @Override
    public long steps() {
        return steps;
    }

    /**
     * The number of run lengths currently kept (after pruning and the cap): the n that the next
     * {@link #observe} sweeps, so its cost is linear in it. Between 1 and r_max + 1.
     */
    public int activeSlots() {
        return n;
    }

    @Override
    public int mapRunLength() {
        return runLength[argmax()];
    }

    @Override
    public double meanRunLength() {
        double m = 0;
        for (int j = 0; j < n; j++) m += Math.exp(logw[j]) * runLength[j];
        return m;
    }

    @Override
    public double pChange(int window) {
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        long limit = Math.min(window, sinceReset) - 1;
        double p = 0;
        for (int j = 0; j < n && runLength[j] <= limit; j++) p += Math.exp(logw[j]);
        return Math.min(p, 1.0);
    }

    /** n_t: the recursion's observations since the start or the last {@link #markReset} (calibration not counted). */
    public long stepsSinceReset() {
        return sinceReset;
    }

    @Override
    public void newRunPosteriorMean(int window, double[] out) {
        int m = model.meanWidth();
        if (out.length != m) throw new IllegalArgumentException("out must have length " + m + ", got " + out.length);
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        long limit = Math.min(window, sinceReset) - 1;
        int best = -1;
        for (int j = 0; j < n && runLength[j] <= limit; j++) {
            if (runLength[j] > 0 && (best < 0 || logw[j] > logw[best])) best = j;
        }
        if (best < 0) best = 0; // no observation of a new run within the window: slot 0, the empty run (the prior)
        Arrays.fill(out, 0.0);
        model.addPosteriorMean(best, runLength[best], 1.0, out);
    }

    @Override
    public void markReset() {
        sinceReset = 0;
    }

    @Override
    public void reset() {
        n = 1;
        runLength[0] = 0;
        logw[0] = 0;
        model.restartCalibration();
        model.prior(0);
        Arrays.fill(ring, 0.0);
        ringHead = 0;
        ringCount = 0;
        steps = 0;
        sinceReset = 0;
        lastLogEvidence = Double.NaN;
    }

    /**
     * Bytes of this belief's own growable arrays (per-slot arrays, ring, the model's statistics), their element
     * payload without object headers: what scales with the live run lengths. For memory accounting and tests.
     */
    long arrayBytes() {
        return 4L * runLength.length
                + 8L * (logw.length + logPi.length + ring.length)
                + 8L * model.slotCapacity() * model.statsWidth;
    }

    /** log P(x_t | x_1:t−1) of the latest observation (NaN before the first). */
    public double lastLogEvidence() {
        return lastLogEvidence;
    }

    /**
     * out[r] ← P(r_t = r | x_1:t) for r = 0 … r_max (out[r_max] is P(r_t ≥ r_max); pruned run lengths 0).
     * {@code out} must have length ≥ r_max + 1; entries past r_max are left alone. Allocates nothing.
     */
    public void runLengthPosterior(double[] out) {
        if (out.length < rMax + 1)
            throw new IllegalArgumentException("out must have length >= " + (rMax + 1) + ", got " + out.length);
        Arrays.fill(out, 0, rMax + 1, 0.0);
        for (int j = 0; j < n; j++) out[runLength[j]] = Math.exp(logw[j]);
    }

    /** Length of the model's location vector: d (Gaussian), 1 (the scalar models), p (regression). */
    public int meanWidth() {
        return model.meanWidth();
    }

    /**
     * out ← Σ_r P(r_t = r | x_1:t) · E[location | the run's last r observations]: for the Gaussian model the
     * Bayes posterior mean E[μ | x_1:t] of DESIGN §6 (for the next observation: r = 0 contributes the prior
     * mean); Normal–Gamma: E[μ] (log-normal-gamma: of log|x|); variance-change: the variance scale β/α;
     * regression: E[w]. {@code out} has length {@link #meanWidth()}. Allocates nothing.
     */
    public void posteriorMean(double[] out) {
        int m = model.meanWidth();
        if (out.length != m) throw new IllegalArgumentException("out must have length " + m + ", got " + out.length);
        Arrays.fill(out, 0.0);
        for (int j = 0; j < n; j++) model.addPosteriorMean(j, runLength[j], Math.exp(logw[j]), out);
    }

    /**
     * Re-parameterises a Gaussian-model belief (prior mean per dimension, prior variance, noise variance per
     * dimension; arrays copied, not kept) and resets it. Allocation-free. IllegalStateException for other models.
     */
    public void resetGaussian(double[] priorMean, double priorVar, double[] noiseVar) {
        if (!(model instanceof GaussianRunModel)) throw new IllegalStateException("not a Gaussian-model belief");
        ((GaussianRunModel) model).setParameters(priorMean, priorVar, noiseVar);
        reset();
    }

    /** Makes this belief an exact twin of {@code other}, which must have the same model class and shape. */
    public void copyStateFrom(Bocpd other) {
        if (other.model.getClass() != model.getClass()
                || other.rMax != rMax
                || other.model.width != model.width
                || other.model.statsWidth != model.statsWidth
                || other.hazard != hazard
                || other.pruneTolerance != pruneTolerance) {
            throw new IllegalArgumentException("cannot copy the state of a BOCPD belief of a different shape");
        }
        model.copyStateFrom(other.model);
        // only the live slots matter (the rest is written before it is read); the ring's layout depends on its
        // capacity, so it takes the other's (allocating only when they differ: twins converge after one copy)
        if (logw.length < other.n) growSlots(other.n);
        System.arraycopy(other.runLength, 0, runLength, 0, other.n);
        System.arraycopy(other.logw, 0, logw, 0, other.n);
        if (ring.length != other.ring.length) ring = new double[other.ring.length];
        System.arraycopy(other.ring, 0, ring, 0, ring.length);
        ringHead = other.ringHead;
        ringCount = other.ringCount;
        n = other.n;
        steps = other.steps;
        sinceReset = other.sinceReset;
        lastLogEvidence = other.lastLogEvidence;
    }
}
