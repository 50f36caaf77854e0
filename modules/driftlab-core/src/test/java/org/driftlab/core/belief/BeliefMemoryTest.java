package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The memory layout of the BOCPD belief (shared predictive tables, grow-only statistics) changes no result. */
class BeliefMemoryTest {
    private static final double[] M0 = {0.5, -1.0, 0.0};
    private static final double[] S = {0.3, 1.2, 0.7};

    @Test
    void modelsWithEqualParametersShareTheirTables() {
        GaussianRunModel a = new GaussianRunModel(3, 64, M0, 2.0, S);
        GaussianRunModel b =
                new GaussianRunModel(3, 64, new double[3], 2.0, S.clone()); // the prior mean is not in the tables
        GaussianRunModel otherVar = new GaussianRunModel(3, 64, M0, 2.5, S);
        GaussianRunModel otherCap = new GaussianRunModel(3, 32, M0, 2.0, S);
        double[] s2 = S.clone();
        s2[2] = Math.nextUp(s2[2]);
        GaussianRunModel otherNoise = new GaussianRunModel(3, 64, M0, 2.0, s2);
        assertThat(b.invRhoTable()).isSameAs(a.invRhoTable());
        assertThat(otherVar.invRhoTable()).isNotSameAs(a.invRhoTable());
        assertThat(otherCap.invRhoTable()).isNotSameAs(a.invRhoTable());
        assertThat(otherNoise.invRhoTable()).isNotSameAs(a.invRhoTable());
    }

    @Test
    void sharedTablesHoldTheValuesOfTheFormula() {
        GaussianRunModel m = new GaussianRunModel(3, 4, M0, 2.0, S);
        double[] t = m.invRhoTable();
        for (int r = 0; r <= 4; r++) {
            for (int i = 0; i < 3; i++) assertThat(t[r * 3 + i]).isEqualTo(1 / (S[i] / 2.0 + r));
        }
    }

    @Test
    void statisticsGrowOnDemandUpToTheCap() {
        GaussianRunModel m = new GaussianRunModel(3, 100, M0, 2.0, S);
        assertThat(m.slotCapacity()).isEqualTo(RunModel.INITIAL_SLOTS);
        m.ensureSlots(9);
        assertThat(m.slotCapacity()).isEqualTo(16);
        m.ensureSlots(102);
        assertThat(m.slotCapacity()).isEqualTo(102);
        assertThatThrownBy(() -> m.ensureSlots(103))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("102");
        assertThat(new GaussianRunModel(3, 2, M0, 2.0, S).slotCapacity()).isEqualTo(4);
    }

    @Test
    void twinsStayExactWhateverTheirCapacities() {
        double[][] xs = series(7, 400);
        Bocpd grown = TaskBeliefs.gaussian(0.01, 0, 300, M0, 2.0, S); // no pruning: slots grow to ~200
        for (int t = 0; t < 200; t++) grown.observe(xs[t], 0);
        Bocpd fresh = TaskBeliefs.gaussian(0.01, 0, 300, M0, 2.0, S);
        fresh.copyStateFrom(grown); // small buffer takes a large state
        Bocpd small = TaskBeliefs.gaussian(0.01, 0, 300, M0, 2.0, S);
        small.observe(xs[0], 0);
        Bocpd big = TaskBeliefs.gaussian(0.01, 0, 300, M0, 2.0, S);
        for (int t = 0; t < 200; t++) big.observe(xs[t], 0);
        big.copyStateFrom(small); // large buffer (stale slots) takes a small state
        Bocpd reference = TaskBeliefs.gaussian(0.01, 0, 300, M0, 2.0, S);
        reference.observe(xs[0], 0);
        double[] p = new double[301];
        double[] q = new double[301];
        for (int t = 200; t < 400; t++) {
            grown.observe(xs[t], 0);
            fresh.observe(xs[t], 0);
            big.observe(xs[t - 199], 0);
            reference.observe(xs[t - 199], 0);
        }
        grown.runLengthPosterior(p);
        fresh.runLengthPosterior(q);
        assertThat(q).isEqualTo(p);
        big.runLengthPosterior(p);
        reference.runLengthPosterior(q);
        assertThat(p).isEqualTo(q);
        assertThat(big.lastLogEvidence()).isEqualTo(reference.lastLogEvidence());
    }

    @Test
    void aPrunedBeliefHoldsMemoryForItsLiveRunLengthsOnlyAndTheExactOneForRMax() {
        int d = 32;
        int rMax = 256;
        double[] m0 = new double[d];
        double[] s = new double[d];
        java.util.Arrays.fill(s, 0.25);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[d];
        Bocpd pruned = TaskBeliefs.gaussian(1.0 / 500, 1e-10, rMax, m0, 1.0, s);
        Bocpd exact = TaskBeliefs.gaussian(1.0 / 500, 0, rMax, m0, 1.0, s);
        long prunedStart = pruned.arrayBytes();
        for (int t = 0; t < 600; t++) {
            double level = t / 40 % 2 == 0 ? 1 : -1; // runs of 40 steps: nothing lives past ~40
            for (int i = 0; i < d; i++) x[i] = level + 0.5 * rnd.nextGaussian();
            pruned.observe(x, 0);
            exact.observe(x, 0);
        }
        // ring and per-slot arrays sized by the longest live run (≤ 64 observations after doubling), not r_max
        assertThat(pruned.arrayBytes())
                .isLessThan(8L * 64 * d * 2 + 8L * 64 * 3)
                .isGreaterThan(prunedStart);
        // exact: every run length up to r_max alive, so r_max observations and r_max + 2 slots
        long exactFloor = 8L * rMax * d + 8L * (rMax + 2) * d;
        assertThat(exact.arrayBytes()).isGreaterThanOrEqualTo(exactFloor);
    }

    @Test
    void theRingKeepsTheSlidingWindowExactWhileItGrows() {
        // r_max 20 with pruning: the MAP run passes the cap while r_max − 1 is pruned, so the window's oldest
        // observation is downdated from a ring that grew 8 → 16 → 20 on the way; a twin copied from a belief with
        // the full ring from the start (r_max 20 reached) and then fed the same data must agree bit for bit
        double[][] xs = series(11, 400);
        Bocpd a = TaskBeliefs.gaussian(0.01, 1e-6, 20, M0, 2.0, S);
        Bocpd b = TaskBeliefs.gaussian(0.01, 1e-6, 20, M0, 2.0, S);
        for (int t = 0; t < 100; t++) a.observe(xs[t], 0);
        b.copyStateFrom(a);
        double[] p = new double[21];
        double[] q = new double[21];
        for (int t = 100; t < 400; t++) {
            a.observe(xs[t], 0);
            b.observe(xs[t], 0);
        }
        a.runLengthPosterior(p);
        b.runLengthPosterior(q);
        assertThat(q).isEqualTo(p);
        // and the window statistics equal a sum of the last 20 observations: the posterior mean of a run at the cap
        assertThat(a.mapRunLength()).isEqualTo(20);
    }

    private static double[][] series(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][3];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < 3; i++) xs[t][i] = (t / 80 % 2 == 0 ? 1 : -1) + Math.sqrt(S[i]) * rnd.nextGaussian();
        }
        return xs;
    }
}
