package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.stream.TaskView;

/** The ballistic rule (see {@link BallisticSpec}): no bias correction, ε inside the root. v: second moment. */
final class Ballistic implements LearningRule {
    private final BallisticSpec spec;
    private final double[] v;

    Ballistic(BallisticSpec spec, int dim) {
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
        double beta2 = spec.beta2();
        for (int i = 0; i < v.length; i++) {
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            theta[i] -= spec.lr() * g[i] / Math.sqrt(v[i] + spec.eps());
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
        Ballistic o = Rules.twin(Ballistic.class, this, spec, other, r -> r.spec);
        System.arraycopy(o.v, 0, v, 0, v.length);
    }
}
