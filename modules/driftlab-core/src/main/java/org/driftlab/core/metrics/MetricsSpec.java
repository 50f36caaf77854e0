package org.driftlab.core.metrics;

import org.driftlab.core.check.Require;

/**
 * What a run measures beyond its scalar summaries (DESIGN §8): the number of bins of the loss curve, the
 * lags 0..{@code alignedLags} of the switch-aligned loss, the window D within which a reset counts as a
 * detection of a true switch, and the weights (γ, η, k) of the discounted objective J.
 */
public record MetricsSpec(int curveBins, int alignedLags, int detectionWindow, double gamma, double eta, double k) {
    public MetricsSpec {
        Require.positive("bins", curveBins);
        Require.nonNegative("aligned-lags", alignedLags);
        Require.positive("detection-window", detectionWindow);
        Require.nonNegative("objective.gamma", gamma);
        Require.positive("objective.eta", eta);
        Require.positive("objective.k", k);
    }

    public static MetricsSpec defaults() {
        return new MetricsSpec(50, 100, 50, 0.001, 1.0, 1.0);
    }
}
