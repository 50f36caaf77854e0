package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.driftlab.core.belief.BruteForce;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;
import org.jblas.DoubleMatrix;
import org.jblas.Solve;
import org.junit.jupiter.api.Test;

class IdealObserverTest {
    static final double HAZARD = 0.15;
    static final double SIGMA2 = 0.6;
    static final PriorSpec PRIOR = new PriorSpec(0.7, 1.3);

    /** A quadratic task with a settable optimum. */
    static final class Task implements TaskView {
        final Hessian h;
        final double[] wStar;

        Task(Hessian h) {
            this.h = h;
            this.wStar = new double[h.dim()];
        }

        @Override
        public int dim() {
            return h.dim();
        }

        @Override
        public void trueGradient(double[] theta, double[] out) {
            double[] diff = new double[theta.length];
            for (int i = 0; i < diff.length; i++) diff[i] = theta[i] - wStar[i];
            h.multiply(diff, out);
        }

        @Override
        public Hessian hessian() {
            return h;
        }

        @Override
        public double gradientNoiseVariance() {
            return SIGMA2;
        }

        @Override
        public PriorSpec prior() {
            return PRIOR;
        }
    }

    static Hessian rotated() {
        double a = 0.6;
        DoubleMatrix q = new DoubleMatrix(new double[][] {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}});
        return Hessian.rotated(new double[] {2.0, 0.5}, q);
    }

    /** Runs the rule on a switching stream (a new optimum every 4 steps); returns {evidence z_t, θ_{t+1}} per step. */
    static double[][][] run(LearningRule rule, Task task, long seed, int steps) {
        return run(rule, task, task, seed, steps, 4, t -> {});
    }

    /**
     * As {@link #run(LearningRule, Task, long, int)} with a new optimum every {@code period} steps, announced to
     * {@code onSwitch} with its step, the rule seeing the task through {@code view}.
     */
    static double[][][] run(
            LearningRule rule,
            Task task,
            TaskView view,
            long seed,
            int steps,
            int period,
            java.util.function.LongConsumer onSwitch) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = task.dim();
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) theta[i] = PRIOR.mean() + PRIOR.std() * rnd.nextGaussian();
        double[] g = new double[d];
        DoubleMatrix dense = task.h.dense();
        double[][][] out = new double[steps][2][];
        for (int t = 0; t < steps; t++) {
            if (t % period == 0) {
                for (int i = 0; i < d; i++) task.wStar[i] = PRIOR.mean() + PRIOR.std() * rnd.nextGaussian();
                onSwitch.accept(t);
            }
            task.trueGradient(theta, g);
            for (int i = 0; i < d; i++) g[i] += Math.sqrt(SIGMA2) * rnd.nextGaussian();
            DoubleMatrix solved = Solve.solve(dense, new DoubleMatrix(g));
            double[] z = new double[d];
            for (int i = 0; i < d; i++) z[i] = theta[i] - solved.get(i);
            rule.step(theta, g, view);
            out[t][0] = z;
            out[t][1] = theta.clone();
        }
        return out;
    }

    private static void matchesBruteForce(Hessian h) {
        int steps = 10, d = h.dim();
        Task task = new Task(h);
        LearningRule rule = new IdealObserverSpec(HAZARD, 0, steps).newRule(d, 1.0);
        double[][][] trace = run(rule, task, 3, steps);
        DoubleMatrix q = h.isDiagonal() ? DoubleMatrix.eye(d) : h.basis();
        double[][] ys = new double[steps][];
        for (int t = 0; t < steps; t++)
            ys[t] = q.transpose().mmul(new DoubleMatrix(trace[t][0])).toArray();
        double[] m0 = q.transpose().mmul(DoubleMatrix.ones(d).mul(PRIOR.mean())).toArray();
        double[] s = new double[d];
        for (int i = 0; i < d; i++) s[i] = SIGMA2 / (h.eigenvalues()[i] * h.eigenvalues()[i]);
        double v0 = PRIOR.std() * PRIOR.std();
        double[][] post = BruteForce.runLengthPosteriors(steps, HAZARD, BruteForce.gaussian(ys, m0, v0, s));
        for (int t = 1; t <= steps; t++) {
            double[] mean = BruteForce.posteriorMean(post[t - 1], t, BruteForce.gaussianMean(ys, m0, v0, s));
            double[] expected = q.mmul(new DoubleMatrix(mean)).toArray();
            for (int i = 0; i < d; i++) {
                assertThat(trace[t - 1][1][i]).as("t %d, i %d", t, i).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @Test
    void weightsAreTheBruteForcePosteriorMeanWithADiagonalHessian() {
        matchesBruteForce(Hessian.diagonal(new double[] {1.0, 4.0, 0.5}));
    }

    @Test
    void weightsAreTheBruteForcePosteriorMeanWithARotatedHessian() {
        matchesBruteForce(rotated());
    }

    @Test
    void resetIsIndistinguishableFromFresh() {
        IdealObserverSpec spec = new IdealObserverSpec(HAZARD, 1e-10, 50);
        LearningRule used = spec.newRule(2, 1.0);
        run(used, new Task(rotated()), 1, 20);
        used.reset();
        double[][][] a = run(used, new Task(rotated()), 2, 20);
        double[][][] b = run(spec.newRule(2, 1.0), new Task(rotated()), 2, 20);
        for (int t = 0; t < 20; t++) assertThat(a[t][1]).isEqualTo(b[t][1]);
    }

    @Test
    void stepAllocatesNothing() {
        Task task = new Task(rotated());
        LearningRule rule = new IdealObserverSpec(HAZARD, 1e-10, 100).newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] g = {0.3, -0.4};
        for (int t = 0; t < 300; t++) rule.step(theta, g, task);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int t = 0; t < 100; t++) rule.step(theta, g, task);
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 100 steps").isLessThan(100);
        assertThat(theta[0]).isFinite();
    }

    @Test
    void copyStateFromMakesTwins() {
        IdealObserverSpec spec = new IdealObserverSpec(HAZARD, 1e-10, 50);
        Task task = new Task(rotated());
        LearningRule a = spec.newRule(2, 1.0);
        run(a, task, 4, 15);
        LearningRule b = spec.newRule(2, 1.0);
        b.copyStateFrom(a);
        double[] ta = {0.3, -0.2};
        double[] tb = ta.clone();
        double[] g = {0.5, 1.5};
        for (int t = 0; t < 5; t++) {
            a.step(ta, g, task);
            b.step(tb, g, task);
            assertThat(tb).isEqualTo(ta);
        }
        assertThatThrownBy(() -> b.copyStateFrom(new IdealObserverSpec(0.2, 1e-10, 50).newRule(2, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
