package org.driftlab.core.reset;

import java.util.Arrays;
import org.driftlab.core.random.Rng;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;

/**
 * The state and step of continual backprop for one hidden layer: per-unit utility u_j and age a_j, and the
 * accumulated number of replacements c. Confined to one learner; {@link #afterStep} and {@link #copyStateFrom}
 * allocate nothing.
 *
 * <p><b>Continual backprop</b> (Dohare et al. 2024, Algorithm 1; one hidden layer of H units, after the rule's
 * update at step t, h_j = σ(z_j) the unit's activation on step t's example at θ_t, v_j its outgoing weight
 * after the update):
 * <pre>
 *   for every unit j:  a_j ← a_j + 1;   u_j ← η·u_j + (1 − η)·|h_j|·|v_j|          (Eq. 1, one output unit)
 *   n_eligible = #{j : a_j &gt; maturity};   if n_eligible = 0: stop
 *   c ← c + ρ·n_eligible;   k = ⌊c⌋;   c ← c − k
 *   replace the k eligible units of lowest u_j (ties: lowest index), in index order:
 *     unit j's input weights (its row of W, bias included) ← a draw from the init distribution (POLICY),
 *     v_j ← 0,   u_j ← 0,   a_j ← 0,   the rule's state of those entries reset (LearningRule#resetEntries)
 * </pre>
 * The utility is Eq. (1) as printed (no bias correction): the authors' code ranks u_j/(1 − η^{a_j}) instead and
 * also adds the replaced unit's mean contribution to the output bias; neither is done here. ⌊c⌋ with c ≥ 1 is
 * the code's {@code accumulate} variant of Algorithm 1's "if c &gt; 1 replace one". Each step with at least one
 * replacement is one reset event (effective at t + 1). The whole rule state is never reset by this policy.
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
            throw new IllegalArgumentException(
                    "init distribution has dim " + init.dim() + " but the MLP has " + layout.dim());
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
