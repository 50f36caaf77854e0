package org.driftlab.core.reset;

/**
 * What a belief-driven reset of an MLP learner re-initialises ({@link BeliefMlpSpec}); fresh values come from the
 * learner's init distribution (POLICY stream).
 */
public enum MlpResetScope {
    /** Every weight: the hidden layer (W and its biases), the output weights v and the output bias c. */
    NETWORK,
    /**
     * One layer, the output layer (v and c): the readout is re-learnt and the hidden features are kept, as in the
     * last-layer resets of Nikishin et al. (ICML 2022).
     */
    LAYER,
    /**
     * Some hidden units: the ⌈fraction·H⌉ units of lowest contribution utility u_j (the utility continual
     * backprop ranks by: u_j ← η·u_j + (1 − η)·|h_j|·|v_j| after every step) get fresh input weights, v_j = 0 and
     * u_j = 0; the others are kept. The belief says when the task changed, the utility which units to give back.
     */
    UNIT;

    /** The config name: lower case. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
