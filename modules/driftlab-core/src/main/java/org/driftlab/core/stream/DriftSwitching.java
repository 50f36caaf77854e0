package org.driftlab.core.stream;

/** Never switches; before each step w ← w + rate·(μ0 − w) + σε, ε ~ N(0, I) from TASKS/drift (none drawn when σ = 0). */
final class DriftSwitching implements SwitchingProcess {
    private final double rate;
    private final double sigma;

    DriftSwitching(DriftSwitchSpec spec) {
        this.rate = spec.rate();
        this.sigma = spec.sigma();
    }

    @Override
    public boolean beforeStep(long step, TaskStream stream) {
        double mu0 = stream.prior().mean();
        double[] optimum = stream.optimum;
        for (int i = 0; i < optimum.length; i++) {
            double e = sigma == 0 ? 0 : stream.driftRng().nextGaussian();
            optimum[i] = optimum[i] + rate * (mu0 - optimum[i]) + sigma * e;
        }
        return false;
    }

    @Override
    public boolean movesOptimum() {
        return true;
    }
}
