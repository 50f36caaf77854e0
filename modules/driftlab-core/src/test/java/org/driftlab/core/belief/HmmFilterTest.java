package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HmmFilterTest extends TaskBeliefContract {
    static final double RHO = 0.2;
    static final double[][] MEANS = {{0, 0}, {1.5, -0.5}, {-1, 1}};
    static final double[] S = {0.8, 1.3};

    @Override
    TaskFilter newBelief() {
        return TaskBeliefs.filter(new HmmSpec(RHO), new EvidenceInfo(2, S.clone(), 0, 1, MEANS));
    }

    @Override
    double[][] series(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][2];
        int task = rnd.nextInt(3);
        for (int t = 0; t < steps; t++) {
            if (t == steps / 2) task = (task + 1 + rnd.nextInt(2)) % 3;
            for (int i = 0; i < 2; i++) xs[t][i] = MEANS[task][i] + Math.sqrt(S[i]) * rnd.nextGaussian();
        }
        return xs;
    }

    /**
     * Per step t: P(task_t = k) for k = 0 … K − 1, then E[r_t], then E[r_t · 1{task_t = k}] for k = 0 … K − 1,
     * by enumerating all K^t task paths.
     */
    static double[][] enumerate(double[][] xs) {
        int k = MEANS.length;
        double[][] out = new double[xs.length][2 * k + 1];
        for (int t = 1; t <= xs.length; t++) {
            int paths = (int) Math.pow(k, t);
            double[] lw = new double[paths];
            int[] last = new int[paths];
            int[] run = new int[paths];
            for (int code = 0; code < paths; code++) {
                int c = code;
                double w = -Math.log(k);
                int prev = -1, r = 0;
                for (int u = 0; u < t; u++) {
                    int task = c % k;
                    c /= k;
                    if (prev >= 0) w += task == prev ? Math.log1p(-RHO) : Math.log(RHO / (k - 1));
                    r = task == prev ? r + 1 : 1;
                    for (int i = 0; i < 2; i++) {
                        double e = xs[u][i] - MEANS[task][i];
                        w += -0.5 * Math.log(2 * Math.PI * S[i]) - e * e / (2 * S[i]);
                    }
                    prev = task;
                }
                lw[code] = w;
                last[code] = prev;
                run[code] = r;
            }
            double total = LogSpace.logSumExp(lw, paths);
            for (int code = 0; code < paths; code++) {
                double p = Math.exp(lw[code] - total);
                out[t - 1][last[code]] += p;
                out[t - 1][k] += p * run[code];
                out[t - 1][k + 1 + last[code]] += p * run[code];
            }
        }
        return out;
    }

    @Override
    double[][] reference(double[][] xs, int window) {
        double[][] e = enumerate(xs);
        int assumed = argmax(e[0]);
        double[][] out = new double[xs.length][2];
        for (int t = 0; t < xs.length; t++) {
            out[t][0] = e[t][MEANS.length];
            out[t][1] = 1 - e[t][assumed];
        }
        return out;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < MEANS.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    @Test
    void taskPosteriorEqualsPathEnumeration() {
        for (long seed = 1; seed <= 3; seed++) {
            double[][] xs = series(seed, SHORT);
            double[][] ref = enumerate(xs);
            TaskFilter f = newBelief();
            for (int k = 0; k < 3; k++) assertThat(f.taskProbability(k)).isEqualTo(1.0 / 3);
            for (int t = 0; t < SHORT; t++) {
                f.observe(xs[t], 0);
                for (int k = 0; k < 3; k++) {
                    assertThat(f.taskProbability(k))
                            .as("seed %d, t %d, task %d", seed, t + 1, k)
                            .isCloseTo(ref[t][k], within(1e-12));
                }
                assertThat(f.mapTask()).isEqualTo(argmax(ref[t]));
            }
        }
    }

    @Test
    void afterAResetTheAssumedTaskIsTheMapTaskThen() {
        double[][] xs = series(5, SHORT);
        TaskFilter f = newBelief();
        for (int t = 0; t < 4; t++) f.observe(xs[t], 0);
        int assumed = f.mapTask();
        f.markReset();
        for (int t = 4; t < SHORT; t++) {
            f.observe(xs[t], 0);
            assertThat(f.pChange(1)).isCloseTo(1 - f.taskProbability(assumed), within(1e-15));
        }
    }

    @Test
    void perTaskMeanRunLengthEqualsPathEnumeration() {
        for (long seed = 1; seed <= 3; seed++) {
            double[][] xs = series(seed, SHORT);
            double[][] ref = enumerate(xs);
            TaskFilter f = newBelief();
            assertThat(f.meanRunLength(1)).isEqualTo(1.0); // before any observation
            for (int t = 0; t < SHORT; t++) {
                f.observe(xs[t], 0);
                for (int k = 0; k < 3; k++) {
                    double expected = Math.max(1, ref[t][4 + k] / ref[t][k]);
                    assertThat(f.meanRunLength(k))
                            .as("seed %d, t %d, task %d", seed, t + 1, k)
                            .isCloseTo(expected, within(1e-9 * expected));
                }
            }
        }
    }

    @Test
    void mapRunLengthCountsStepsTheMapTaskHasHeld() {
        double[][] xs = series(8, 40);
        TaskFilter f = newBelief();
        int previous = -1, run = 0;
        for (double[] x : xs) {
            f.observe(x, 0);
            run = f.mapTask() == previous ? run + 1 : 1;
            previous = f.mapTask();
            assertThat(f.mapRunLength()).isEqualTo(run);
            assertThat(f.meanRunLength()).isBetween(1.0, (double) f.steps());
        }
    }

    @Test
    void factoryChecksShapes() {
        HmmSpec spec = new HmmSpec(RHO);
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(2, S, 0, 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task means");
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(2, S, 0, 1, new double[][] {{0, 0}, {1}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskMeans[1]");
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(2, S, 0, 1, new double[][] {{0, 0}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> TaskBeliefs.create(spec, new EvidenceInfo(2, null, 0, 1, MEANS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise");
        assertThatThrownBy(() -> TaskBeliefs.create(new NoBeliefSpec(), new EvidenceInfo(2, S, 0, 1, MEANS)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
