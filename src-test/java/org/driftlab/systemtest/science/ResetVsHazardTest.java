package org.driftlab.systemtest.science;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.experiments.Configs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment 3 in small (configs/reset-vs-hazard.conf with fewer steps and seeds, at the highest hazard): oracle
 * resets beat no reset for every rule, and the ideal observer, whose model matches the stream, has a lower mean
 * excess loss than every policy that does not know the true switch times.
 */
class ResetVsHazardTest {
    private static final String RULES = "rule = [{ type = sgd, lr = 0.1 }, { type = adam, lr = 0.1 },"
            + " { type = optimal-control, gamma = 10, source = observed }]";
    private static final double HAZARD = 0.02;

    /** rule → reset → mean excess loss over the seeds. */
    private static Map<String, Map<String, Double>> excess;

    private static double idealObserver;

    @BeforeAll
    static void run() {
        SweepSpec policies = Configs.withOverrides(
                "reset-vs-hazard.conf",
                "steps = 3000\nseeds = 6\nsweep = null\nsweep {\n"
                        + "stream.switching.hazard = [" + HAZARD + "]\nstream.gradient-noise = [0.5]\n" + RULES + "\n"
                        + "reset = [none, { type = oracle, target = prior-mean },"
                        + " { type = belief-threshold, tau = 0.5, window = 10, target = prior-mean },"
                        + " { type = belief-soft, tau = 0.2, window = 10, target = prior-mean },"
                        + " { type = shrink-perturb, lambda = 0.999, sigma = 0.01, every = 1 }, { type = l2-init, lambda = 0.01 },"
                        + " { type = periodic, period = 50, target = prior-mean }]\n}");
        excess = new LinkedHashMap<>();
        for (LocalSweep.Done d : LocalSweep.run(policies, null, 2)) {
            String rule = d.spec().rule().getClass().getSimpleName();
            String reset = d.spec().reset() instanceof OracleResetSpec
                    ? "oracle"
                    : d.spec().reset().getClass().getSimpleName();
            excess.computeIfAbsent(rule, k -> new LinkedHashMap<>())
                    .merge(reset, d.result().metrics().meanExcessLoss() / 6, Double::sum);
        }
        SweepSpec ideal = Configs.withOverrides(
                "reset-vs-hazard.conf",
                "steps = 3000\nseeds = 6\nbelief = none\nsweep = null\nsweep {\n"
                        + "stream.switching.hazard = [" + HAZARD + "]\nstream.gradient-noise = [0.5]\n"
                        + "rule = [{ type = ideal-observer, hazard = " + HAZARD + " }]\nreset = [none]\n}");
        List<LocalSweep.Done> io = LocalSweep.run(ideal, null, 2);
        idealObserver = io.stream()
                .mapToDouble(d -> d.result().metrics().meanExcessLoss())
                .average()
                .orElseThrow();
    }

    @Test
    void oracleResetsBeatNoResetAtHighHazard() {
        assertThat(excess).hasSize(3);
        excess.forEach(
                (rule, byReset) -> assertThat(byReset.get("oracle")).as(rule).isLessThan(byReset.get("NoResetSpec")));
    }

    @Test
    void idealObserverBeatsEveryPolicyThatDoesNotKnowTheSwitchTimes() {
        excess.forEach((rule, byReset) -> {
            assertThat(byReset).hasSize(7);
            byReset.forEach((reset, value) -> {
                if (!reset.equals("oracle"))
                    assertThat(idealObserver).as("%s with %s", rule, reset).isLessThan(value);
            });
        });
    }
}
