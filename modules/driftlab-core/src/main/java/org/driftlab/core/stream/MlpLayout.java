package org.driftlab.core.stream;

import org.driftlab.core.check.Require;
import org.driftlab.core.random.Rng;

/**
 * Where each parameter of a one-hidden-layer MLP learner sits in the flat weight vector θ (DESIGN §4,
 * slowly-changing regression). The input x has {@code bits} components plus a constant bias input
 * x_bits = 1 (length n = bits + 1); there are H = {@code hidden} units and one linear output:
 * <pre>
 *   z_j = Σ_{i&lt;n} W_ji x_i,   h_j = σ(z_j),   ŷ = Σ_j v_j h_j + c
 *   θ[j·n + i] = W_ji        (unit j's input weights, a contiguous row; i = bits is unit j's bias)
 *   θ[H·n + j] = v_j         (unit j's outgoing weight)
 *   θ[H·n + H] = c           (output bias)
 *   dim = H·n + H + 1
 * </pre>
 * Immutable.
 */
public record MlpLayout(int bits, int hidden) {
    public MlpLayout {
        Require.positive("bits", bits);
        Require.positive("hidden", hidden);
    }

    /** n = bits + 1, the input length including the bias input. */
    public int inputs() {
        return bits + 1;
    }

    /** Length of θ. */
    public int dim() {
        return hidden * inputs() + hidden + 1;
    }

    /** First index of unit j's input weights (its row of W). */
    public int inputWeightsFrom(int j) {
        return j * inputs();
    }

    /** One past the last index of unit j's input weights (the bias weight is the last of the row). */
    public int inputWeightsTo(int j) {
        return (j + 1) * inputs();
    }

    /** Index of v_j, unit j's outgoing weight. */
    public int outputWeight(int j) {
        return hidden * inputs() + j;
    }

    /** Index of the output bias c. */
    public int outputBias() {
        return hidden * inputs() + hidden;
    }

    /**
     * The Kaiming-uniform initialisation of Dohare et al.'s learner ({@code nn.init.kaiming_uniform_}, fan-in
     * mode, PyTorch's uniform_(−b, b) = −b + 2b·u, u ~ U[0, 1) from one {@code nextDouble}): input weights of
     * the bits W_ji (i &lt; bits) ~ U(−b₁, b₁) with b₁ = gain(σ)·√(3/bits); hidden biases W_j,bits = 0;
     * outgoing weights v_j ~ U(−b₂, b₂) with b₂ = √(3/H) (linear gain 1); output bias c = 0. The zero biases are
     * point masses (no draw). Means are all 0.
     */
    public InitDistribution kaimingUniform(Activation activation) {
        double b1 = activation.kaimingGain() * Math.sqrt(3.0 / bits);
        double b2 = Math.sqrt(3.0 / hidden);
        int n = inputs();
        int firstOutput = outputWeight(0);
        int bias = outputBias();
        int size = dim();
        return new InitDistribution() {
            @Override
            public int dim() {
                return size;
            }

            @Override
            public double mean(int i) {
                return 0.0;
            }

            @Override
            public double draw(int i, Rng rng) {
                if (i < firstOutput) return i % n == n - 1 ? 0.0 : -b1 + 2 * b1 * rng.nextDouble();
                if (i < bias) return -b2 + 2 * b2 * rng.nextDouble();
                return 0.0;
            }

            @Override
            public String toString() {
                return "kaiming-uniform(" + activation.configName() + ", b1=" + b1 + ", b2=" + b2 + ")";
            }
        };
    }
}
