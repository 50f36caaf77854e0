package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.stream.TaskView;

/** PyTorch SGD with momentum, dampening 0 (see {@link MomentumSpec}). b: the momentum buffer. */
final class Momentum implements LearningRule {
    private final MomentumSpec spec;
    private final double[] b;
    private boolean started; // PyTorch's buffer is None until the first step, which sets b ← g

    Momentum(MomentumSpec spec, int dim) {
        this.spec = spec;
        this.b = new double[Rules.checkedDim(dim)];
    }

    @Override
    public int dim() {
        return b.length;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(b.length, theta, g);
        double lr = spec.lr();
        double mu = spec.momentum();
        for (int i = 0; i < b.length; i++) {
            b[i] = started ? mu * b[i] + g[i] : g[i];
            double d = spec.nesterov() ? g[i] + mu * b[i] : b[i];
            theta[i] += -lr * d;
        }
        started = true;
    }

    @Override
    public void reset() {
        Arrays.fill(b, 0.0);
        started = false;
    }

    /** b_i ← 0: the next step sets b_i = μ·0 + g_i = g_i, as a fresh buffer would. */
    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(b.length, from, to);
        Arrays.fill(b, from, to, 0.0);
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        Momentum o = Rules.twin(Momentum.class, this, spec, other, r -> r.spec);
        System.arraycopy(o.b, 0, b, 0, b.length);
        started = o.started;
    }
}
