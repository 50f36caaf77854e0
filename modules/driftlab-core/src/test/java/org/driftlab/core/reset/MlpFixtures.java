package org.driftlab.core.reset;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.MlpLayout;
import org.driftlab.core.stream.TaskView;

/** Fakes shared by the tests of the policies that act on an MLP's hidden units. */
final class MlpFixtures {
    /** bits = 2 (+ bias): rows of 3; H = 3; θ = [W (9) | v (3) | c]. */
    static final MlpLayout LAYOUT = new MlpLayout(2, 3);

    private MlpFixtures() {}

    /** A hidden layer whose activations the test sets. */
    static final class FixedLayer implements HiddenLayer {
        final double[] h = new double[LAYOUT.hidden()];

        @Override
        public MlpLayout layout() {
            return LAYOUT;
        }

        @Override
        public Activation activation() {
            return Activation.RELU;
        }

        @Override
        public double[] activations() {
            return h;
        }
    }

    /** Records resetEntries calls; a stateless rule otherwise. */
    static final class RecordingRule implements LearningRule {
        final List<int[]> resets = new ArrayList<>();

        @Override
        public int dim() {
            return LAYOUT.dim();
        }

        @Override
        public void step(double[] theta, double[] grad, TaskView task) {}

        @Override
        public void reset() {}

        @Override
        public void resetEntries(int from, int to) {
            resets.add(new int[] {from, to});
        }

        @Override
        public void copyStateFrom(LearningRule other) {}
    }
}
