package org.driftlab.core.stream;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * Eigenvalues of a quadratic task's Hessian H: either {@code values} (one per dimension, all > 0) or,
 * when {@code values} is null, {@code dim} values log-spaced from {@code min} to {@code max} inclusive
 * (a single dimension gets {@code min}).
 */
public record SpectrumSpec(double min, double max, List<Double> values) {
    public SpectrumSpec {
        values = Require.finiteListOrNull("eigenvalues", values);
        if (values == null) {
            Require.positive("eigenvalues.min", min);
            Require.positive("eigenvalues.max", max);
            if (!(max >= min))
                throw new IllegalArgumentException(
                        "eigenvalues.max must be >= eigenvalues.min, got max " + max + " < min " + min);
        } else {
            for (int i = 0; i < values.size(); i++) Require.positive("eigenvalues[" + i + "]", values.get(i));
        }
    }

    public static SpectrumSpec logSpaced(double min, double max) {
        return new SpectrumSpec(min, max, null);
    }

    public static SpectrumSpec of(List<Double> values) {
        return new SpectrumSpec(Double.NaN, Double.NaN, values);
    }

    /** The eigenvalues for a {@code dim}-dimensional task, in order; a fresh array. */
    public double[] eigenvalues(int dim) {
        double[] h = new double[dim];
        if (values != null) {
            Require.lengthIfPresent("eigenvalues", values, dim);
            for (int i = 0; i < dim; i++) h[i] = values.get(i);
            return h;
        }
        if (dim == 1) {
            h[0] = min;
            return h;
        }
        double logMin = Math.log(min);
        double logMax = Math.log(max);
        for (int i = 0; i < dim; i++) h[i] = Math.exp(logMin + (logMax - logMin) * i / (dim - 1));
        h[0] = min;
        h[dim - 1] = max;
        return h;
    }
}
