package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guarantee {@code driftlab belief} states for its default prune tolerance: the detected changepoints
 * ({@link BeliefSeries#changepoints}) equal those of the exact recursion ({@code --prune 0}), checked on series made
 * to make pruning matter: outliers of growing size inside long segments (a long run falls below the tolerance
 * and would have come back), returns to an earlier level after a short excursion, and heavy tails (Student-t
 * with 1 and 2 degrees of freedom), for every scalar model, several thresholds and windows.
 */
class PruningGuaranteeTest {
    static final double DEFAULT_PRUNE = 1e-10;
    static final double HAZARD = 0.002;

    record Case(String name, double[] values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> series() {
        List<Case> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(5);
        // outliers of 5σ … 60σ every 150 steps inside one long segment, then a level shift
        double[] outliers = new double[1500];
        double[] sizes = {5, 7, 8, 10, 12, 15, 20, 30, 60};
        for (int t = 0; t < outliers.length; t++) {
            outliers[t] = (t < 1400 ? 0 : 3) + rnd.nextGaussian();
            if (t % 150 == 75 && t / 150 < sizes.length) outliers[t] += (t / 150 % 2 == 0 ? 1 : -1) * sizes[t / 150];
        }
        out.add(new Case("outliers in a long segment", outliers));
        // a long segment at 0, an excursion to 4 of k steps, back to 0; k = 1 … 40
        List<Double> ret = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 5, 8, 13, 21, 40}) {
            for (int t = 0; t < 150; t++) ret.add(rnd.nextGaussian());
            for (int t = 0; t < k; t++) ret.add(4 + rnd.nextGaussian());
        }
        for (int t = 0; t < 150; t++) ret.add(rnd.nextGaussian());
        out.add(new Case(
                "returns to an earlier level",
                ret.stream().mapToDouble(Double::doubleValue).toArray()));
        for (int dof : new int[] {1, 2}) {
            double[] heavy = new double[1500];
            double scale = 1;
            for (int t = 0; t < heavy.length; t++) {
                if (t % 500 == 0) scale = Math.exp(rnd.nextGaussian());
                double chi2 = 0;
                for (int i = 0; i < dof; i++) chi2 += Math.pow(rnd.nextGaussian(), 2);
                heavy[t] = scale * rnd.nextGaussian() / Math.sqrt(chi2 / dof);
            }
            out.add(new Case("Student-t, " + dof + " degrees of freedom", heavy));
        }
        return out;
    }

    static BeliefSeries.Options options(String model, int window, double prune, int rMax) {
        return switch (model) {
            case "gaussian" ->
                new BeliefSeries.Options(
                        model,
                        HAZARD,
                        new BeliefSeries.Priors(0.0, 25.0, 1.0, null, null, null),
                        20,
                        window,
                        prune,
                        rMax);
            case "normal-gamma" ->
                new BeliefSeries.Options(
                        model,
                        HAZARD,
                        new BeliefSeries.Priors(0.0, null, null, 1.0, 1.0, 1.0),
                        20,
                        window,
                        prune,
                        rMax);
            case "variance-change" ->
                new BeliefSeries.Options(
                        model,
                        HAZARD,
                        new BeliefSeries.Priors(null, null, null, null, 1.0, null),
                        20,
                        window,
                        prune,
                        rMax);
            default ->
                new BeliefSeries.Options(
                        model,
                        HAZARD,
                        new BeliefSeries.Priors(null, null, null, 1.0, 1.0, null),
                        20,
                        window,
                        prune,
                        rMax);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void theDefaultToleranceDetectsTheSameChangepointsAsExact(Case c) {
        int steps = c.values().length;
        int detections = 0;
        for (String model : BeliefSeries.MODELS) {
            for (int window : new int[] {10, 50}) {
                for (double threshold : new double[] {0.5, 0.99}) {
                    List<long[]> exact = BeliefSeries.changepoints(
                            options(model, window, 0, steps).belief(1), c.values(), window, threshold);
                    List<long[]> pruned = BeliefSeries.changepoints(
                            options(model, window, DEFAULT_PRUNE, steps).belief(1), c.values(), window, threshold);
                    assertThat(pruned)
                            .as("%s, window %d, threshold %s", model, window, threshold)
                            .usingElementComparator(PruningGuaranteeTest::compare)
                            .isEqualTo(exact);
                    detections += exact.size();
                }
            }
        }
        assertThat(detections).as("the series makes the detectors fire").isPositive();
    }

    private static int compare(long[] a, long[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
