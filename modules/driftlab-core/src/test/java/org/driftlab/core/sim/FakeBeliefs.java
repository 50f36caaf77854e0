package org.driftlab.core.sim;

import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.FakeBelief;
import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskFilter;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.TaskStream;

/**
 * Simple deterministic stand-ins for task beliefs, so that the monitor's decisions and the rollback
 * protocol can be tested apart from the real models. They depend on the evidence (so a wrong replay shows).
 */
final class FakeBeliefs {
    private FakeBeliefs() {}

    /** A monitor for {@code spec} whose belief is {@code belief}. */
    static BeliefMonitor monitor(RunSpec spec, TaskBelief belief) {
        return new BeliefMonitor(
                spec,
                belief,
                belief.width(),
                TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed())));
    }

    /** p_change = min(1, |x₀ − mean of x₀ since the last reset| / scale); 0 right after a reset. */
    static final class Surprise extends FakeBelief {
        private final int width;
        private final double scale;
        private long sinceReset;
        private double mean;

        Surprise(int width, double scale) {
            this.width = width;
            this.scale = scale;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public void observe(double[] x, int offset) {
            steps++;
            sinceReset++;
            double v = x[offset];
            mean += (v - mean) / sinceReset;
            p = Math.min(1.0, Math.abs(v - mean) / scale);
        }

        @Override
        public int mapRunLength() {
            return (int) sinceReset;
        }

        @Override
        public double meanRunLength() {
            return sinceReset;
        }

        @Override
        public void markReset() {
            sinceReset = 0;
            mean = 0;
            super.markReset();
        }

        @Override
        public void reset() {
            super.reset();
            markReset();
        }
    }

    /** p_change read from the evidence itself: observation x[offset] is the p_change to report. */
    static class Scripted extends FakeBelief {
        int markResets;

        @Override
        public void observe(double[] x, int offset) {
            steps++;
            p = x[offset];
        }

        @Override
        public void markReset() {
            markResets++;
            super.markReset();
        }
    }

    /** A memoryless task filter: P(task = k | x) ∝ exp(−Σ_i (x_i − μ_k,i)² / (2 σ_i²)) for the latest x only. */
    static final class Nearest extends FakeBelief implements TaskFilter {
        private final EvidenceInfo info;
        private final double[] posterior;

        Nearest(EvidenceInfo info) {
            this.info = info;
            this.posterior = new double[info.taskMeans().length];
        }

        static Nearest forRun(RunSpec spec) {
            return new Nearest(BeliefMonitor.evidenceInfo(spec));
        }

        @Override
        public int width() {
            return info.width();
        }

        @Override
        public void observe(double[] x, int offset) {
            steps++;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < posterior.length; k++) {
                double s = 0;
                for (int i = 0; i < info.width(); i++) {
                    double d = x[offset + i] - info.taskMeans()[k][i];
                    s -= d * d / (2 * info.noiseVar()[i]);
                }
                posterior[k] = s;
                max = Math.max(max, s);
            }
            double z = 0;
            for (int k = 0; k < posterior.length; k++) z += posterior[k] = Math.exp(posterior[k] - max);
            for (int k = 0; k < posterior.length; k++) posterior[k] /= z;
        }

        @Override
        public int tasks() {
            return posterior.length;
        }

        @Override
        public double taskProbability(int k) {
            return posterior[k];
        }

        @Override
        public int mapTask() {
            int best = 0;
            for (int k = 1; k < posterior.length; k++) if (posterior[k] > posterior[best]) best = k;
            return best;
        }
    }
}
