package org.driftlab.core.belief;

/**
 * Gaussian with known noise, per dimension, one shared run length: x_i ~ N(μ_i, noiseVar_i) with prior
 * μ_i ~ N(priorMean, priorVar). A null field is taken from the stream (its prior, and σ_g²/λ_i² for the
 * evidence z in the Hessian's eigenbasis).
 */
public record GaussianModelSpec(Double priorMean, Double priorVar, Double noiseVar) implements ObservationModelSpec {
    public GaussianModelSpec {
        if (priorMean != null && !Double.isFinite(priorMean)) throw new IllegalArgumentException("prior-mean must be finite, got " + priorMean);
        if (priorVar != null && !(priorVar > 0 && Double.isFinite(priorVar))) throw new IllegalArgumentException("prior-var must be > 0, got " + priorVar);
        if (noiseVar != null && !(noiseVar > 0 && Double.isFinite(noiseVar))) throw new IllegalArgumentException("noise-var must be > 0, got " + noiseVar);
    }

    /** All parameters from the stream. */
    public static GaussianModelSpec fromStream() {
        return new GaussianModelSpec(null, null, null);
    }
}
