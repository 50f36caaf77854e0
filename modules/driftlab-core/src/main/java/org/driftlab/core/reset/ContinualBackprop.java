package org.driftlab.core.reset;

import java.util.Arrays;
import org.driftlab.core.random.Rng;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;

/**
 * The state and step of continual backprop for one hidden layer (see {@link ResetPolicy} for the procedure):
 * per-unit utility u_j and age a_j, and the accumulated number of replacements c. Confined to one learner;
 * {@link #afterStep} and {@link #copyStateFrom} allocate nothing.
 */
final class ContinualBackprop {
    private final ContinualBackpropSpec spec;
    private final HiddenLayer layer;
    private final MlpLayout layout;
    private final InitDistribution init;
    private final double[] utility;
    private final long[] age;
    private final boolean[] chosen;
    private double accumulated;

    ContinualBackprop(ContinualBackpropSpec spec, HiddenLayer layer, InitDistribution init) {
        this.spec = spec;
        this.layer = layer;
        this.layout = layer.layout();
        this.init = init;
        if (init.dim() != layout.dim()) {
            throw new IllegalArgumentException("init distribution has dim " + init.dim() + " but the MLP has " + layout.dim());
        }
        int units = layout.hidden();
        this.utility = new double[units];
        this.age = new long[units];
        this.chosen = new boolean[units];
    }

    /**
     * One step of Algorithm 1 after the rule's update of θ: ages, utilities, then replacements. Modifies
     * {@code theta} (replaced units' weights), the rule's state of those entries, and draws from {@code rng}.
     * Returns the number of units replaced.
     */
    int afterStep(double[] theta, LearningRule rule, Rng rng) {
        double[] h = layer.activations();
        int units = utility.length;
        double eta = spec.decay();
        int eligible = 0;
        for (int j = 0; j < units; j++) {
            age[j]++;
            utility[j] = eta * utility[j] + (1 - eta) * Math.abs(h[j]) * Math.abs(theta[layout.outputWeight(j)]);
            if (age[j] > spec.maturityThreshold()) eligible++;
        }
        if (eligible == 0) return 0;
        accumulated += spec.replacementRate() * eligible;
        if (accumulated < 1) return 0;
        int replace = (int) accumulated; // ≤ eligible, since c < 1 before the addition and ρ ≤ 1
        accumulated -= replace;
        Arrays.fill(chosen, false);
        for (int r = 0; r < replace; r++) {
            int worst = -1;
            for (int j = 0; j < units; j++) {
                if (chosen[j] || age[j] <= spec.maturityThreshold()) continue;
                if (worst < 0 || utility[j] < utility[worst]) worst = j; // ties: the lowest index
            }
            chosen[worst] = true;
        }
        for (int j = 0; j < units; j++) {
            if (chosen[j]) replaceUnit(j, theta, rule, rng);
        }
        return replace;
    }

    private void replaceUnit(int j, double[] theta, LearningRule rule, Rng rng) {
        int from = layout.inputWeightsFrom(j);
        int to = layout.inputWeightsTo(j);
        for (int i = from; i < to; i++) theta[i] = init.draw(i, rng);
        int out = layout.outputWeight(j);
        theta[out] = 0.0;
        rule.resetEntries(from, to);
        rule.resetEntries(out, out + 1);
        utility[j] = 0.0;
        age[j] = 0;
    }

    double utility(int j) {
        return utility[j];
    }

    long age(int j) {
        return age[j];
    }

    double accumulated() {
        return accumulated;
    }

    void copyStateFrom(ContinualBackprop other) {
        System.arraycopy(other.utility, 0, utility, 0, utility.length);
        System.arraycopy(other.age, 0, age, 0, age.length);
        accumulated = other.accumulated;
    }
}
