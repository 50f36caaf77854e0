package org.driftlab.core.stream;

/**
 * What a learning rule may know about the current task beyond its observed gradient: used by rules whose
 * spec asks for oracle knowledge (optimal-control with the {@code oracle} belief source, natural gradient
 * with the Hessian metric, the ideal observer). Valid for the current step only.
 */
public interface TaskView {
    int dim();

    /** out ← ∇L(θ) without noise. {@code theta} not modified. Allocates nothing. */
    void trueGradient(double[] theta, double[] out);

    /** The Hessian of the current task's (expected) loss. */
    Hessian hessian();

    /** Variance of the noise on each coordinate of an observed gradient (σ_g² for quadratic tasks). */
    double gradientNoiseVariance();

    /** The prior over task optima (also the initial-weight distribution). */
    PriorSpec prior();

    /**
     * The first step of the current task: 0 until the first switch, then the step of the latest switch (the
     * true switch times, for the switch-aware observer). A view of a single task keeps the default 0.
     */
    default long taskStart() {
        return 0;
    }
}
