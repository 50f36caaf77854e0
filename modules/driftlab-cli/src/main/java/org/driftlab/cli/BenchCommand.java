package org.driftlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.driftlab.bench.e2e.ActorPathBench;
import org.driftlab.bench.e2e.CoreLoopBench;
import org.driftlab.bench.e2e.Workloads;
import org.driftlab.bench.e2e.Workloads.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab bench}: the end-to-end workload three ways in one process — (a) the plain core loop on one
 * thread, (b) the core loop on a pool of one thread per core, (c) the full actor path (embedded cluster,
 * sharded learner entities with belief actors and chunking, coordinator, result delivery) — and their
 * learner-steps per second and ratios. All three run the same learners (same seeds) and must agree bit for
 * bit; a difference is reported as an error. Wiring only: the measurement lives in driftlab-bench.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchScaleCommand.class, BenchSweepMemoryCommand.class},
        description = {"Measure learner-steps per second of a reference workload: (a) core loop, 1 thread; "
                + "(b) core loop, one thread per core; (c) the full actor path on an embedded cluster.",
                "Workloads (docs/PERFORMANCE.md): w1 (d = 32 quadratic, Adam, Gaussian BOCPD r_max 256, threshold reset), "
                        + "w1-dense (rotated H, d = 128), w1-scalar (Normal-Gamma belief on the loss)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--workload", paramLabel = "W", defaultValue = "w1", description = "w1, w1-dense or w1-scalar (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--learners", paramLabel = "N", defaultValue = "1000", description = "Learners per round (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(names = "--steps", paramLabel = "S", defaultValue = "5000", description = "Steps per learner (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", description = "Nodes of the embedded cluster for (c) (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--chunk", paramLabel = "K", defaultValue = "256", description = "Chunk size of the core loop, as the actor path's default (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--warmup", paramLabel = "R", defaultValue = "1", description = "Discarded warm-up rounds per path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3", description = "Measured rounds per path; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        Workload w = parseWorkload();
        return ExitCodes.run(spec, debug, () -> {
            PrintWriter out = spec.commandLine().getOut();
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf("workload %s: %d learners x %d steps, %d warm-up + %d measured rounds, %d cores%n",
                    w.id(), learners, steps, warmup, rounds, cores);
            out.flush();
            CoreLoopBench.Settings core = new CoreLoopBench.Settings(w, learners, steps, chunk, 1, warmup, rounds, 0);
            CoreLoopBench.Result single = CoreLoopBench.run(core);
            report(out, "(a) core loop, 1 thread", single.medianStepsPerSecond());
            CoreLoopBench.Result pool = CoreLoopBench.run(core.withThreads(Math.max(2, cores)));
            CoreLoopBench.compare(single, pool);
            report(out, "(b) core loop, " + Math.max(2, cores) + " threads", pool.medianStepsPerSecond());
            ActorPathBench.Result actors = ActorPathBench.run(
                    new ActorPathBench.Settings(w, learners, steps, nodes, warmup, rounds, 0),
                    ClusterConfig.load(RunCommand.EMBEDDED), single);
            report(out, "(c) actor path, " + nodes + (nodes == 1 ? " node" : " nodes"), actors.medianStepsPerSecond());
            out.printf("ratios: (b)/(a) = %.3f   (c)/(b) = %.3f   (c)/(a) = %.3f%n",
                    pool.medianStepsPerSecond() / single.medianStepsPerSecond(),
                    actors.medianStepsPerSecond() / pool.medianStepsPerSecond(),
                    actors.medianStepsPerSecond() / single.medianStepsPerSecond());
            out.println("all three paths gave bit-identical metrics");
            return ExitCodes.OK;
        });
    }

    private Workload parseWorkload() {
        try {
            return Workload.byId(workload.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--workload must be w1, w1-dense or w1-scalar, got " + workload);
        }
    }

    private static void report(PrintWriter out, String path, double stepsPerSecond) {
        out.printf("%-32s %,14.0f learner-steps/s%n", path, stepsPerSecond);
        out.flush();
    }
}
