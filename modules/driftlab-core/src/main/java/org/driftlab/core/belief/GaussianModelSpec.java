package org.driftlab.core.belief;

import java.util.Arrays;

/**
 * Gaussian with known noise, per dimension, one shared run length: x_i ~ N(μ_i, noiseVar_i) with prior
 * μ_i ~ N(priorMean, priorVar). A null field is taken from the stream (its prior, and σ_g²/λ_i² for the
 * evidence z in the Hessian's eigenbasis).
 */
public record GaussianModelSpec(Double priorMean, Double priorVar, Double noiseVar) implements ObservationModelSpec {
    public GaussianModelSpec {
        if (priorMean != null && !Double.isFinite(priorMean))
            throw new IllegalArgumentException("prior-mean must be finite, got " + priorMean);
        if (priorVar != null && !(priorVar > 0 && Double.isFinite(priorVar)))
            throw new IllegalArgumentException("prior-var must be > 0, got " + priorVar);
        if (noiseVar != null && !(noiseVar > 0 && Double.isFinite(noiseVar)))
            throw new IllegalArgumentException("noise-var must be > 0, got " + noiseVar);
    }

    /** All parameters from the stream. */
    public static GaussianModelSpec fromStream() {
        return new GaussianModelSpec(null, null, null);
    }

    /**
     * The Gaussian known-noise model on {@code info}'s evidence; null fields filled from it (noise per
     * coordinate, prior mean, prior variance), a given noise-var applied to every coordinate.
     */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        int w = info.width();
        double[] noise = new double[w];
        if (noiseVar != null) {
            Arrays.fill(noise, noiseVar);
        } else if (info.noiseVar() != null) {
            for (int i = 0; i < w; i++) {
                double s = info.noiseVar()[i];
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException(
                            "evidence noiseVar[" + i + "] must be a finite number > 0, got " + s);
                }
                noise[i] = s;
            }
        } else {
            throw new IllegalArgumentException(
                    "gaussian model: noise-var is not set and the evidence gives no noise variance");
        }
        double mean = priorMean != null ? priorMean : info.priorMean();
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException(
                    "gaussian model: prior-mean is not set and the evidence gives none (got " + mean + ")");
        }
        double var = priorVar != null ? priorVar : info.priorVar();
        if (!(var > 0) || Double.isInfinite(var)) {
            throw new IllegalArgumentException(
                    "gaussian model: prior-var is not set and the evidence gives no valid one (got " + var + ")");
        }
        double[] means = new double[w];
        Arrays.fill(means, mean);
        return new GaussianRunModel(w, maxRunLength, means, var, noise);
    }
}
