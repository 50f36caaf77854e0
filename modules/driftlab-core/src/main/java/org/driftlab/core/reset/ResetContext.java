package org.driftlab.core.reset;

import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskStream;

/**
 * What a policy is built against: the run's initial weights θ₀ (length d, kept by reference and never
 * modified), the init distribution its targets use, K recurring tasks of a markov stream (0 otherwise), the
 * learner's hidden layer (an MLP, else null) and the POLICY random stream.
 */
public record ResetContext(double[] theta0, InitDistribution init, int recurringTasks, HiddenLayer hiddenLayer, Rng rng) {
    public ResetContext {
        if (theta0 == null || init == null || rng == null) throw new IllegalArgumentException("theta0, init and rng must be given");
        if (init.dim() != theta0.length) {
            throw new IllegalArgumentException("init distribution has dim " + init.dim() + " but theta0 has " + theta0.length);
        }
    }

    /** The context of {@code stream}'s learner (read, never advanced); the POLICY stream from {@code seeds}. */
    public static ResetContext of(TaskStream stream, SeedStreams seeds) {
        return new ResetContext(stream.initialWeights(), stream.initDistribution(), stream.recurringTasks(),
                stream.hiddenLayer(), seeds.stream(Purpose.POLICY));
    }

    /** A context with the isotropic prior as init distribution and no hidden layer. */
    public static ResetContext of(double[] theta0, PriorSpec prior, int recurringTasks, SeedStreams seeds) {
        return new ResetContext(theta0, InitDistribution.isotropic(prior, theta0.length), recurringTasks, null,
                seeds.stream(Purpose.POLICY));
    }
}
