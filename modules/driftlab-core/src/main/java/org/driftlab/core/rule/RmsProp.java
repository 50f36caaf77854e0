package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.stream.TaskView;

/** PyTorch RMSprop without momentum or centering (see {@link RmsPropSpec}). v: the square average. */
final class RmsProp implements LearningRule {
    private final RmsPropSpec spec;
    private final double[] v;

    RmsProp(RmsPropSpec spec, int dim) {
        this.spec = spec;
        this.v = new double[Rules.checkedDim(dim)];
    }

    @Override
    public int dim() {
        return v.length;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(v.length, theta, g);
        double alpha = spec.alpha();
        double lr = spec.lr();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * alpha + (1 - alpha) * g[i] * g[i];
            double avg = Math.sqrt(v[i]) + spec.eps();
            theta[i] += -lr * (g[i] / avg); // addcdiv_: θ + value·(g/avg)
        }
    }

    @Override
    public void reset() {
        Arrays.fill(v, 0.0);
    }

    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(v.length, from, to);
        Arrays.fill(v, from, to, 0.0);
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        RmsProp o = Rules.twin(RmsProp.class, this, spec, other, r -> r.spec);
        System.arraycopy(o.v, 0, v, 0, v.length);
    }
}
