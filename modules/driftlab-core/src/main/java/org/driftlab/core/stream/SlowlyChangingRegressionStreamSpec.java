package org.driftlab.core.stream;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * Slowly-changing regression, the loss-of-plasticity setting of Dohare et al. (2024, Nature) (DESIGN §4).
 *
 * <p><b>Inputs.</b> x ∈ {0,1}^m plus a bias input 1 (m = {@code bits}). The first f = {@code flippingBits}
 * bits are constant within a task; at each task switch ({@code switching}: the paper's periodic T = 10,000)
 * they are redrawn uniformly (or, when {@code flipOne}, one of them, chosen uniformly, is flipped). The other
 * m − f bits are drawn uniformly every step.
 *
 * <p><b>Target.</b> A fixed random network drawn once per run: {@code targetUnits} linear-threshold units with
 * input weights V_ki ∈ {±1} over the m + 1 inputs (bias input included), thresholds
 * θ_k = (m + 1)·β − S_k (β = {@code beta}, S_k the number of negative input weights of unit k) and output
 * weights u_k ∈ {±1}: y = Σ_k u_k·1[Σ_i V_ki x_i &gt; θ_k]. There is no target noise.
 *
 * <p><b>Learner.</b> An MLP with one hidden layer of {@code hidden} units (σ = {@code activation}) and a linear
 * output, θ laid out as in {@link MlpLayout}; loss ½(ŷ − y)² on the one example of each step (online). The
 * initial weights are {@code init} when pinned, else Kaiming-uniform ({@link MlpLayout#kaimingUniform}), also
 * the distribution a fresh-draw reset samples from; its mean (a prior-mean reset) is θ = 0, a saddle at which a
 * relu network has no gradient for W and v (only c learns): use INIT or FRESH_DRAW targets.
 *
 * <p><b>Plasticity metrics.</b> At the end of each bin of the loss curve the effective rank and the fraction
 * of dead units of the hidden representation over the last {@code activationWindow} examples are recorded
 * (see {@link org.driftlab.core.metrics.RunMetrics}). The paper's "online error binned every 20,000 examples" is
 * the binned loss with {@code bins = steps / 20000} (note: ½(ŷ − y)², half the paper's squared error).
 *
 * <p>This stream has no optimum in θ-space (the target network is not in the MLP's class), so {@link #optima()}
 * is empty, the excess loss is the loss itself (relative to 0) and the final distance to the optimum is NaN;
 * {@link #prior()} has no meaning here and throws. Switching: none, periodic or hazard (each switch is one
 * flip event).
 */
public record SlowlyChangingRegressionStreamSpec(
        int bits,
        int flippingBits,
        boolean flipOne,
        int targetUnits,
        double beta,
        int hidden,
        Activation activation,
        int activationWindow,
        List<Double> init,
        SwitchSpec switching)
        implements StreamSpec {
    public SlowlyChangingRegressionStreamSpec {
        Require.positive("bits", bits);
        Require.positive("flipping-bits", flippingBits);
        if (flippingBits > bits) {
            throw new IllegalArgumentException("flipping-bits must be <= bits (" + bits + "), got " + flippingBits);
        }
        Require.positive("target-units", targetUnits);
        Require.closedUnit("beta", beta);
        Require.positive("hidden", hidden);
        Require.nonNull("activation", activation);
        Require.positive("activation-window", activationWindow);
        Require.nonNull("switching", switching);
        if (!(switching instanceof NoSwitchSpec
                || switching instanceof PeriodicSwitchSpec
                || switching instanceof HazardSwitchSpec)) {
            throw new IllegalArgumentException(
                    "switching of a slowly-changing-regression stream must be none, periodic or hazard, got "
                            + switching);
        }
        init = StreamSpecs.checkedInit(new MlpLayout(bits, hidden).dim(), init);
    }

    /**
     * Dohare et al.'s setting: m = 20 bits, f = 15 redrawn every 10,000 steps, 100 target units, β = 0.7,
     * 5 hidden units of {@code activation}; metrics over the last 1,000 examples.
     */
    public static SlowlyChangingRegressionStreamSpec dohare2024(Activation activation) {
        return new SlowlyChangingRegressionStreamSpec(
                20, 15, false, 100, 0.7, 5, activation, 1000, null, new PeriodicSwitchSpec(10_000));
    }

    /** The learner's parameter layout. */
    public MlpLayout layout() {
        return new MlpLayout(bits, hidden);
    }

    @Override
    public int dim() {
        return layout().dim();
    }

    /** Not defined for this stream (its initial weights are not an isotropic Gaussian): throws. */
    @Override
    public PriorSpec prior() {
        throw new UnsupportedOperationException("a slowly-changing-regression stream has no isotropic prior; its"
                + " initial-weight distribution is TaskStream.initDistribution() (Kaiming-uniform)");
    }

    /** Always empty: the target network is not a weight vector of the learner. */
    @Override
    public List<List<Double>> optima() {
        return List.of();
    }
}
