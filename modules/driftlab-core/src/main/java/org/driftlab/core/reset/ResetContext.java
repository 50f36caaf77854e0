package org.driftlab.core.reset;

import java.util.function.BiConsumer;
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
 * learner's hidden layer (an MLP, else null), the POLICY random stream, and the map from the belief's evidence
 * coordinates to weights ({@code fromEvidence.accept(e, θ)}, allocation-free; for the posterior-mean target).
 */
public record ResetContext(
        double[] theta0,
        InitDistribution init,
        int recurringTasks,
        HiddenLayer hiddenLayer,
        Rng rng,
        BiConsumer<double[], double[]> fromEvidence) {
    public ResetContext {
        if (theta0 == null || init == null || rng == null || fromEvidence == null) {
            throw new IllegalArgumentException("theta0, init, rng and fromEvidence must be given");
        }
        if (init.dim() != theta0.length) {
            throw new IllegalArgumentException(
                    "init distribution has dim " + init.dim() + " but theta0 has " + theta0.length);
        }
    }

    /** The context of {@code stream}'s learner (read, never advanced); the POLICY stream from {@code seeds}. */
    public static ResetContext of(TaskStream stream, SeedStreams seeds) {
        return new ResetContext(
                stream.initialWeights(),
                stream.initDistribution(),
                stream.recurringTasks(),
                stream.hiddenLayer(),
                seeds.stream(Purpose.POLICY),
                stream::fromOptimumEvidenceCoordinates);
    }

    /**
     * A context with the isotropic prior as init distribution, no hidden layer, and evidence coordinates that
     * are the weights' own (a diagonal H).
     */
    public static ResetContext of(double[] theta0, PriorSpec prior, int recurringTasks, SeedStreams seeds) {
        return new ResetContext(
                theta0,
                InitDistribution.isotropic(prior, theta0.length),
                recurringTasks,
                null,
                seeds.stream(Purpose.POLICY),
                (e, theta) -> System.arraycopy(e, 0, theta, 0, theta.length));
    }
}
