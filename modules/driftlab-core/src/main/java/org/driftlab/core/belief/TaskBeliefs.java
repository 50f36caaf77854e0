package org.driftlab.core.belief;

/**
 * Builds the task belief a {@link BeliefSpec} describes for a given evidence stream, checking that the two
 * fit (shapes, parameters the spec leaves to the stream) with messages naming the field and value.
 */
public final class TaskBeliefs {
    private TaskBeliefs() {}

    /**
     * A fresh belief: {@link Bocpd} for a {@link BocpdSpec}, a {@link TaskFilter} for an {@link HmmSpec}.
     * {@link GaussianModelSpec}'s null fields are filled from {@code info} (noise per coordinate, prior mean,
     * prior variance); a given noise-var applies to every coordinate.
     *
     * @throws IllegalArgumentException for {@link NoBeliefSpec}, or when spec and evidence do not fit
     */
    public static TaskBelief create(BeliefSpec spec, EvidenceInfo info) {
        if (spec == null) throw new IllegalArgumentException("belief spec must be given");
        if (info == null) throw new IllegalArgumentException("evidence info must be given");
        if (spec instanceof BocpdSpec) return bocpd((BocpdSpec) spec, info);
        if (spec instanceof HmmSpec) return filter((HmmSpec) spec, info);
        throw new IllegalArgumentException("belief 'none' has no task belief to create");
    }

    /** The BOCPD belief of {@code spec} on {@code info}'s evidence; see {@link #create}. */
    public static Bocpd bocpd(BocpdSpec spec, EvidenceInfo info) {
        RunModel model = spec.model().newModel(info, spec.maxRunLength());
        return new Bocpd(spec.hazard(), spec.pruneTolerance(), spec.maxRunLength(), model);
    }

    /** The HMM task filter of {@code spec} on {@code info}'s Gaussian evidence and task means; see {@link #create}. */
    public static TaskFilter filter(HmmSpec spec, EvidenceInfo info) {
        int w = info.width();
        if (info.taskMeans() == null)
            throw new IllegalArgumentException("hmm belief needs the task means (a markov stream with known optima)");
        if (info.noiseVar() == null)
            throw new IllegalArgumentException(
                    "hmm belief needs Gaussian evidence with a noise variance per coordinate");
        for (int i = 0; i < w; i++) {
            double s = info.noiseVar()[i];
            if (!(s > 0) || Double.isInfinite(s))
                throw new IllegalArgumentException(
                        "evidence noiseVar[" + i + "] must be a finite number > 0, got " + s);
        }
        double[][] means = info.taskMeans();
        for (int k = 0; k < means.length; k++) {
            if (means[k] == null || means[k].length != w) {
                throw new IllegalArgumentException(
                        "taskMeans[" + k + "] must have " + w + " entries (the evidence width), got "
                                + (means[k] == null ? "null" : String.valueOf(means[k].length)));
            }
            for (int i = 0; i < w; i++) {
                if (!Double.isFinite(means[k][i]))
                    throw new IllegalArgumentException(
                            "taskMeans[" + k + "][" + i + "] must be finite, got " + means[k][i]);
            }
        }
        if (means.length < 2)
            throw new IllegalArgumentException("hmm belief needs at least 2 tasks, got " + means.length);
        return new HmmFilter(spec.hazard(), means, info.noiseVar());
    }

    /**
     * A Gaussian known-noise BOCPD with a prior mean per coordinate (arrays copied): the ideal observer's
     * belief, and the general form of {@link GaussianModelSpec}.
     */
    public static Bocpd gaussian(
            double hazard,
            double pruneTolerance,
            int maxRunLength,
            double[] priorMean,
            double priorVar,
            double[] noiseVar) {
        if (maxRunLength <= 0) throw new IllegalArgumentException("r-max must be > 0, got " + maxRunLength);
        if (priorMean.length == 0) throw new IllegalArgumentException("prior mean must have at least one entry");
        return new Bocpd(
                hazard,
                pruneTolerance,
                maxRunLength,
                new GaussianRunModel(priorMean.length, maxRunLength, priorMean, priorVar, noiseVar));
    }
}
