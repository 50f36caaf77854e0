package org.driftlab.core.rule;

import org.driftlab.core.stream.TaskView;

/** θ ← θ − lr·g. Stateless. */
final class Sgd implements LearningRule {
    private final SgdSpec spec;
    private final int dim;

    Sgd(SgdSpec spec, int dim) {
        this.spec = spec;
        this.dim = Rules.checkedDim(dim);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(dim, theta, g);
        double lr = spec.lr();
        for (int i = 0; i < dim; i++) theta[i] -= lr * g[i];
    }

    @Override
    public void reset() {}

    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(dim, from, to); // stateless
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        Rules.twin(Sgd.class, this, spec, other, r -> r.spec);
    }
}
