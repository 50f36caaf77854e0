package org.driftlab.core.stream;

import org.driftlab.core.random.Rng;

/**
 * The distribution of a run's initial weights θ₀ (DESIGN §4, §7), with independent coordinates: what a
 * reset to the prior mean ({@link org.driftlab.core.reset.ResetTarget#PRIOR_MEAN}) and a fresh draw
 * ({@link org.driftlab.core.reset.ResetTarget#FRESH_DRAW}) mean. For quadratic and linear-regression streams
 * it is the isotropic Gaussian of {@link PriorSpec} (also the prior over optima); for an MLP learner it is
 * the per-layer Kaiming-uniform initialisation (see {@link SlowlyChangingRegressionStreamSpec}).
 * Immutable; methods allocate nothing.
 */
public interface InitDistribution {
    /** Number of coordinates. */
    int dim();

    /** E[θ₀,i]. */
    double mean(int i);

    /**
     * A draw of coordinate i from {@code rng} (coordinates are independent, so drawing coordinates in index
     * order draws a whole vector). A point-mass coordinate returns its value and consumes no draw.
     */
    double draw(int i, Rng rng);

    /** N(μ0·1, σ0²I) of {@code prior} in {@code dim} coordinates: draw i = μ0 + σ0·N(0, 1) (one Gaussian draw). */
    static InitDistribution isotropic(PriorSpec prior, int dim) {
        double mean = prior.mean();
        double std = prior.std();
        return new InitDistribution() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public double mean(int i) {
                return mean;
            }

            @Override
            public double draw(int i, Rng rng) {
                return mean + std * rng.nextGaussian();
            }

            @Override
            public String toString() {
                return "N(" + mean + ", " + std + "²)^" + dim;
            }
        };
    }
}
