package org.driftlab.core.belief;

/**
 * What the evidence stream tells a belief model about itself (DESIGN §6), built by the simulation from the
 * task stream. A hand-off: the arrays are not copied and must not be modified afterwards.
 *
 * @param width     doubles per observation (&gt; 0)
 * @param noiseVar  Gaussian evidence: the noise variance of each of the {@code width} coordinates (for the
 *                  quadratic task's z in the Hessian's eigenbasis, σ_g²/λ_i²); null for other evidence
 * @param priorMean Gaussian evidence: the prior mean of every coordinate of the task optimum. With a rotated
 *                  Hessian the prior mean μ0·1 is not a constant vector in the eigenbasis (Qᵀ1 ≠ 1): feed
 *                  Qᵀ(z − μ0·1) with priorMean 0 instead. Ignored for other evidence
 * @param priorVar  Gaussian evidence: the prior variance σ0² of every coordinate; ignored for other evidence
 * @param taskMeans HMM: the K×width task means in the evidence basis; null otherwise
 * @param batch     linear-regression evidence: samples per step B (width = B·(p + 1), each row (x_1 … x_p, y));
 *                  0 when not regression evidence
 */
public record EvidenceInfo(
        int width, double[] noiseVar, double priorMean, double priorVar, double[][] taskMeans, int batch) {
    public EvidenceInfo {
        if (width <= 0) throw new IllegalArgumentException("evidence width must be > 0, got " + width);
        if (noiseVar != null && noiseVar.length != width) {
            throw new IllegalArgumentException(
                    "noiseVar must have " + width + " entries (the evidence width), got " + noiseVar.length);
        }
        if (batch < 0) throw new IllegalArgumentException("batch must be >= 0, got " + batch);
    }

    /** Evidence that is not linear-regression minibatches ({@code batch} = 0). */
    public EvidenceInfo(int width, double[] noiseVar, double priorMean, double priorVar, double[][] taskMeans) {
        this(width, noiseVar, priorMean, priorVar, taskMeans, 0);
    }

    /** Linear-regression evidence: {@code batch} samples of p inputs and one target per step. */
    public static EvidenceInfo regression(int p, int batch) {
        if (p <= 0) throw new IllegalArgumentException("p must be > 0, got " + p);
        if (batch <= 0) throw new IllegalArgumentException("batch must be > 0, got " + batch);
        return new EvidenceInfo(Math.multiplyExact(batch, p + 1), null, Double.NaN, Double.NaN, null, batch);
    }

    /** A scalar series (Normal–Gamma evidence, e.g. the observed loss). */
    public static EvidenceInfo scalar() {
        return new EvidenceInfo(1, null, Double.NaN, Double.NaN, null, 0);
    }

    /**
     * Checks that this evidence is one number per step, as the scalar models need ({@code model} names the model
     * in the message).
     *
     * @throws IllegalArgumentException when the width is not 1
     */
    void requireScalar(String model) {
        if (width != 1)
            throw new IllegalArgumentException(model + " model needs scalar evidence (width 1), got width " + width);
    }
}
