package org.driftlab.results.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunLengthPosterior;
import org.driftlab.core.sim.RunLengthRecorder;
import org.driftlab.core.spec.ConfigProblems;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.StoredRun;
import org.driftlab.results.store.SweepRecord;

/**
 * Finds the {@link RunSpec} of stored runs in the stored sweep configs, and re-runs them checked against the
 * store (package docs). Built once per report from the store's sweeps; each config is parsed at most once, on
 * first need. Not thread-safe.
 */
public final class RunReplay {
    /** A stored run and the spec that reproduces it. */
    public record Target(StoredRun stored, RunSpec spec) {
        public Target {
            if (!stored.result().runId().equals(spec.runId())) {
                throw new IllegalArgumentException("spec " + spec.runId() + " is not stored run "
                        + stored.result().runId());
            }
        }

        /** True when the run's belief is BOCPD (it has a run-length posterior). */
        public boolean hasBocpd() {
            return spec.belief() instanceof BocpdSpec;
        }
    }

    private final List<SweepRecord> sweeps;
    private final Map<SweepRecord, Map<String, RunSpec>> parsed = new HashMap<>();
    private final Map<SweepRecord, String> problems = new HashMap<>();

    /** Over the sweeps of one store (as {@code ResultStore.sweeps()} returns them). */
    public RunReplay(List<SweepRecord> sweeps) {
        this.sweeps = List.copyOf(sweeps);
    }

    /**
     * The spec of {@code run}: from the stored configs of the sweeps named {@code run.sweep()} (the newest one
     * listing the run id).
     *
     * @throws ReplayMismatchException when no such config parses and lists the run (the message says why)
     */
    public Target target(StoredRun run) {
        String runId = run.result().runId();
        List<String> why = new ArrayList<>();
        for (int i = sweeps.size() - 1; i >= 0; i--) {
            SweepRecord s = sweeps.get(i);
            if (!s.name().equals(run.sweep())) continue;
            Map<String, RunSpec> specs = specs(s);
            if (specs == null) {
                why.add("its config (stored " + s.createdAt() + ") does not parse: " + problems.get(s));
                continue;
            }
            RunSpec spec = specs.get(runId);
            if (spec != null) return new Target(run, spec);
            why.add("its config (stored " + s.createdAt() + ") has no run with this id");
        }
        throw new ReplayMismatchException("run " + runId + " cannot be re-simulated from sweep '" + run.sweep() + "': "
                + (why.isEmpty() ? "the store holds no config of that sweep" : String.join("; ", why)));
    }

    /**
     * The first of {@code runs} (in their order) whose belief is BOCPD, or empty when none is; runs whose sweep
     * config cannot be read are passed over (they cannot be re-simulated anyway).
     */
    public Optional<Target> firstBocpd(List<StoredRun> runs) {
        for (StoredRun r : runs) {
            Target t;
            try {
                t = target(r);
            } catch (ReplayMismatchException e) {
                continue;
            }
            if (t.hasBocpd()) return Optional.of(t);
        }
        return Optional.empty();
    }

    /**
     * Re-runs {@code target} recording its run-length posterior in at most {@code maxColumns} columns (see
     * {@link RunLengthRecorder#record}) and checks it reproduces the stored run ({@link #checkReproduces}).
     *
     * @throws IllegalArgumentException when the run's belief is not BOCPD
     * @throws ReplayMismatchException  when the re-run differs from the stored run
     */
    public static RunLengthPosterior runLengthPosterior(Target target, int maxColumns) {
        RunLengthPosterior p = RunLengthRecorder.record(target.spec(), maxColumns);
        checkReproduces(target.stored(), p.result().metrics());
        return p;
    }

    /**
     * Checks that {@code rerun} equals the stored metrics of {@code stored} in every scalar (bitwise; NaN equals
     * NaN; J_total only where the store holds one) and in the switch and reset steps.
     *
     * @throws ReplayMismatchException naming the run and each field that differs, with both values
     */
    public static void checkReproduces(StoredRun stored, RunMetrics rerun) {
        RunMetrics s = stored.result().metrics();
        List<String> diffs = new ArrayList<>();
        check(diffs, "steps", s.steps(), rerun.steps());
        check(diffs, "mean_loss", s.meanLoss(), rerun.meanLoss());
        check(diffs, "mean_excess_loss", s.meanExcessLoss(), rerun.meanExcessLoss());
        check(diffs, "objective", s.objective(), rerun.objective());
        // stores written before J_total existed hold none (NaN): nothing to compare
        if (!Double.isNaN(s.objectiveTotal()))
            check(diffs, "objective_total", s.objectiveTotal(), rerun.objectiveTotal());
        check(diffs, "switches", s.switches(), rerun.switches());
        check(diffs, "resets", s.resets(), rerun.resets());
        check(diffs, "detections", s.detections(), rerun.detections());
        check(diffs, "mean_detection_delay", s.meanDetectionDelay(), rerun.meanDetectionDelay());
        check(diffs, "false_alarms", s.falseAlarms(), rerun.falseAlarms());
        check(diffs, "missed_switches", s.missedSwitches(), rerun.missedSwitches());
        check(diffs, "final_distance", s.finalDistance(), rerun.finalDistance());
        check(diffs, "diverged", s.diverged(), rerun.diverged());
        check(diffs, "diverged_at_step", s.divergedAtStep(), rerun.divergedAtStep());
        if (!java.util.Arrays.equals(s.switchSteps(), rerun.switchSteps())) diffs.add("switch steps differ");
        if (!java.util.Arrays.equals(s.resetSteps(), rerun.resetSteps())) diffs.add("reset steps differ");
        if (!diffs.isEmpty()) {
            throw new ReplayMismatchException("run " + stored.result().runId()
                    + ": re-simulating it from its stored config "
                    + "does not reproduce the stored run (" + String.join(", ", diffs) + "); the store was written by "
                    + "another driftlab version or edited, so no run-length heatmap is drawn for it");
        }
    }

    private static void check(List<String> diffs, String field, double stored, double rerun) {
        if (Double.doubleToLongBits(stored) != Double.doubleToLongBits(rerun)) {
            diffs.add(field + ": stored " + stored + ", re-simulated " + rerun);
        }
    }

    private static void check(List<String> diffs, String field, long stored, long rerun) {
        if (stored != rerun) diffs.add(field + ": stored " + stored + ", re-simulated " + rerun);
    }

    private static void check(List<String> diffs, String field, boolean stored, boolean rerun) {
        if (stored != rerun) diffs.add(field + ": stored " + stored + ", re-simulated " + rerun);
    }

    /** The specs of {@code s}'s config by run id; null (problem recorded) when it does not parse. */
    private Map<String, RunSpec> specs(SweepRecord s) {
        if (parsed.containsKey(s)) return parsed.get(s);
        Map<String, RunSpec> byId = null;
        try {
            SweepSpec spec = SweepLoader.parse(s.configText(), s.name() + ".conf");
            byId = new HashMap<>();
            for (RunSpec r : spec.runs()) byId.put(r.runId(), r);
        } catch (ConfigProblems | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            problems.put(s, m);
        }
        parsed.put(s, byId);
        return byId;
    }
}
