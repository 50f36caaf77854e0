package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/** Checks shared by the learning rules' constructors and {@code copyStateFrom}. */
final class Rules {
    private Rules() {}

    static int checkedDim(int dim) {
        if (dim <= 0) throw new IllegalArgumentException("dim must be > 0, got " + dim);
        return dim;
    }

    /** Casts {@code other} to the caller's class after checking it has the same spec and dim. */
    static <R extends LearningRule> R twin(
            Class<R> type,
            LearningRule self,
            Object selfSpec,
            LearningRule other,
            java.util.function.Function<R, Object> specOf) {
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException(
                    "cannot copy state of " + other.getClass().getSimpleName() + " into " + type.getSimpleName());
        }
        R cast = type.cast(other);
        if (cast.dim() != self.dim() || !specOf.apply(cast).equals(selfSpec)) {
            throw new IllegalArgumentException("cannot copy state between rules of different spec or dim");
        }
        return cast;
    }

    static void checkRange(int dim, int from, int to) {
        if (from < 0 || from > to || to > dim) {
            throw new IndexOutOfBoundsException("entries [" + from + ", " + to + ") must lie within [0, " + dim + ")");
        }
    }

    /**
     * For a rule whose state is joint over all entries (a posterior of the whole optimum): true when
     * resetEntries(from, to) has anything to reset, which must then be the whole range (else
     * UnsupportedOperationException naming {@code state}).
     */
    static boolean wholeRangeOnly(int dim, int from, int to, String state) {
        checkRange(dim, from, to);
        if (from == to) return false;
        if (from != 0 || to != dim) {
            throw new UnsupportedOperationException(state + " is joint over all " + dim
                    + " entries: it cannot reset entries [" + from + ", " + to + ") alone");
        }
        return true;
    }

    static void checkLengths(int dim, double[] theta, double[] grad) {
        if (theta.length != dim || grad.length != dim) {
            throw new IllegalArgumentException(
                    "theta and grad must have length " + dim + ", got " + theta.length + " and " + grad.length);
        }
    }

    /** The diagonal of a DIAGONAL metric (a fresh array), checked to have {@code dim} entries. */
    static double[] diagonalMetric(MetricSpec metric, int dim) {
        Require.lengthIfPresent("metric.values", metric.values(), dim);
        double[] d = new double[dim];
        for (int i = 0; i < dim; i++) d[i] = metric.values().get(i);
        return d;
    }

    /**
     * The matrix of a DENSE metric, row-major d×d (a fresh array), checked to have d² entries and to be symmetric
     * to 1e-12 relative (configs write it out by hand; exact symmetry of decimal literals is the normal case).
     * Positive-definiteness is the caller's check (it needs a factorisation).
     */
    static double[] denseMetric(MetricSpec metric, int dim) {
        Require.lengthIfPresent("metric.values", metric.values(), dim * dim);
        double[] a = new double[dim * dim];
        for (int i = 0; i < a.length; i++) a[i] = metric.values().get(i);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double x = a[i * dim + j];
                double y = a[j * dim + i];
                if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y))) {
                    throw new IllegalArgumentException("metric.values must be symmetric, got G[" + i + "][" + j + "] = "
                            + x + " but G[" + j + "][" + i + "] = " + y);
                }
            }
        }
        return a;
    }

    /** theta ← NaN everywhere: how a rule reports a failed factorisation (the simulation flags divergence). */
    static void poison(double[] theta) {
        java.util.Arrays.fill(theta, Double.NaN);
    }
}
