package org.driftlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.footprint.SweepFootprint;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.results.store.ResultStore;

/**
 * {@code run --plan}: what a sweep would do, without doing it: the expanded grid (conditions with their
 * labels), the run count and learner-steps, an estimated time from a short calibration, the memory per node
 * ({@link SweepMemory}) and the store it would write. Writes nothing (an existing store is only read).
 *
 * <p>Calibration: one run per distinct condition shape (what sets a step's cost: the stream's kind and
 * sizes, the rule's kind and metric, the belief's kind, model and r_max, the reset's kind) is run in this
 * thread through the core loop ({@link Simulation}) on runs of doubling length: first up to {@link #WARMUP_STEPS}
 * steps (or {@link #WARMUP_NANOS}) to warm the JIT, then, once every shape has warmed up, measured until a run
 * takes {@link #MEASURE_NANOS} or {@link #MAX_MEASURE_STEPS} steps. The time estimate is each condition's learner-steps at its shape's rate, over the cores that run
 * learners at once.
 */
final class SweepPlan {
    static final int WARMUP_STEPS = 20_000;
    static final long WARMUP_NANOS = 200_000_000L;
    static final int MAX_MEASURE_STEPS = 20_000;
    static final long MEASURE_NANOS = 100_000_000L;
    /** Conditions listed in full up to this count; beyond it the first and last few. */
    static final int LISTED = 30;

    private SweepPlan() {}

    /** One calibrated shape: its description and measured learner-steps per second on one core. */
    record Shape(String description, double stepsPerSecond) {}

    /**
     * Prints the plan of {@code sweep} for {@code nodes} embedded nodes to {@code out}.
     *
     * @param config    the sweep's config file (named in the plan)
     * @param storeFile the store the sweep would write
     * @param memory    the sweep's memory estimate
     * @param inFlight  runs in flight per node
     * @param chunkSize steps per chunk (calibration runs with it, as the nodes do)
     */
    static void print(
            SweepSpec sweep,
            Path config,
            Path storeFile,
            boolean resume,
            int nodes,
            SweepFootprint memory,
            int inFlight,
            int chunkSize,
            PrintWriter out) {
        Map<String, List<RunSpec>> conditions = new LinkedHashMap<>();
        for (RunSpec r : sweep.runs())
            conditions.computeIfAbsent(r.conditionId(), k -> new ArrayList<>()).add(r);
        out.println("plan of sweep '" + sweep.name() + "' (" + config + "); nothing is run or written");
        out.println();
        printConditions(conditions, out);
        long steps = 0;
        for (RunSpec r : sweep.runs()) steps += r.steps();
        out.println();
        int seeds = sweep.runs().size() / conditions.size();
        out.println(String.format(
                Locale.ROOT,
                "runs: %,d (%,d condition%s × %,d seed%s), %,d learner-steps",
                sweep.runs().size(),
                conditions.size(),
                conditions.size() == 1 ? "" : "s",
                seeds,
                seeds == 1 ? "" : "s",
                steps));

        Map<String, RunSpec> representatives = new LinkedHashMap<>();
        for (List<RunSpec> runs : conditions.values()) representatives.putIfAbsent(shapeOf(runs.get(0)), runs.get(0));
        // every shape warms up before any is measured, so the first measured does not pay for the JIT alone
        for (RunSpec r : representatives.values()) timedRuns(r, chunkSize, WARMUP_STEPS, WARMUP_NANOS);
        Map<String, Shape> shapes = new LinkedHashMap<>();
        representatives.forEach((key, r) -> shapes.put(key, calibrate(r, chunkSize, key)));
        double cpuSeconds = 0;
        for (List<RunSpec> runs : conditions.values()) {
            RunSpec first = runs.get(0);
            cpuSeconds += (double) first.steps()
                    * runs.size()
                    / shapes.get(shapeOf(first)).stepsPerSecond();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = (int) Math.max(
                1,
                Math.min(cores, Math.min((long) nodes * inFlight, sweep.runs().size())));
        out.println(String.format(
                Locale.ROOT,
                "calibration (one core, after warm-up; up to %,d steps measured per kind of condition):",
                MAX_MEASURE_STEPS));
        for (Shape s : shapes.values()) {
            out.println("  " + ProgressDisplay.si(s.stepsPerSecond()) + " learner-steps/s  " + s.description());
        }
        double wall = cpuSeconds / parallel;
        out.println(String.format(
                Locale.ROOT,
                "estimated time: ~%s with %d node%s on %d core%s (%d runs at once)",
                wall < 60 ? String.format(Locale.ROOT, "%.1f s", wall) : ProgressDisplay.clock(Math.round(wall)),
                nodes,
                nodes == 1 ? "" : "s",
                cores,
                cores == 1 ? "" : "s",
                parallel));
        out.println(
                "memory: ~" + SweepMemory.bytes(memory.perNode()) + " per node (" + inFlight + " runs in flight, the "
                        + "largest ~" + SweepMemory.bytes(memory.perRun()) + "); ~"
                        + SweepMemory.bytes(memory.inOneProcess(nodes))
                        + " for " + nodes + " node" + (nodes == 1 ? "" : "s") + " in this process; heap "
                        + SweepMemory.bytes(Runtime.getRuntime().maxMemory()));
        out.println("store: " + storeFile + " (" + storeState(sweep, storeFile, resume) + ")");
        out.flush();
    }

    private static void printConditions(Map<String, List<RunSpec>> conditions, PrintWriter out) {
        List<List<RunSpec>> all = new ArrayList<>(conditions.values());
        int width = "condition".length();
        for (List<RunSpec> runs : all)
            width = Math.max(width, ConditionNames.of(runs.get(0).params()).length());
        String format = "%4s  %-" + width + "s  %12s  %6s%n";
        out.printf(Locale.ROOT, format, "#", "condition", "steps", "seeds");
        for (int i = 0; i < all.size(); i++) {
            if (all.size() > LISTED && i == LISTED - 5) {
                out.printf(Locale.ROOT, "  ... %,d more%n", all.size() - LISTED);
                i = all.size() - 5;
            }
            RunSpec first = all.get(i).get(0);
            out.printf(
                    Locale.ROOT,
                    format,
                    i + 1,
                    ConditionNames.of(first.params()),
                    String.format(Locale.ROOT, "%,d", first.steps()),
                    all.get(i).size());
        }
    }

    /** What sets a step's cost, as a description; conditions with the same one are calibrated once. */
    static String shapeOf(RunSpec r) {
        StringBuilder s = new StringBuilder();
        s.append(name(r.stream())).append(" d=").append(r.stream().dim());
        if (r.stream() instanceof QuadraticStreamSpec q && q.rotated()) s.append(" rotated");
        if (r.stream() instanceof LinearRegressionStreamSpec l)
            s.append(" batch=").append(l.batch());
        s.append(", ").append(name(r.rule()));
        if (r.rule() instanceof NaturalGradientSpec ng)
            s.append(" (").append(ng.metric().kind()).append(')');
        if (r.rule() instanceof OptimalControlSpec oc)
            s.append(" (").append(oc.metric().kind()).append(')');
        s.append(", ").append(name(r.belief()));
        if (r.belief() instanceof BocpdSpec b)
            s.append(" (")
                    .append(name(b.model()))
                    .append(", r_max ")
                    .append(b.maxRunLength())
                    .append(')');
        return s.append(", ").append(name(r.reset())).toString();
    }

    private static String name(Object spec) {
        String n = spec.getClass().getSimpleName();
        return n.endsWith("Spec") ? n.substring(0, n.length() - 4) : n;
    }

    /**
     * Runs {@code run}'s condition briefly (see the class comment); its steps per second on this thread, what a
     * run costs once (building the learner and its belief) included, as every run of the sweep pays it. A
     * condition short enough to run whole within the budget is run whole, repeatedly; a longer one is
     * extrapolated from its longest measured prefix.
     */
    private static Shape calibrate(RunSpec run, int chunkSize, String description) {
        long[] last = timedRuns(run, chunkSize, MAX_MEASURE_STEPS, MEASURE_NANOS);
        long steps = last[0];
        long nanos = last[1];
        while (steps % run.steps() == 0 && nanos < MEASURE_NANOS) { // whole runs: repeat to fill the budget
            long t0 = System.nanoTime();
            Simulation.run(run, chunkSize);
            nanos += System.nanoTime() - t0;
            steps += run.steps();
        }
        return new Shape(description, steps * 1e9 / Math.max(1, nanos));
    }

    /**
     * Runs {@code run}'s condition for 10, 20, 40, … steps (at most its own steps and {@code maxSteps}) until one
     * run takes {@code budgetNanos} or the length reaches its cap: a slow condition is measured on few steps, so
     * the plan stays quick whatever the config. Returns the last run's {steps, nanoseconds}.
     */
    private static long[] timedRuns(RunSpec run, int chunkSize, long maxSteps, long budgetNanos) {
        long cap = Math.min(run.steps(), maxSteps);
        long n = Math.min(cap, 10);
        while (true) {
            long t0 = System.nanoTime();
            Simulation.run(run.withSteps(n), chunkSize);
            long elapsed = System.nanoTime() - t0;
            if (elapsed >= budgetNanos || n >= cap) return new long[] {n, elapsed};
            n = Math.min(2 * n, cap);
        }
    }

    /** "new", or how many of the sweep's runs the store already holds (read only; nothing is created). */
    private static String storeState(SweepSpec sweep, Path storeFile, boolean resume) {
        if (!Files.exists(storeFile)) return "new";
        try (ResultStore store = ResultStore.openReadOnly(storeFile)) {
            SweepSession.checkResume(store, sweep, resume);
            // counted from the stored runs: storedRunIds is the writer's (it records the sweep)
            Set<String> ids = new HashSet<>();
            for (RunSpec r : sweep.runs()) ids.add(r.runId());
            long have = store.runs().stream()
                    .filter(r -> ids.contains(r.result().runId()))
                    .count();
            return "exists: holds " + have + " of these " + sweep.runs().size() + " runs, which would be skipped";
        } catch (BadInputException refused) {
            return "would be refused: " + refused.getMessage();
        }
    }
}
