package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;
import org.jblas.DoubleMatrix;
import org.jblas.Solve;
import org.junit.jupiter.api.Test;

class SwitchAwareObserverTest {
    static final int PERIOD = 5;
    static final double HAZARD = 0.2;

    /** {@link IdealObserverTest.Task} (switching every 4 steps there) with the switch times known: every PERIOD steps. */
    static final class KnownSwitches implements TaskView {
        final IdealObserverTest.Task task;
        long start;

        KnownSwitches(Hessian h) {
            task = new IdealObserverTest.Task(h);
        }

        @Override
        public int dim() {
            return task.dim();
        }

        @Override
        public void trueGradient(double[] theta, double[] out) {
            task.trueGradient(theta, out);
        }

        @Override
        public Hessian hessian() {
            return task.hessian();
        }

        @Override
        public double gradientNoiseVariance() {
            return task.gradientNoiseVariance();
        }

        @Override
        public PriorSpec prior() {
            return task.prior();
        }

        @Override
        public long taskStart() {
            return start;
        }
    }

    /** Runs {@code steps} steps, a fresh optimum every PERIOD steps; returns {z_t, θ_{t+1}} per step. */
    static double[][][] run(LearningRule rule, KnownSwitches view, long seed, int steps) {
        return IdealObserverTest.run(rule, view.task, view, seed, steps, PERIOD, t -> view.start = t);
    }

    /**
     * The conjugate posterior computed in θ-space with dense matrices (not the rule's eigenbasis): z ~ N(w*, σ²H⁻²)
     * i.i.d. since the switch, w* ~ N(μ0·1, σ0² I) ⇒ precision P = I/σ0² + k H²/σ², mean = P⁻¹(μ0·1/σ0² + H² Σz / σ²);
     * the prediction for the next step is (1 − ρ)·mean + ρ·μ0·1.
     */
    private static void matchesDensePosterior(Hessian h) {
        int steps = 3 * PERIOD + 2;
        int d = h.dim();
        KnownSwitches view = new KnownSwitches(h);
        double[][][] trace = run(new SwitchAwareObserverSpec(HAZARD).newRule(d, 1.0), view, 11, steps);
        DoubleMatrix h2 = h.dense().mmul(h.dense()).div(IdealObserverTest.SIGMA2);
        double v0 = IdealObserverTest.PRIOR.std() * IdealObserverTest.PRIOR.std();
        DoubleMatrix prior = DoubleMatrix.ones(d).mul(IdealObserverTest.PRIOR.mean() / v0);
        for (int t = 0; t < steps; t++) {
            int from = t - t % PERIOD;
            DoubleMatrix sum = DoubleMatrix.zeros(d);
            for (int s = from; s <= t; s++) sum.addi(new DoubleMatrix(trace[s][0]));
            DoubleMatrix precision = DoubleMatrix.eye(d).div(v0).add(h2.mul(t - from + 1));
            double[] expected = Solve.solve(precision, prior.add(h2.mmul(sum)))
                    .mul(1 - HAZARD)
                    .add(HAZARD * IdealObserverTest.PRIOR.mean())
                    .toArray();
            for (int i = 0; i < d; i++) {
                assertThat(trace[t][1][i]).as("t %d, i %d", t, i).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @Test
    void weightsPredictFromTheConjugatePosteriorSinceTheSwitchWithADiagonalHessian() {
        matchesDensePosterior(Hessian.diagonal(new double[] {1.0, 4.0, 0.5}));
    }

    @Test
    void weightsPredictFromTheConjugatePosteriorSinceTheSwitchWithARotatedHessian() {
        matchesDensePosterior(IdealObserverTest.rotated());
    }

    @Test
    void resetAndCopyStateFromGiveTwins() {
        SwitchAwareObserverSpec spec = new SwitchAwareObserverSpec(HAZARD);
        LearningRule used = spec.newRule(2, 1.0);
        run(used, new KnownSwitches(IdealObserverTest.rotated()), 1, 12);
        used.reset();
        double[][][] a = run(used, new KnownSwitches(IdealObserverTest.rotated()), 2, 12);
        double[][][] b = run(spec.newRule(2, 1.0), new KnownSwitches(IdealObserverTest.rotated()), 2, 12);
        for (int t = 0; t < 12; t++) assertThat(a[t][1]).isEqualTo(b[t][1]);

        KnownSwitches view = new KnownSwitches(IdealObserverTest.rotated());
        LearningRule c = spec.newRule(2, 1.0);
        run(c, view, 3, 7);
        LearningRule twin = spec.newRule(2, 1.0);
        twin.copyStateFrom(c);
        double[] tc = {0.3, -0.2};
        double[] tt = tc.clone();
        double[] g = {0.5, 1.5};
        c.step(tc, g, view);
        twin.step(tt, g, view);
        assertThat(tt).isEqualTo(tc);
    }

    @Test
    void stepAllocatesNothing() {
        KnownSwitches view = new KnownSwitches(IdealObserverTest.rotated());
        LearningRule rule = new SwitchAwareObserverSpec(HAZARD).newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] g = {0.3, -0.4};
        for (int t = 0; t < 300; t++) rule.step(theta, g, view);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // the least of three measurements: a stray allocation of the JVM's own (a JIT transition) can fall into one
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = mx.getThreadAllocatedBytes(id);
            for (int t = 0; t < 100; t++) {
                view.start = t / 10;
                rule.step(theta, g, view);
            }
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        assertThat(least).as("bytes allocated by 100 steps").isLessThan(100);
        assertThat(theta[0]).isFinite();
    }
}
