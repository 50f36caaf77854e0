package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.stream.TaskView;

/**
 * PyTorch Adam/AdamW (single-tensor path), operation for operation: m.lerp_(g, 1 − β1);
 * v ← β2 v + (1 − β2) g²; denom = √v / √(1 − β2ᵗ) + ε; θ ← θ + (−lr/(1 − β1ᵗ))·m / denom.
 * m, v: moments (length dim); t: steps since build or reset.
 *
 * <p>Entries reset by {@link #resetEntries} keep their own step count t − born_i (born_i: the value of t at
 * their reset), as in Dohare et al.'s AdamGnT, so their bias correction restarts; entries never reset use t
 * itself and the arithmetic above unchanged.
 */
final class Adam implements LearningRule {
    private final AdamSpec spec;
    private final double[] m;
    private final double[] v;
    private final long[] born; // t at the entry's last resetEntries (0: never, or only whole resets)
    private boolean anyBorn; // some born_i != 0
    private long t;

    Adam(AdamSpec spec, int dim) {
        this.spec = spec;
        this.m = new double[Rules.checkedDim(dim)];
        this.v = new double[dim];
        this.born = new long[dim];
    }

    @Override
    public int dim() {
        return m.length;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(m.length, theta, g);
        t++;
        double lr = spec.lr();
        double beta1 = spec.beta1();
        double beta2 = spec.beta2();
        double wd = spec.weightDecay();
        double weight = 1 - beta1;
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        boolean decoupled = spec.decoupled();
        for (int i = 0; i < m.length; i++) {
            double gi = g[i];
            if (wd != 0) {
                if (decoupled) theta[i] *= 1 - lr * wd;
                else gi = gi + wd * theta[i];
            }
            // torch.lerp: start + w·(end − start) for w < 0.5, else end − (end − start)·(1 − w)
            m[i] = weight < 0.5 ? m[i] + weight * (gi - m[i]) : gi - (gi - m[i]) * (1 - weight);
            v[i] = v[i] * beta2 + (1 - beta2) * gi * gi;
            double entryStepSize = stepSize;
            double entryCorrection2Sqrt = biasCorrection2Sqrt;
            if (anyBorn && born[i] != 0) {
                long ti = t - born[i];
                entryStepSize = lr / (1 - Math.pow(beta1, ti));
                entryCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, ti));
            }
            double denom = Math.sqrt(v[i]) / entryCorrection2Sqrt + spec.eps();
            theta[i] += -entryStepSize * (m[i] / denom); // addcdiv_: θ + value·(m/denom)
        }
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        Arrays.fill(born, 0L);
        anyBorn = false;
        t = 0;
    }

    /** m_i, v_i ← 0 and entry i's step count restarts (born_i ← t). */
    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(m.length, from, to);
        Arrays.fill(m, from, to, 0.0);
        Arrays.fill(v, from, to, 0.0);
        Arrays.fill(born, from, to, t);
        if (t != 0 && from < to) anyBorn = true;
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        Adam o = Rules.twin(Adam.class, this, spec, other, r -> r.spec);
        System.arraycopy(o.m, 0, m, 0, m.length);
        System.arraycopy(o.v, 0, v, 0, v.length);
        System.arraycopy(o.born, 0, born, 0, born.length);
        anyBorn = o.anyBorn;
        t = o.t;
    }
}
