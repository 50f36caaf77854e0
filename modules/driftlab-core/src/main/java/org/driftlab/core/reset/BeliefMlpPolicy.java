package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;

/**
 * {@link BeliefMlpSpec} at run time: the belief side orders a reset when p_change(window) &gt; τ; the learner
 * side keeps the hidden units' contribution utilities (every step, unit scope only) and re-initialises the
 * spec's scope when ordered. Allocates nothing but the order.
 */
final class BeliefMlpPolicy extends AbstractResetPolicy {
    private final BeliefMlpSpec spec;
    private final HiddenLayer layer;
    private final MlpLayout layout;
    private final InitDistribution init;
    private final double[] utility;
    private final boolean[] chosen;
    private final int units;

    BeliefMlpPolicy(BeliefMlpSpec spec, ResetContext context) {
        super(spec, context);
        if (context.hiddenLayer() == null) {
            throw new IllegalArgumentException(
                    "belief-mlp resets parts of an MLP learner: it needs a slowly-changing-regression stream");
        }
        this.spec = spec;
        this.layer = context.hiddenLayer();
        this.layout = layer.layout();
        this.init = context.init();
        this.utility = new double[layout.hidden()];
        this.chosen = new boolean[layout.hidden()];
        this.units = Math.min(layout.hidden(), (int) Math.ceil(spec.fraction() * layout.hidden()));
    }

    @Override
    public int window(int detectionWindow) {
        return spec.window();
    }

    @Override
    public ResetOrder onBelief(long step, double pChange, TaskBelief belief) {
        return pChange > spec.tau() ? order(step, 1.0, belief, spec.window()) : null;
    }

    @Override
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        if (spec.scope() != MlpResetScope.UNIT) return false;
        double[] h = layer.activations();
        double eta = spec.decay();
        for (int j = 0; j < utility.length; j++) {
            utility[j] = eta * utility[j] + (1 - eta) * Math.abs(h[j]) * Math.abs(theta[layout.outputWeight(j)]);
        }
        return false;
    }

    @Override
    public void apply(ResetOrder order, double[] theta) {
        switch (spec.scope()) {
            case NETWORK -> carryOut(order, theta);
            case LAYER -> {
                for (int j = 0; j < layout.hidden(); j++) {
                    int v = layout.outputWeight(j);
                    theta[v] = init.draw(v, rng());
                }
                int c = layout.outputBias();
                theta[c] = init.draw(c, rng());
            }
            case UNIT -> {
                java.util.Arrays.fill(chosen, false);
                for (int r = 0; r < units; r++) {
                    int worst = -1;
                    for (int j = 0; j < utility.length; j++) {
                        if (!chosen[j] && (worst < 0 || utility[j] < utility[worst])) worst = j; // ties: lowest index
                    }
                    chosen[worst] = true;
                }
                for (int j = 0; j < utility.length; j++) {
                    if (!chosen[j]) continue;
                    for (int i = layout.inputWeightsFrom(j); i < layout.inputWeightsTo(j); i++) {
                        theta[i] = init.draw(i, rng());
                    }
                    theta[layout.outputWeight(j)] = 0.0;
                    utility[j] = 0.0;
                }
            }
        }
    }

    /** The unit's contribution utility (unit scope; 0 otherwise). */
    double utility(int j) {
        return utility[j];
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        System.arraycopy(((BeliefMlpPolicy) other).utility, 0, utility, 0, utility.length);
    }
}
