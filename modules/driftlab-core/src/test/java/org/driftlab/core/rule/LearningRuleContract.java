package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.TaskView;
import org.junit.jupiter.api.Test;

/** The contract every {@link LearningRule} meets (STYLE C5); one subclass per rule. */
abstract class LearningRuleContract {
    abstract RuleSpec spec();

    /** A spec of the same type with different values. */
    abstract RuleSpec otherSpec();

    int dim() {
        return 3;
    }

    double dt() {
        return 0.1;
    }

    TaskView task() {
        return QuadraticTask.rotated(new double[] {0.3, 1.0, 2.5}, new double[] {0.5, -1.0, 0.25}, 11);
    }

    private double[] theta0() {
        double[] t = new double[dim()];
        for (int i = 0; i < t.length; i++) t[i] = 1.0 - 0.4 * i;
        return t;
    }

    /** θ after each of {@code steps} steps from theta (modified), with g = ∇L(θ) + 0.3 ε, ε seeded. */
    private double[][] run(LearningRule rule, double[] theta, long noiseSeed, int steps) {
        TaskView task = task();
        Rng rng = SeedStreams.of(noiseSeed, 7).stream(Purpose.NOISE);
        double[] g = new double[dim()];
        double[][] out = new double[steps][];
        for (int s = 0; s < steps; s++) {
            task.trueGradient(theta, g);
            for (int i = 0; i < g.length; i++) g[i] += 0.3 * rng.nextGaussian();
            rule.step(theta, g, task);
            out[s] = theta.clone();
            for (double x : theta)
                assertThat(x).as("θ stays finite on the contract's task").isFinite();
        }
        return out;
    }

    @Test
    void resetIsIndistinguishableFromFresh() {
        LearningRule used = spec().newRule(dim(), dt());
        run(used, theta0(), 1, 25);
        used.reset();
        double[][] afterReset = run(used, theta0(), 2, 25);
        double[][] fresh = run(spec().newRule(dim(), dt()), theta0(), 2, 25);
        assertThat(afterReset).isDeepEqualTo(fresh);
    }

    @Test
    void resetEntriesOfTheWholeRangeIsIndistinguishableFromFresh() {
        LearningRule used = spec().newRule(dim(), dt());
        run(used, theta0(), 1, 25);
        used.resetEntries(0, dim());
        double[][] afterReset = run(used, theta0(), 2, 25);
        double[][] fresh = run(spec().newRule(dim(), dt()), theta0(), 2, 25);
        assertThat(afterReset).isDeepEqualTo(fresh);
    }

    @Test
    void resetEntriesOfAnEmptyRangeChangesNothingAndBadRangesAreRejected() {
        LearningRule a = spec().newRule(dim(), dt());
        double[] theta = theta0();
        run(a, theta, 3, 10);
        LearningRule b = spec().newRule(dim(), dt());
        b.copyStateFrom(a);
        b.resetEntries(1, 1);
        double[] thetaB = theta.clone();
        assertThat(run(b, thetaB, 4, 10)).isDeepEqualTo(run(a, theta, 4, 10));
        assertThatThrownBy(() -> a.resetEntries(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.resetEntries(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> a.resetEntries(0, dim() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyStateFromMakesTwins() {
        LearningRule original = spec().newRule(dim(), dt());
        double[] theta = theta0();
        run(original, theta, 3, 15);
        LearningRule twin = spec().newRule(dim(), dt());
        run(twin, theta0(), 4, 5); // some other state, to be overwritten
        twin.copyStateFrom(original);
        double[] thetaAtCopy = theta.clone();
        // the original runs on first: if the twin shared its arrays, the twin's later run would differ
        double[][] a = run(original, theta, 5, 15);
        double[][] b = run(twin, thetaAtCopy, 5, 15);
        assertThat(b).isDeepEqualTo(a);
    }

    @Test
    void wrongLengthArraysAreRejected() {
        LearningRule rule = spec().newRule(dim(), dt());
        TaskView task = task();
        assertThatThrownBy(() -> rule.step(new double[dim() + 1], new double[dim()], task))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule.step(new double[dim()], new double[dim() - 1], task))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyBetweenDifferentSpecsOrDimsIsRejected() {
        LearningRule rule = spec().newRule(dim(), dt());
        assertThatThrownBy(() -> rule.copyStateFrom(otherSpec().newRule(dim(), dt())))
                .isInstanceOf(IllegalArgumentException.class);
        RuleSpec foreign = spec() instanceof SgdSpec ? new RmsPropSpec(0.1, 0.9, 1e-8) : new SgdSpec(0.1);
        assertThatThrownBy(() -> rule.copyStateFrom(foreign.newRule(dim(), dt())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonPositiveDimIsRejected() {
        assertThatThrownBy(() -> spec().newRule(0, dt())).isInstanceOf(IllegalArgumentException.class);
    }
}
