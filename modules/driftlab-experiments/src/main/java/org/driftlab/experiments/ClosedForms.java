package org.driftlab.experiments;

/** The optimal-control rule's closed forms (DESIGN §5) that experiments 1 and 2 check traces against. */
public final class ClosedForms {
    private ClosedForms() {}

    /** λ = √(γ²/4 + ηkh + j(j + γ)) − γ/2: the decay rate per unit time of a mode of curvature h. */
    public static double rate(double gamma, double etaK, double h, double decay) {
        return Math.sqrt(gamma * gamma / 4 + etaK * h + decay * (decay + gamma)) - gamma / 2;
    }

    /** B = ηkh / (ηkh + j(j + γ)): the mode settles at Bμ. */
    public static double settlingFactor(double gamma, double etaK, double h, double decay) {
        return etaK * h / (etaK * h + decay * (decay + gamma));
    }
}
