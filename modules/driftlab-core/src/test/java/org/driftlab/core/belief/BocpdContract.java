package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * BOCPD-specific contract, per observation model: the whole run-length posterior equals brute-force
 * enumeration of segmentations; pruning at 1e-10 stays within a stated bound of exact on a long series; the r_max cap
 * is the sliding-window recursion, with and without pruning; p_change counts run lengths since the last reset; downdates invert updates.
 */
abstract class BocpdContract extends TaskBeliefContract {
    static final double HAZARD = 0.1;

    abstract Bocpd newBocpd(double pruneTolerance, int maxRunLength);

    /** The model alone, for its statistics' updates and downdates. */
    abstract RunModel newModel(int maxRunLength);

    /** The observation-model spec under test and evidence it fits: {@code modelSpec().newModel(evidence(), r)} is built. */
    abstract ObservationModelSpec modelSpec();

    abstract EvidenceInfo evidence();

    /** The model the spec must build on {@link #evidence()}, constructed directly. */
    abstract RunModel expectedModel(int maxRunLength);

    /** Evidence the model cannot read (another width or kind). */
    abstract EvidenceInfo unfitEvidence();

    @Test
    void theSpecBuildsItsModelFromTheEvidence() {
        double[][] xs = series(5, 40);
        Bocpd built = new Bocpd(HAZARD, 0, 30, modelSpec().newModel(evidence(), 30));
        Bocpd expected = new Bocpd(HAZARD, 0, 30, expectedModel(30));
        for (int t = 0; t < xs.length; t++) {
            built.observe(xs[t], 0);
            expected.observe(xs[t], 0);
            assertThat(built.meanRunLength()).as("step %d", t).isEqualTo(expected.meanRunLength());
            assertThat(built.pChange(5)).as("step %d", t).isEqualTo(expected.pChange(5));
        }
        assertThatThrownBy(() -> modelSpec().newModel(unfitEvidence(), 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Closed-form segment marginal likelihoods of {@code xs}. */
    abstract BruteForce.SegmentLogLikelihood segments(double[][] xs);

    @Override
    TaskBelief newBelief() {
        return newBocpd(0, SHORT + 2);
    }

    @Override
    double[][] reference(double[][] xs, int window) {
        double[][] post = BruteForce.runLengthPosteriors(xs.length, HAZARD, segments(xs));
        double[][] out = new double[xs.length][2];
        for (int t = 1; t <= xs.length; t++) {
            double mean = 0, change = 0;
            for (int r = 0; r <= t; r++) {
                mean += r * post[t - 1][r];
                if (r <= Math.min(window, t) - 1) change += post[t - 1][r];
            }
            out[t - 1][0] = mean;
            out[t - 1][1] = change;
        }
        return out;
    }

    @Test
    void runLengthPosteriorEqualsBruteForceEnumeration() {
        int steps = 12;
        for (long seed = 1; seed <= 2; seed++) {
            double[][] xs = series(seed, steps);
            double[][] ref = BruteForce.runLengthPosteriors(steps, HAZARD, segments(xs));
            Bocpd b = newBocpd(0, steps);
            double[] post = new double[steps + 1];
            for (int t = 1; t <= steps; t++) {
                b.observe(xs[t - 1], 0);
                b.runLengthPosterior(post);
                assertThat(post[0]).as("P(r = 0) = H").isCloseTo(HAZARD, within(1e-15));
                for (int r = 0; r <= steps; r++) {
                    double expected = r <= t ? ref[t - 1][r] : 0;
                    assertThat(post[r]).as("seed %d, t %d, r %d", seed, t, r).isCloseTo(expected, within(1e-10));
                }
                int map = 0;
                for (int r = 1; r <= t; r++) if (ref[t - 1][r] > ref[t - 1][map]) map = r;
                assertThat(b.mapRunLength()).isEqualTo(map);
            }
        }
    }

    /** Length of the long series of the pruning test (exact inference on it costs O(T²) slot updates). */
    int longSteps() {
        return 2000;
    }

    /**
     * The largest posterior shift pruning at 1e-10 may cause on the long series. Each step drops at most
     * (slots × tolerance) of mass, ~1e-7 with ~10³ slots in a long run; what it shifts is that dropped mass
     * times the posterior of the runs that survive (the Normal–Gamma series, whose variance also switches,
     * reaches 1.6e-8 on one entry at a switch, the variance-change series 1.2e-8 on p_change).
     */
    double pruneShiftBound() {
        return 5e-8;
    }

    @Test
    void pruningAt1e10StaysCloseToExactOnALongSeries() {
        int steps = longSteps();
        double[][] xs = series(7, steps);
        Bocpd exact = newBocpd(0, steps);
        Bocpd pruned = newBocpd(1e-10, steps);
        double[] pe = new double[steps + 1];
        double[] pp = new double[steps + 1];
        double worst = 0;
        for (int t = 0; t < steps; t++) {
            exact.observe(xs[t], 0);
            pruned.observe(xs[t], 0);
            if (t % 7 == 0) { // the whole posterior every 7th step keeps the test fast
                exact.runLengthPosterior(pe);
                pruned.runLengthPosterior(pp);
                for (int r = 0; r <= t + 1; r++) worst = Math.max(worst, Math.abs(pe[r] - pp[r]));
            }
            // p_change sums posterior entries, so it moves by at most the mass the pruning shifted
            assertThat(pruned.pChange(20)).isCloseTo(exact.pChange(20), within(pruneShiftBound()));
            // the mean weighs the dropped tail mass by run lengths up to T: |Δ mean| ≤ T · Σ_r |Δ P(r)|
            assertThat(pruned.meanRunLength()).isCloseTo(exact.meanRunLength(), within(pruneShiftBound() * steps));
        }
        assertThat(worst).isLessThan(pruneShiftBound());
    }

    @Test
    void capIsTheSlidingWindowRecursion() {
        int steps = 60, rMax = 5;
        double[][] xs = series(5, steps);
        double[][] ref = cappedReference(xs, rMax, segments(xs));
        Bocpd capped = newBocpd(0, rMax);
        Bocpd cappedPruned = newBocpd(1e-10, rMax);
        double[] post = new double[rMax + 1];
        for (int t = 0; t < steps; t++) {
            capped.observe(xs[t], 0);
            cappedPruned.observe(xs[t], 0);
            capped.runLengthPosterior(post);
            for (int r = 0; r <= rMax; r++) {
                assertThat(post[r]).as("t %d, r %d", t + 1, r).isCloseTo(ref[t][r], within(1e-10));
            }
            assertThat(capped.mapRunLength()).isBetween(0, rMax);
            assertThat(cappedPruned.meanRunLength()).isCloseTo(capped.meanRunLength(), within(1e-7));
        }
    }

    @Test
    void capWithHeavyPruningDowndatesTheWindow() {
        // a tolerance of 0.05 prunes the r_max − 1 slot at most steps, so the r_max slot slides its window by
        // removing the observation that leaves it (the downdate path) instead of taking r_max − 1's statistics
        int steps = 60, rMax = 5;
        double tol = 0.05;
        double[][] xs = series(5, steps);
        double[][] ref = cappedReference(xs, rMax, tol, segments(xs));
        Bocpd b = newBocpd(tol, rMax);
        double[] post = new double[rMax + 1];
        int downdates = 0;
        for (int t = 0; t < steps; t++) {
            b.runLengthPosterior(post);
            if (post[rMax] > 0 && post[rMax - 1] == 0) downdates++;
            b.observe(xs[t], 0);
            b.runLengthPosterior(post);
            for (int r = 0; r <= rMax; r++) {
                assertThat(post[r]).as("t %d, r %d", t + 1, r).isCloseTo(ref[t][r], within(1e-9));
            }
        }
        assertThat(downdates).as("steps that downdated the r_max slot").isGreaterThan(5);
    }

    static double[][] cappedReference(double[][] xs, int rMax, BruteForce.SegmentLogLikelihood seg) {
        return cappedReference(xs, rMax, 0, seg);
    }

    /**
     * The cap's semantics, computed naively: slot r_max holds P(r ≥ r_max) and predicts with the last r_max
     * observations; π_r(x_t) = p(x_{t−r} … x_t)/p(x_{t−r} … x_{t−1}) from the closed-form segment likelihoods.
     */
    static double[][] cappedReference(double[][] xs, int rMax, double tol, BruteForce.SegmentLogLikelihood seg) {
        int steps = xs.length;
        double[][] out = new double[steps][rMax + 1];
        double[] logp = new double[rMax + 1];
        Arrays.fill(logp, Double.NEGATIVE_INFINITY);
        logp[0] = 0;
        for (int t = 0; t < steps; t++) {
            double[] next = new double[rMax + 1];
            Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int r = 0; r <= rMax; r++) {
                if (logp[r] == Double.NEGATIVE_INFINITY) continue;
                double before = r == 0 ? 0 : seg.of(t - r, t);
                double logPi = seg.of(t - r, t + 1) - before;
                int to = Math.min(r + 1, rMax);
                next[to] = LogSpace.logAddExp(next[to], logp[r] + logPi);
            }
            double total = LogSpace.logSumExp(next, rMax + 1);
            for (int r = 1; r <= rMax; r++) next[r] = Math.log1p(-HAZARD) + next[r] - total;
            next[0] = Math.log(HAZARD);
            if (tol > 0) { // prune: keep r = 0 and the MAP, drop the rest below tol, renormalise
                int map = 0;
                for (int r = 1; r <= rMax; r++) if (next[r] > next[map]) map = r;
                for (int r = 1; r <= rMax; r++)
                    if (r != map && next[r] < Math.log(tol)) next[r] = Double.NEGATIVE_INFINITY;
                double norm = LogSpace.logSumExp(next, rMax + 1);
                for (int r = 0; r <= rMax; r++) next[r] -= norm;
            }
            logp = next;
            for (int r = 0; r <= rMax; r++) out[t][r] = Math.exp(logp[r]);
        }
        return out;
    }

    @Test
    void pChangeCountsOnlyRunLengthsSinceTheLastReset() {
        int steps = 12;
        double[][] xs = series(3, steps);
        Bocpd b = newBocpd(0, steps);
        double[] post = new double[steps + 1];
        b.observe(xs[0], 0);
        assertThat(b.pChange(1)).as("at t = 1 only r = 0 counts").isCloseTo(HAZARD, within(1e-15));
        assertThat(b.pChange(5)).isCloseTo(HAZARD, within(1e-15));
        for (int t = 1; t < 4; t++) b.observe(xs[t], 0);
        b.markReset();
        assertThat(b.pChange(10)).isZero();
        for (int k = 1; k <= 6; k++) {
            b.observe(xs[3 + k], 0);
            b.runLengthPosterior(post);
            for (int w : new int[] {1, 2, 4, 10}) {
                double expected = 0;
                for (int r = 0; r <= Math.min(w, k) - 1; r++) expected += post[r];
                assertThat(b.pChange(w)).as("k %d since reset, w %d", k, w).isCloseTo(expected, within(1e-15));
            }
        }
    }

    @Test
    void removeInvertsAnUpdate() {
        double[][] xs = series(9, 6);
        RunModel m = newModel(8);
        int[] rl = new int[10];
        double[] logPi = new double[10];
        m.prior(0);
        for (int t = 0; t < 6; t++) {
            m.predictAndGrow(xs[t], 0, t + 1, rl, logPi);
            for (int j = 0; j <= t + 1; j++) rl[j] = j;
        }
        // slot 6 holds x_1 … x_6, slot 5 holds x_2 … x_6
        m.remove(6, xs[0], 0);
        int sw = m.statsWidth;
        for (int i = 0; i < sw; i++) {
            assertThat(m.stats[6 * sw + i])
                    .as("stat %d", i)
                    .isCloseTo(m.stats[5 * sw + i], within(1e-10 * (1 + Math.abs(m.stats[5 * sw + i]))));
        }
    }

    @Test
    void aSlidingWindowStaysExactOverManyDowndates() {
        // the capped slot's life: add the newest observation, remove the oldest, thousands of times
        int steps = 5000, window = 5;
        double[][] xs = series(17, steps);
        RunModel sliding = newModel(window);
        int[] rl = {window, window, window};
        double[] logPi = new double[window + 2];
        sliding.prior(0);
        for (int t = 0; t < steps; t++) {
            sliding.predictAndGrow(xs[t], 0, 1, rl, logPi); // slot 0 ∪ x → slot 1
            sliding.copySlot(1, 0);
            if (t >= window) sliding.remove(0, xs[t - window], 0);
        }
        RunModel fresh = newModel(window);
        fresh.prior(0);
        for (int t = steps - window; t < steps; t++) {
            fresh.predictAndGrow(xs[t], 0, 1, rl, logPi);
            fresh.copySlot(1, 0);
        }
        for (int i = 0; i < fresh.statsWidth; i++) {
            assertThat(sliding.stats[i])
                    .as("stat %d", i)
                    .isCloseTo(fresh.stats[i], within(1e-8 * (1 + Math.abs(fresh.stats[i]))));
        }
    }

    @Test
    void copyStateFromMakesTwins() {
        double[][] xs = series(13, 30);
        Bocpd a = newBocpd(1e-6, 8);
        Bocpd b = newBocpd(1e-6, 8);
        for (int t = 0; t < 20; t++) a.observe(xs[t], 0);
        b.copyStateFrom(a);
        for (int t = 20; t < 30; t++) {
            a.observe(xs[t], 0);
            b.observe(xs[t], 0);
            assertThat(b.meanRunLength()).isEqualTo(a.meanRunLength());
            assertThat(b.pChange(5)).isEqualTo(a.pChange(5));
        }
        double[] ma = new double[a.meanWidth()];
        double[] mb = new double[b.meanWidth()];
        a.posteriorMean(ma);
        b.posteriorMean(mb);
        assertThat(mb).isEqualTo(ma);
    }
}
