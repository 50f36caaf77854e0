package org.driftlab.core.stream;

/**
 * The hidden layer of an MLP learner as its stream computed it for the current example: read by the
 * continual-backprop reset policy (utilities) and the plasticity metrics (effective rank, dead units).
 * Implemented by streams whose learner is an MLP; see {@link TaskStream#hiddenLayer()}.
 */
public interface HiddenLayer {
    /** Where W, v and c sit in θ. */
    MlpLayout layout();

    /** The hidden nonlinearity σ. */
    Activation activation();

    /**
     * h_j = σ(z_j) of the latest {@link TaskStream#observeGradient} (at the θ before that step's update), length
     * H. Do not modify; overwritten by the next observation.
     */
    double[] activations();
}
