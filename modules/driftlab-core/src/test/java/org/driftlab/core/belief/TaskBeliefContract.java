package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TaskBelief} meets (STYLE C5): exact = brute force on a short series; reset is
 * indistinguishable from fresh; p_change semantics (0 right after a reset, in [0, 1], nondecreasing in w);
 * offsets honoured and the input untouched. One subclass per implementation.
 */
abstract class TaskBeliefContract {
    static final int SHORT = 10;

    /** A fresh belief with exact inference (no pruning, r_max ≥ the short series). */
    abstract TaskBelief newBelief();

    /** A seeded series of {@code steps} observations (rows of the belief's width) with at least one switch. */
    abstract double[][] series(long seed, int steps);

    /** Per step t: {mean run length, p_change(window)} computed by brute-force enumeration. */
    abstract double[][] reference(double[][] xs, int window);

    @Test
    void matchesBruteForceOnAShortSeries() {
        for (long seed = 1; seed <= 3; seed++) {
            double[][] xs = series(seed, SHORT);
            for (int window : new int[] {1, 3, SHORT}) {
                double[][] ref = reference(xs, window);
                TaskBelief b = newBelief();
                for (int t = 0; t < SHORT; t++) {
                    b.observe(xs[t], 0);
                    assertThat(b.meanRunLength())
                            .as("mean run length, seed %d, t %d", seed, t + 1)
                            .isCloseTo(ref[t][0], within(1e-9));
                    assertThat(b.pChange(window))
                            .as("p_change(%d), seed %d, t %d", window, seed, t + 1)
                            .isCloseTo(ref[t][1], within(1e-9));
                }
            }
        }
    }

    @Test
    void resetIsIndistinguishableFromFresh() {
        double[][] first = series(11, SHORT);
        double[][] second = series(12, SHORT);
        TaskBelief used = newBelief();
        for (double[] x : first) used.observe(x, 0);
        used.markReset();
        used.reset();
        TaskBelief fresh = newBelief();
        assertThat(used.steps()).isZero();
        for (double[] x : second) {
            used.observe(x, 0);
            fresh.observe(x, 0);
            assertThat(used.meanRunLength()).isEqualTo(fresh.meanRunLength());
            assertThat(used.mapRunLength()).isEqualTo(fresh.mapRunLength());
            assertThat(used.pChange(4)).isEqualTo(fresh.pChange(4));
            assertThat(used.steps()).isEqualTo(fresh.steps());
        }
    }

    @Test
    void pChangeIsZeroRightAfterAResetAndAProbabilityNondecreasingInTheWindow() {
        double[][] xs = series(21, SHORT);
        TaskBelief b = newBelief();
        for (int w = 1; w <= SHORT; w++)
            assertThat(b.pChange(w)).as("before any observation").isZero();
        for (int t = 0; t < SHORT; t++) {
            b.observe(xs[t], 0);
            double previous = 0;
            for (int w = 1; w <= SHORT + 2; w++) {
                double p = b.pChange(w);
                assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous - 1e-15);
                previous = p;
            }
            if (t == SHORT / 2) {
                b.markReset();
                for (int w = 1; w <= SHORT; w++)
                    assertThat(b.pChange(w)).as("right after markReset").isZero();
                assertThat(b.steps()).as("markReset does not rewind steps").isEqualTo(t + 1);
            }
        }
        assertThatThrownBy(() -> b.pChange(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void observeAllocatesNothing() {
        double[][] xs = series(41, 400);
        TaskBelief b = newBelief();
        for (int t = 0; t < 300; t++) b.observe(xs[t], 0);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        double sink = 0;
        for (int t = 300; t < 400; t++) {
            b.observe(xs[t], 0);
            sink += b.pChange(3) + b.meanRunLength() + b.mapRunLength();
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertThat(sink).isFinite();
        assertThat(allocated).as("bytes allocated by 100 steps").isLessThan(100);
    }

    @Test
    void readsAtTheOffsetAndLeavesTheInputAlone() {
        double[][] xs = series(31, SHORT);
        TaskBelief plain = newBelief();
        TaskBelief shifted = newBelief();
        int w = plain.width();
        for (double[] x : xs) {
            double[] padded = new double[w + 3];
            Arrays.fill(padded, 1e6);
            System.arraycopy(x, 0, padded, 2, w);
            double[] before = padded.clone();
            plain.observe(x, 0);
            shifted.observe(padded, 2);
            assertThat(padded).isEqualTo(before);
            assertThat(shifted.meanRunLength()).isEqualTo(plain.meanRunLength());
            assertThat(shifted.pChange(3)).isEqualTo(plain.pChange(3));
        }
        assertThat(plain.steps()).isEqualTo(SHORT);
        assertThatThrownBy(() -> plain.observe(new double[w], 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
