package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.belief.FakeBelief;
import org.driftlab.core.belief.TaskFilter;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ResetPolicy} keeps (STYLE C5); one subclass per policy adds its own hand-worked
 * cases. A scripted run drives both sides of a policy: the learner side (beforeStep, beforeUpdate, regularise, a plain
 * gradient step, afterStep, apply) and the belief side (onBelief with a scripted p_change and task posterior).
 */
abstract class ResetPolicyContract {
    static final SeedStreams SEEDS = SeedStreams.of(1, 2);
    static final PriorSpec PRIOR = new PriorSpec(0.5, 2.0);
    static final double[] THETA0 = {1.0, -1.0, 3.0};

    /** The policy's spec under test. */
    abstract ResetSpec spec();

    /** The learner the policy acts on: θ₀ = THETA0, the isotropic PRIOR, K = 3 recurring tasks, by default. */
    ResetContext context() {
        return ResetContext.of(THETA0, PRIOR, 3, SEEDS);
    }

    ResetPolicy newPolicy() {
        return spec().newPolicy(context());
    }

    /** A stateless rule for the script (continual backprop resets its entries). */
    static final class PlainRule implements LearningRule {
        private final int dim;

        PlainRule(int dim) {
            this.dim = dim;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public void step(double[] theta, double[] grad, TaskView task) {}

        @Override
        public void reset() {}

        @Override
        public void resetEntries(int from, int to) {}

        @Override
        public void copyStateFrom(LearningRule other) {}
    }

    /** A task filter whose posterior names task (step / 5) mod 3 with probability 0.9; p_change from the script. */
    static class ScriptedFilter extends FakeBelief implements TaskFilter {
        ScriptedFilter() {
            this(0);
        }

        /** A filter that has already observed steps 0 … {@code from} − 1. */
        ScriptedFilter(long from) {
            steps = from;
        }

        @Override
        public int tasks() {
            return 3;
        }

        @Override
        public double taskProbability(int k) {
            return k == mapTask() ? 0.9 : 0.05;
        }

        @Override
        public int mapTask() {
            return (int) ((steps / 5) % 3);
        }
    }

    /**
     * Runs steps {@code from … to − 1} of the script on the learner-side {@code learner} and the belief-side
     * {@code belief}; returns every θ after each step and every order, flattened, for comparison.
     */
    static List<Object> script(ResetPolicy learner, ResetPolicy belief, double[] theta, long from, long to) {
        List<Object> trace = new ArrayList<>();
        LearningRule rule = new PlainRule(theta.length);
        ScriptedFilter filter = new ScriptedFilter(from);
        double[] g = new double[theta.length];
        for (long t = from; t < to; t++) {
            boolean switched = t % 7 == 3;
            trace.add(learner.beforeStep(t, switched, theta));
            trace.add(learner.beforeUpdate(t, switched, theta));
            for (int i = 0; i < g.length; i++) g[i] = 0.3 * (theta[i] - 0.25 * i);
            learner.regularise(theta, g);
            for (int i = 0; i < g.length; i++) theta[i] -= 0.5 * g[i];
            trace.add(learner.afterStep(t, theta, rule));
            filter.observe(null, 0);
            double p = (t % 11) / 10.0;
            ResetOrder order = belief.onBelief(t, p, filter);
            trace.add(order);
            if (order != null) learner.apply(order, theta);
            trace.add(theta.clone());
        }
        return trace;
    }

    private static void assertSameTrace(List<Object> a, List<Object> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof double[] x)
                assertThat((double[]) b.get(i)).as("entry %d", i).containsExactly(x);
            else assertThat(b.get(i)).as("entry %d", i).isEqualTo(a.get(i));
        }
    }

    @Test
    void theSameSpecAndSeedsGiveTheSameRun() {
        List<Object> a = script(newPolicy(), newPolicy(), context().theta0().clone(), 0, 60);
        List<Object> b = script(newPolicy(), newPolicy(), context().theta0().clone(), 0, 60);
        assertSameTrace(a, b);
        assertThat(newPolicy().spec()).isEqualTo(spec());
    }

    @Test
    void copyStateFromMakesTwins() {
        ResetPolicy learner = newPolicy();
        ResetPolicy belief = newPolicy();
        double[] theta = context().theta0().clone();
        script(learner, belief, theta, 0, 40);
        ResetPolicy learnerTwin = newPolicy();
        ResetPolicy beliefTwin = newPolicy();
        learnerTwin.copyStateFrom(learner);
        beliefTwin.copyStateFrom(belief);
        double[] twinTheta = theta.clone();
        assertSameTrace(script(learner, belief, theta, 40, 100), script(learnerTwin, beliefTwin, twinTheta, 40, 100));
    }

    @Test
    void copyingAPolicyOfAnotherSpecIsRefused() {
        ResetSpec other = spec() instanceof NoResetSpec ? new L2InitSpec(0.5) : new NoResetSpec();
        assertThatThrownBy(() -> newPolicy().copyStateFrom(other.newPolicy(ResetContext.of(THETA0, PRIOR, 3, SEEDS))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPoliciesThatNeedABeliefOrderFromIt() {
        ResetPolicy policy = newPolicy();
        boolean ordered = false;
        ScriptedFilter filter = new ScriptedFilter();
        for (long t = 0; t < 40; t++) {
            filter.observe(null, 0);
            ordered |= policy.onBelief(t, t % 2 == 0 ? 0.0 : 1.0, filter) != null;
        }
        assertThat(ordered).as("orders from the belief").isEqualTo(spec().needsBelief());
        if (!spec().needsBelief()) {
            assertThatThrownBy(() -> newPolicy()
                            .apply(ResetOrder.full(0), context().theta0().clone()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void resetsTheRuleStateAsTheSpecSays() {
        assertThat(newPolicy().resetsRuleState()).isEqualTo(spec().resetRuleState());
    }
}
