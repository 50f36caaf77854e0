package org.driftlab.results.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;

/**
 * Hand-built sweeps and results for store, stats, plot and export tests (the simulation is not needed).
 * Everything is a deterministic function of the arguments.
 */
public final class StoreFixtures {
    public static final int BINS = 20;
    public static final int LAGS = 10;
    public static final long STEPS = 2000;

    private StoreFixtures() {}

    /** A sweep over hazard × reset policy (numeric × text), {@code seeds} seeds each. */
    public static SweepSpec hazardByReset(String name, int seeds) {
        List<List<SweptValue>> conditions = new ArrayList<>();
        for (String hazard : List.of("0.001", "0.01", "0.05")) {
            for (String reset : List.of("\"none\"", "\"belief-threshold\"")) {
                conditions.add(
                        List.of(new SweptValue("stream.switching.hazard", hazard), new SweptValue("reset", reset)));
            }
        }
        return sweep(name, List.of("stream.switching.hazard", "reset"), conditions, seeds);
    }

    /** A sweep with the given swept keys and conditions, {@code seeds} seeds each; ids derive from the values. */
    public static SweepSpec sweep(String name, List<String> keys, List<List<SweptValue>> conditions, int seeds) {
        List<RunSpec> runs = new ArrayList<>();
        for (List<SweptValue> cond : conditions) {
            String conditionId = "c" + Integer.toHexString(cond.hashCode());
            for (int seed = 0; seed < seeds; seed++) {
                runs.add(new RunSpec(
                        conditionId + "-s" + seed,
                        conditionId,
                        seed,
                        42L,
                        STEPS,
                        0.01,
                        new QuadraticStreamSpec(
                                2,
                                SpectrumSpec.logSpaced(0.1, 1),
                                false,
                                0.1,
                                PriorSpec.standard(),
                                null,
                                null,
                                new HazardSwitchSpec(0.01)),
                        new SgdSpec(0.1),
                        new NoBeliefSpec(),
                        new NoResetSpec(),
                        MetricsSpec.defaults(),
                        cond));
            }
        }
        return new SweepSpec(name, "# fixture " + name + "\nsweep { keys = " + keys + " }\n", keys, runs);
    }

    /**
     * A plausible result for {@code spec}: loss level rising with the swept hazard, lower with a reset policy,
     * seeded noise; some NaN where RunMetrics allows it; {@code diverged} when asked.
     */
    public static RunResult resultFor(RunSpec spec, boolean diverged) {
        SplittableRandom rnd = new SplittableRandom(spec.runId().hashCode());
        double hazard = 0.01;
        boolean reset = false;
        for (SweptValue v : spec.params()) {
            if (v.key().endsWith("hazard")) hazard = Double.parseDouble(v.value());
            if (v.key().equals("reset")) reset = !v.value().contains("none");
        }
        double level = 0.2 + 10 * hazard * (reset ? 0.5 : 1.0);
        int nSwitches = 2 + rnd.nextInt(3);
        long[] switches = new long[nSwitches];
        for (int i = 0; i < nSwitches; i++) switches[i] = (i + 1) * STEPS / (nSwitches + 1) + rnd.nextInt(20);
        long[] resets = reset
                ? Arrays.stream(switches).map(s -> s + 5 + rnd.nextInt(10)).toArray()
                : new long[0];
        double[] binned = new double[BINS];
        double[] excess = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            excess[b] = level * (0.5 + rnd.nextDouble());
            binned[b] = 0.1 + excess[b];
        }
        double[] aligned = new double[LAGS + 1];
        for (int l = 0; l <= LAGS; l++)
            aligned[l] = l >= LAGS - 1 ? Double.NaN : level * 3 * Math.exp(-0.3 * l) + 0.05 * rnd.nextDouble();
        double meanExcess = Arrays.stream(excess).average().orElseThrow();
        double objective = 3 * meanExcess + rnd.nextDouble();
        RunMetrics m = new RunMetrics(
                diverged ? STEPS / 2 : STEPS,
                0.1 + meanExcess,
                meanExcess,
                objective,
                objective + 0.25 * resets.length,
                nSwitches,
                resets.length,
                resets.length,
                reset ? 5 + 10 * rnd.nextDouble() : Double.NaN,
                rnd.nextInt(3),
                reset ? 0 : nSwitches,
                rnd.nextDouble(),
                diverged,
                diverged ? STEPS / 2 : -1,
                binned,
                excess,
                aligned,
                switches,
                resets,
                plasticityCurve(spec, rnd, 5),
                plasticityCurve(spec, rnd, 1));
        return new RunResult(
                spec.runId(),
                spec.conditionId(),
                spec.seed(),
                m,
                1_000_000L + rnd.nextInt(50_000_000),
                "node-" + (spec.seed() % 2));
    }

    /** A per-bin plasticity measure for odd seeds (as MLP runs have), empty for even seeds (as other runs). */
    private static double[] plasticityCurve(RunSpec spec, SplittableRandom rnd, double scale) {
        if (spec.seed() % 2 == 0) return new double[0];
        double[] curve = new double[BINS];
        for (int b = 0; b < BINS; b++) curve[b] = scale * rnd.nextDouble();
        return curve;
    }

    /** {@link #resultFor(RunSpec, boolean)} without divergence. */
    public static RunResult resultFor(RunSpec spec) {
        return resultFor(spec, false);
    }

    /** Writes every run of {@code sweep} (the run at {@code divergedIndex} diverged, none when −1). */
    public static void writeAll(ResultStore store, SweepSpec sweep, int divergedIndex) {
        store.beginSweep(sweep);
        for (int i = 0; i < sweep.runs().size(); i++) {
            RunSpec r = sweep.runs().get(i);
            store.accept(r, resultFor(r, i == divergedIndex));
        }
    }

    /**
     * A real sweep of 400-step runs: Adam on a switching 3-d quadratic with a BOCPD belief (r-max 60) or
     * none ({@code belief = "none"}), reset none or belief-threshold (BOCPD only); {@code seeds} seeds.
     */
    public static String simulatedConfig(String name, String belief, int seeds) {
        boolean bocpd = belief.equals("bocpd");
        return """
                name = %s
                steps = 400
                seeds = %d
                master-seed = 11
                stream {
                  type = quadratic
                  dim = 3
                  eigenvalues { min = 0.5, max = 2 }
                  gradient-noise = 0.5
                  prior { mean = 0, std = 1 }
                  switching { type = hazard, hazard = 0.02 }
                }
                rule { type = adam, lr = 0.05 }
                belief %s
                metrics { bins = 10, aligned-lags = 20 }
                sweep { reset = %s }
                """
                .formatted(
                        name,
                        seeds,
                        bocpd
                                ? "{ type = bocpd, model = gaussian, hazard = 0.02, r-max = 60, prune = 1e-8 }"
                                : "{ type = none }",
                        bocpd
                                ? "[ { type = none }, { type = belief-threshold, tau = 0.3, window = 5 } ]"
                                : "[ { type = none }, { type = oracle } ]");
    }

    /** Parses {@code configText}, begins its sweep on {@code store} and stores every run, simulated for real. */
    public static SweepSpec simulateAll(ResultStore store, String configText) {
        SweepSpec sweep = org.driftlab.core.spec.SweepLoader.parse(configText, "fixture.conf");
        store.beginSweep(sweep);
        for (RunSpec r : sweep.runs()) store.accept(r, org.driftlab.core.sim.Simulation.run(r, 16));
        return sweep;
    }
}
