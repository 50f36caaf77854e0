package org.driftlab.core.rule;

/** Checks shared by the learning rules' constructors and {@code copyStateFrom}. */
final class Rules {
    private Rules() {}

    static int checkedDim(int dim) {
        if (dim <= 0) throw new IllegalArgumentException("dim must be > 0, got " + dim);
        return dim;
    }

    /** Casts {@code other} to the caller's class after checking it has the same spec and dim. */
    static <R extends LearningRule> R twin(Class<R> type, LearningRule self, Object selfSpec, LearningRule other,
                                           java.util.function.Function<R, Object> specOf) {
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException("cannot copy state of " + other.getClass().getSimpleName() + " into " + type.getSimpleName());
        }
        R cast = type.cast(other);
        if (cast.dim() != self.dim() || !specOf.apply(cast).equals(selfSpec)) {
            throw new IllegalArgumentException("cannot copy state between rules of different spec or dim");
        }
        return cast;
    }

    static void checkLengths(int dim, double[] theta, double[] grad) {
        if (theta.length != dim || grad.length != dim) {
            throw new IllegalArgumentException("theta and grad must have length " + dim + ", got " + theta.length + " and " + grad.length);
        }
    }
}
