package org.driftlab.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.core.footprint.RunFootprint;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.sim.TraceWriter;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab trace}: runs one run of a config in this process, in lockstep, and writes its per-step
 * trace as CSV ({@link TraceWriter}'s columns). The run is the sweep's first (conditions × seeds order, see
 * docs/CONFIG.md) or the one at {@code --run}. The CSV is written atomically: a failure leaves no
 * half-written file. Prints one summary line to stdout.
 */
@Command(
        name = "trace",
        description = {
            "Run one run of a config locally and write its per-step trace as CSV.",
            "Columns: step,time,task,loss,excess_loss,p_change,reset[,theta_0..theta_{d-1}]."
        })
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    IncludeOption includes;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The experiment config (HOCON).")
    Path config;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "trace.csv",
            description = "Where to write the CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--steps",
            paramLabel = "N",
            description = "Trace only the first N steps of the run (default: the config's steps).")
    Long steps;

    @Option(names = "--weights", description = "Add the weights θ after each step as columns theta_0 … theta_{d-1}.")
    boolean weights;

    @Option(
            names = "--run",
            paramLabel = "INDEX",
            defaultValue = "0",
            description = "Which run of the sweep, 0-based (default: ${DEFAULT-VALUE}).")
    int run;

    @Override
    public Integer call() {
        if (steps != null && steps < 1)
            throw new ParameterException(spec.commandLine(), "--steps must be >= 1, got " + steps);
        if (run < 0) throw new ParameterException(spec.commandLine(), "--run must be >= 0, got " + run);
        return ExitCodes.run(spec, debug, () -> {
            SweepSpec sweep = SweepLoader.load(config, includes.sources());
            List<RunSpec> runs = sweep.runs();
            if (run >= runs.size()) {
                throw new BadInputException("--run " + run + " is out of range: " + config + " has " + runs.size()
                        + " runs (0 to " + (runs.size() - 1) + ")");
            }
            RunSpec chosen = withSteps(runs.get(run), steps);
            OutputGuard.refuseClobbering("--out", out, OutputGuard.configInputs(config, includes.sources()));
            SweepMemory.requireHeap(
                    "run " + run + " of " + config,
                    RunFootprint.of(chosen, 1).total(),
                    "make it smaller, or raise the heap with DRIFTLAB_JAVA_OPTS=-Xmx...");
            RunResult[] result = new RunResult[1];
            AtomicOutput.write(out, temp -> {
                try (Writer w = new RowProgress(
                                Files.newBufferedWriter(temp, StandardCharsets.UTF_8),
                                spec.commandLine().getErr(),
                                "trace",
                                "steps",
                                chosen.steps(),
                                RowProgress.INTERVAL_NANOS,
                                System::nanoTime);
                        TraceWriter trace = new TraceWriter(w, chosen.stream().dim(), weights)) {
                    result[0] = Simulation.run(chosen, trace);
                }
            });
            spec.commandLine()
                    .getOut()
                    .println("run " + chosen.runId() + " (condition " + chosen.conditionId() + ", seed "
                            + chosen.seed() + describe(chosen.params()) + "): "
                            + result[0].metrics().steps() + " steps, mean excess loss "
                            + result[0].metrics().meanExcessLoss()
                            + (result[0].metrics().diverged() ? ", DIVERGED" : "") + " -> " + out);
            return ExitCodes.OK;
        });
    }

    /**
     * The run with its step count replaced; its ids stay those of the full run, whose first N steps it
     * traces (random streams are keyed by master seed and seed, not by the step count). A trace is never
     * stored, so the shortened run cannot be mistaken for the full one in the results. More steps than the
     * config's would be another run under this run's id: refused.
     */
    private RunSpec withSteps(RunSpec r, Long steps) {
        if (steps == null) return r;
        if (steps > r.steps()) {
            throw new BadInputException(
                    "--steps " + steps + " is beyond the run's " + r.steps() + " steps (steps in " + config
                            + "): a trace covers at most the configured run; raise steps in the config to trace longer");
        }
        return r.withSteps(steps);
    }

    private static String describe(List<SweptValue> params) {
        StringBuilder s = new StringBuilder();
        for (SweptValue p : params) s.append(", ").append(p.key()).append(" = ").append(p.value());
        return s.toString();
    }
}
