package org.driftlab.core.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one run measured (DESIGN §8). Deterministic: two runs of the same RunSpec give equal RunMetrics
 * (equality is bitwise on every number and array). Loss means are over all steps; the excess loss at step
 * t is L_t(θ_t) − L_t(w*_t). {@code objective} is J, {@code objectiveTotal} J plus the control cost of every
 * reset's jump ({@code RunAccumulator}). {@code meanDetectionDelay} is NaN when nothing was detected;
 * {@code alignedExcessLoss[l]} is the mean excess loss l steps after a true switch (over the switches
 * followed by at least l steps of the same task, NaN when none); {@code binnedLoss}/{@code binnedExcessLoss}
 * are means over consecutive equal bins of steps. When {@code diverged}, weights became NaN/Inf at step
 * {@code divergedAtStep} (else −1) and the run stopped there; its means cover the steps before.
 * {@code effectiveRank}/{@code deadFraction} are the plasticity curves of an MLP learner's hidden layer, one
 * value per bin of the loss curve taken at the bin's end over the last N examples (see
 * {@code PlasticityProbe}; NaN for bins never completed); both are empty for runs without an MLP learner.
 * Arrays are hand-offs: the holder never modifies them.
 *
 * <p>This record is the one declaration of what a run stores: the results store derives its {@code runs}
 * columns (scalars, named in snake case) and its {@code curves} kinds (arrays) from the components, and the
 * report summarises the scalars marked {@link Measure}. Adding a metric is one component here (and its value
 * where {@link RunAccumulator} builds the record; equals and hashCode below list the components too).
 */
public record RunMetrics(
        long steps,
        @Measure(label = "mean loss", unit = "loss") double meanLoss,
        @Measure(label = "mean excess loss", unit = "loss") double meanExcessLoss,
        @Measure(label = "discounted objective J", unit = "cost") double objective,
        @Measure(label = "J with each reset's jump at its control cost", unit = "cost") double objectiveTotal,
        @Measure(label = "true switches", unit = "count") int switches,
        @Measure(label = "resets", unit = "count") int resets,
        @Measure(label = "detected switches", unit = "count") int detections,
        @Measure(label = "mean detection delay", unit = "steps") double meanDetectionDelay,
        @Measure(label = "false alarms", unit = "count") int falseAlarms,
        @Measure(label = "missed switches", unit = "count") int missedSwitches,
        @Measure(label = "final distance to optimum", unit = "‖θ − w*‖") double finalDistance,
        boolean diverged,
        long divergedAtStep,
        double[] binnedLoss,
        double[] binnedExcessLoss,
        double[] alignedExcessLoss,
        long[] switchSteps,
        long[] resetSteps,
        double[] effectiveRank,
        double[] deadFraction) {
    public RunMetrics {
        Objects.requireNonNull(binnedLoss, "binnedLoss");
        Objects.requireNonNull(binnedExcessLoss, "binnedExcessLoss");
        Objects.requireNonNull(alignedExcessLoss, "alignedExcessLoss");
        Objects.requireNonNull(switchSteps, "switchSteps");
        Objects.requireNonNull(resetSteps, "resetSteps");
        Objects.requireNonNull(effectiveRank, "effectiveRank");
        Objects.requireNonNull(deadFraction, "deadFraction");
    }

    /**
     * Detection quality for a window of {@code window} steps, from the stored switch and reset steps: hits, false
     * alarms and each detected switch's delay (the distribution {@code meanDetectionDelay} averages). With the
     * run's own detection window it agrees with {@code detections}, {@code falseAlarms} and {@code meanDetectionDelay}.
     */
    public Detections detectionsWithin(long window) {
        return Detections.match(switchSteps, resetSteps, window);
    }

    /** Metrics of a run without an MLP learner: no plasticity curves (both empty). */
    public RunMetrics(
            long steps,
            double meanLoss,
            double meanExcessLoss,
            double objective,
            double objectiveTotal,
            int switches,
            int resets,
            int detections,
            double meanDetectionDelay,
            int falseAlarms,
            int missedSwitches,
            double finalDistance,
            boolean diverged,
            long divergedAtStep,
            double[] binnedLoss,
            double[] binnedExcessLoss,
            double[] alignedExcessLoss,
            long[] switchSteps,
            long[] resetSteps) {
        this(
                steps,
                meanLoss,
                meanExcessLoss,
                objective,
                objectiveTotal,
                switches,
                resets,
                detections,
                meanDetectionDelay,
                falseAlarms,
                missedSwitches,
                finalDistance,
                diverged,
                divergedAtStep,
                binnedLoss,
                binnedExcessLoss,
                alignedExcessLoss,
                switchSteps,
                resetSteps,
                new double[0],
                new double[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunMetrics m
                && steps == m.steps
                && same(meanLoss, m.meanLoss)
                && same(meanExcessLoss, m.meanExcessLoss)
                && same(objective, m.objective)
                && same(objectiveTotal, m.objectiveTotal)
                && switches == m.switches
                && resets == m.resets
                && detections == m.detections
                && same(meanDetectionDelay, m.meanDetectionDelay)
                && falseAlarms == m.falseAlarms
                && missedSwitches == m.missedSwitches
                && same(finalDistance, m.finalDistance)
                && diverged == m.diverged
                && divergedAtStep == m.divergedAtStep
                && Arrays.equals(binnedLoss, m.binnedLoss)
                && Arrays.equals(binnedExcessLoss, m.binnedExcessLoss)
                && Arrays.equals(alignedExcessLoss, m.alignedExcessLoss)
                && Arrays.equals(switchSteps, m.switchSteps)
                && Arrays.equals(resetSteps, m.resetSteps)
                && Arrays.equals(effectiveRank, m.effectiveRank)
                && Arrays.equals(deadFraction, m.deadFraction);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(
                steps,
                meanLoss,
                meanExcessLoss,
                objective,
                objectiveTotal,
                switches,
                resets,
                detections,
                meanDetectionDelay,
                falseAlarms,
                missedSwitches,
                finalDistance,
                diverged,
                divergedAtStep);
        h = 31 * h + Arrays.hashCode(binnedLoss);
        h = 31 * h + Arrays.hashCode(binnedExcessLoss);
        h = 31 * h + Arrays.hashCode(alignedExcessLoss);
        h = 31 * h + Arrays.hashCode(switchSteps);
        h = 31 * h + Arrays.hashCode(resetSteps);
        h = 31 * h + Arrays.hashCode(effectiveRank);
        return 31 * h + Arrays.hashCode(deadFraction);
    }

    @Override
    public String toString() {
        return "RunMetrics[steps=" + steps + ", meanLoss=" + meanLoss + ", meanExcessLoss=" + meanExcessLoss
                + ", objective=" + objective + ", objectiveTotal=" + objectiveTotal
                + ", switches=" + switches + ", resets=" + resets
                + ", detections=" + detections + ", meanDetectionDelay=" + meanDetectionDelay
                + ", falseAlarms=" + falseAlarms + ", missedSwitches=" + missedSwitches
                + ", finalDistance=" + finalDistance + ", diverged=" + diverged
                + ", divergedAtStep=" + divergedAtStep
                + (effectiveRank.length == 0
                        ? ""
                        : ", finalEffectiveRank=" + effectiveRank[effectiveRank.length - 1] + ", finalDeadFraction="
                                + deadFraction[deadFraction.length - 1])
                + "]";
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
