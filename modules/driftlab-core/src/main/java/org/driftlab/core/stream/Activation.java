package org.driftlab.core.stream;

/**
 * The hidden-unit nonlinearity σ of an MLP learner (DESIGN §4, slowly-changing regression), with PyTorch's
 * conventions: relu'(0) = 0; leaky-relu slope {@link #LEAKY_SLOPE} = 0.01 for z ≤ 0 (leaky-relu'(0) = 0.01);
 * sigmoid 1/(1 + e^{−z}); tanh. {@link #kaimingGain()} is PyTorch's {@code calculate_gain} as used by
 * {@code kaiming_uniform_(w, nonlinearity=…)} with its default a = 0 (so leaky-relu gets the relu gain √2,
 * as in Dohare et al.'s code).
 */
public enum Activation {
    RELU,
    TANH,
    SIGMOID,
    LEAKY_RELU;

    /** Negative-side slope of {@link #LEAKY_RELU} (PyTorch's default). */
    public static final double LEAKY_SLOPE = 0.01;

    /** σ(z). */
    public double apply(double z) {
        switch (this) {
            case RELU:
                return z > 0 ? z : 0.0;
            case TANH:
                return Math.tanh(z);
            case SIGMOID:
                return 1.0 / (1.0 + Math.exp(-z));
            case LEAKY_RELU:
                return z > 0 ? z : LEAKY_SLOPE * z;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** σ'(z), given z and h = σ(z). */
    public double derivative(double z, double h) {
        switch (this) {
            case RELU:
                return z > 0 ? 1.0 : 0.0;
            case TANH:
                return 1.0 - h * h;
            case SIGMOID:
                return h * (1.0 - h);
            case LEAKY_RELU:
                return z > 0 ? 1.0 : LEAKY_SLOPE;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The gain of Kaiming-uniform initialisation: relu, leaky-relu √2; tanh 5/3; sigmoid 1. */
    public double kaimingGain() {
        switch (this) {
            case RELU:
            case LEAKY_RELU:
                return Math.sqrt(2.0);
            case TANH:
                return 5.0 / 3.0;
            case SIGMOID:
                return 1.0;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The config name: relu, tanh, sigmoid, leaky-relu. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The activation whose {@link #configName()} is {@code name}; IllegalArgumentException naming it otherwise. */
    public static Activation ofConfigName(String name) {
        for (Activation a : values()) {
            if (a.configName().equals(name)) return a;
        }
        throw new IllegalArgumentException(
                "activation must be one of relu, tanh, sigmoid, leaky-relu, got '" + name + "'");
    }
}
