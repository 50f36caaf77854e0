package org.driftlab.core.metrics;

/**
 * Detection quality of one run for a detection window D (DESIGN §8): which true switches its resets detected,
 * with what delay, and how many resets were false alarms. The matching rule is the one of
 * {@link RunAccumulator}: each reset, at effective step e, in order, is compared with the latest switch t ≤ e;
 * if e − t ≤ D and that switch is not detected yet, it is detected with delay e − t; if no switch lies within D
 * steps before e, the reset is a false alarm; otherwise it is a repeated firing (neither).
 *
 * @param hits        switches detected within D steps
 * @param falseAlarms resets with no switch within D steps before them
 * @param delays      the detection delay of each detected switch, in steps, in switch order (length hits)
 */
public record Detections(int hits, int falseAlarms, long[] delays) {
    /** Matches {@code resetSteps} against {@code switchSteps} (both ascending effective steps) with window D ≥ 0. */
    public static Detections match(long[] switchSteps, long[] resetSteps, long window) {
        if (window < 0) throw new IllegalArgumentException("detection window must be >= 0, got " + window);
        long[] delays = new long[switchSteps.length];
        int hits = 0;
        int falseAlarms = 0;
        boolean[] detected = new boolean[switchSteps.length];
        int latest = -1; // index of the latest switch <= the current reset's effective step
        for (long e : resetSteps) {
            while (latest + 1 < switchSteps.length && switchSteps[latest + 1] <= e) latest++;
            if (latest < 0 || e - switchSteps[latest] > window) {
                falseAlarms++;
            } else if (!detected[latest]) {
                detected[latest] = true;
                delays[hits++] = e - switchSteps[latest];
            }
        }
        return new Detections(hits, falseAlarms, java.util.Arrays.copyOf(delays, hits));
    }

    /** The mean delay of the detected switches; NaN when none was detected. */
    public double meanDelay() {
        if (hits == 0) return Double.NaN;
        long sum = 0;
        for (long d : delays) sum += d;
        return (double) sum / hits;
    }

    /** False alarms per 1,000 steps of a run of {@code steps} steps (NaN for an empty run). */
    public double falseAlarmsPer1000(long steps) {
        return steps == 0 ? Double.NaN : 1000.0 * falseAlarms / steps;
    }
}
