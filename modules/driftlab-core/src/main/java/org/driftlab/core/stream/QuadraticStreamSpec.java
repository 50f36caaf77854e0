package org.driftlab.core.stream;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * Quadratic tasks L(θ) = ½ (θ − w*)ᵀ H (θ − w*) with H's eigenvalues from {@code spectrum}, diagonal or
 * (when {@code rotated}) rotated by a seeded random orthogonal matrix drawn once per run. Observations:
 * g = H(θ − w*) + gradientNoise·ε.
 */
public record QuadraticStreamSpec(
        int dim,
        SpectrumSpec spectrum,
        boolean rotated,
        double gradientNoise,
        PriorSpec prior,
        List<Double> init,
        List<List<Double>> optima,
        SwitchSpec switching)
        implements StreamSpec {
    public QuadraticStreamSpec {
        Require.positive("dim", dim);
        Require.nonNull("eigenvalues", spectrum);
        Require.lengthIfPresent("eigenvalues", spectrum.values(), dim);
        Require.nonNegative("gradient-noise", gradientNoise);
        Require.nonNull("prior", prior);
        Require.nonNull("switching", switching);
        init = StreamSpecs.checkedInit(dim, init);
        optima = StreamSpecs.checkedOptima(dim, optima, switching);
    }
}
