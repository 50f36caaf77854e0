package org.driftlab.core.stream;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * Linear regression tasks: x ~ N(0, I_dim), y = w*·x + targetNoise·ε; each step observes a minibatch of
 * {@code batch} samples and the gradient of the minibatch loss ½·mean((θ·x − y)²). The expected loss is
 * ½|θ − w*|² + ½ targetNoise² (so its minimum is ½ targetNoise²).
 */
public record LinearRegressionStreamSpec(
        int dim,
        int batch,
        double targetNoise,
        PriorSpec prior,
        List<Double> init,
        List<List<Double>> optima,
        SwitchSpec switching)
        implements StreamSpec {
    public LinearRegressionStreamSpec {
        Require.positive("dim", dim);
        Require.positive("batch", batch);
        Require.nonNegative("target-noise", targetNoise);
        Require.nonNull("prior", prior);
        Require.nonNull("switching", switching);
        init = StreamSpecs.checkedInit(dim, init);
        optima = StreamSpecs.checkedOptima(dim, optima, switching);
    }
}
