package org.driftlab.bench.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.driftlab.bench.e2e.ActorPathHarness;
import org.driftlab.bench.e2e.PathComparison;
import org.driftlab.bench.e2e.PathComparison.Path;
import org.driftlab.bench.e2e.RoundResult;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cli.ClusterConfig;
import org.driftlab.cli.DebugOption;
import org.driftlab.cli.DriftlabCommand;
import org.driftlab.cli.ExitCodes;
import org.driftlab.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab bench}: the end-to-end workload three ways in one process — (a) the plain core loop on one
 * thread, (b) the core loop on a pool of one thread per core, (c) the full actor path (embedded cluster,
 * sharded learner entities with belief actors and chunking, coordinator, result delivery) — in paired,
 * interleaved rounds ({@link PathComparison}): the cluster stays up across all rounds, and round k runs (a), (b)
 * and (c) on the same seeds in an order rotated with k, so the machine's drift and the JIT's order hit each path
 * alike. Per path it prints the median learner-steps per second and process CPU nanoseconds per learner-step,
 * and per pair the median and range of the per-round ratios. All three paths run the same learners and must
 * agree bit for bit in every round; a difference is an error. The header names the machine, JVM, heap, date,
 * chunk size K (the same for all paths) and in-flight window, so a pasted output describes itself. Wiring and
 * formatting only: the measurement lives in {@link PathComparison}.
 *
 * <p>The top command of the bench tool, a jar of its own beside the product's ({@code driftlab-bench.jar}, which
 * the launcher runs for {@code ./driftlab bench ...}), so that the product jar holds no bench or JMH code.
 */
@Command(
        name = "driftlab bench",
        mixinStandardHelpOptions = true,
        versionProvider = DriftlabCommand.Version.class,
        subcommands = {
            BenchJvmsCommand.class,
            BenchScaleCommand.class,
            BenchSweepMemoryCommand.class,
            CommandLine.HelpCommand.class
        },
        description = {
            "Measure learner-steps per second of a reference workload: (a) core loop, 1 thread; "
                    + "(b) core loop, one thread per core; (c) the full actor path on an embedded cluster. "
                    + "Rounds are interleaved: each runs (a), (b), (c) on the same seeds, in an order rotated every round.",
            "Workloads (docs/PERFORMANCE.md): w1 (d = 32 quadratic, Adam, Gaussian BOCPD r_max 256, threshold reset), "
                    + "w1-dense (rotated H, d = 128), w1-scalar (Normal-Gamma belief on the loss)."
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    WorkloadOption workload;

    @Option(
            names = "--learners",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Learners per round and path (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(
            names = "--steps",
            paramLabel = "S",
            defaultValue = "5000",
            description = "Steps per learner (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            defaultValue = "1",
            description = "Nodes of the embedded cluster for (c) (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(
            names = "--chunk",
            paramLabel = "K",
            description =
                    "Chunk size K of all three paths: the core loop's and the cluster's driftlab.learner.chunk-size "
                            + "(default: the configured driftlab.learner.chunk-size).")
    Integer chunk;

    @Option(
            names = "--in-flight",
            paramLabel = "N",
            description = "Runs in flight per node for (c), driftlab.sweep.in-flight-per-node "
                    + "(default: the configured driftlab.sweep.in-flight-per-node).")
    Integer inFlight;

    @Option(
            names = "--warmup",
            paramLabel = "R",
            defaultValue = "3",
            description =
                    "Discarded warm-up rounds, each running all three paths; the actor path JIT-compiles Pekko's code too and needs several (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "3",
            description =
                    "Measured rounds, each running all three paths; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--prune",
            paramLabel = "TOL",
            split = ",",
            defaultValue = "1e-10",
            description = "The belief's prune tolerance in [0, 1): 0 = exact (every run length up to r_max kept); "
                    + "a comma-separated list runs the whole comparison once per value on the same seeds, "
                    + "e.g. --prune 1e-10,0 for the pruned and the exact mode (default: ${DEFAULT-VALUE}).")
    double[] prune;

    /** Runs the bench command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** A command line with the product's usage-error message and exception-to-exit-code mapping installed. */
    public static CommandLine newCommandLine() {
        return ExitCodes.install(new CommandLine(new BenchCommand()));
    }

    @Override
    public Integer call() {
        Workload w = workload.workload();
        validate();
        return ExitCodes.run(spec, debug, () -> {
            PrintWriter out = spec.commandLine().getOut();
            int cores = Runtime.getRuntime().availableProcessors();
            int poolThreads = Math.max(2, cores);
            Config config = ActorPathHarness.withChunkAndInFlight(
                    ClusterConfig.load(RunCommand.EMBEDDED),
                    chunk == null ? OptionalInt.empty() : OptionalInt.of(chunk),
                    inFlight == null ? OptionalInt.empty() : OptionalInt.of(inFlight));
            printMachine(out, cores);
            try (ActorPathHarness.Session actors = ActorPathHarness.Session.start(nodes, config)) {
                out.printf(
                        Locale.ROOT,
                        "workload %s: %,d learners x %,d steps per round and path; chunk K = %d for all three paths; "
                                + "(c): in-flight window %d runs per node, %d %s%n",
                        w.id(),
                        learners,
                        steps,
                        actors.chunkSize(),
                        actors.inFlightPerNode(),
                        nodes,
                        nodes == 1 ? "node" : "nodes");
                out.printf(
                        Locale.ROOT,
                        "rounds: %d warm-up + %d measured, interleaved: each round runs (a), (b), (c) on the same seeds, "
                                + "in an order rotated every round%n",
                        warmup,
                        rounds);
                for (double tol : prune) {
                    out.println(beliefMode(tol));
                    out.flush();
                    PathComparison.Settings settings =
                            new PathComparison.Settings(w, learners, steps, poolThreads, warmup, rounds, 0, tol);
                    PathComparison.Result r = PathComparison.run(settings, actors, (k, warm, order, byPath) -> {
                        out.println(roundLine(k, warm, order, byPath));
                        out.flush();
                    });
                    printSummary(out, r, poolThreads);
                }
            }
            return ExitCodes.OK;
        });
    }

    private void validate() {
        atLeast("--learners", learners, 1);
        atLeast("--steps", steps, 1);
        atLeast("--nodes", nodes, 1);
        if (chunk != null) atLeast("--chunk", chunk, 1);
        if (inFlight != null) atLeast("--in-flight", inFlight, 1);
        atLeast("--warmup", warmup, 0);
        atLeast("--rounds", rounds, 1);
        for (double tol : prune) {
            if (!(tol >= 0 && tol < 1)) {
                throw new ParameterException(spec.commandLine(), "--prune must be in [0, 1), got " + tol);
            }
        }
    }

    /** The header line of one mode: which figures below are pruned (issue 18: say so plainly). */
    static String beliefMode(double tol) {
        return tol == 0
                ? "belief: EXACT (--prune 0): every run length up to r_max kept"
                : String.format(Locale.ROOT, "belief: PRUNED at %s (--prune): run lengths below it dropped", tol);
    }

    private void atLeast(String flag, long value, long min) {
        if (value < min)
            throw new ParameterException(spec.commandLine(), flag + " must be >= " + min + ", got " + value);
    }

    // what a pasted output needs to be read later: when, on what machine and JVM, how loaded
    private static void printMachine(PrintWriter out, int cores) {
        out.printf(
                Locale.ROOT,
                "driftlab bench, %s%n",
                DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) gcs.add(gc.getName());
        out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s (%s), load average %.2f; Java %s, %s; max heap %,d MiB; GC %s%n",
                cores,
                os.getName(),
                os.getVersion(),
                os.getArch(),
                os.getSystemLoadAverage(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20,
                String.join(", ", gcs));
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!jvmArgs.isEmpty()) out.printf(Locale.ROOT, "JVM options: %s%n", String.join(" ", jvmArgs));
    }

    private static String roundLine(int k, boolean warmup, Path[] order, RoundResult[] byPath) {
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "%-10s order", (warmup ? "warm-up " : "round ") + (k + 1)));
        for (Path p : order) b.append(' ').append(p.letter());
        b.append(" ");
        for (Path p : Path.values()) {
            RoundResult r = byPath[p.ordinal()];
            b.append(String.format(
                    Locale.ROOT,
                    "  (%s) %,11.0f/s %,7.0f cpu-ns",
                    p.letter(),
                    r.stepsPerSecond(),
                    r.cpuNanosPerStep()));
        }
        return b.toString();
    }

    private static void printSummary(PrintWriter out, PathComparison.Result r, int poolThreads) {
        int nodes = r.nodes();
        String[] names = {
            "(a) core loop, 1 thread",
            "(b) core loop, " + poolThreads + " threads",
            "(c) actor path, " + nodes + (nodes == 1 ? " node" : " nodes")
        };
        out.printf(
                Locale.ROOT,
                "per path, median [min .. max] over the %d measured round%s:%n",
                r.settings().rounds(),
                r.settings().rounds() == 1 ? "" : "s");
        for (Path p : Path.values()) {
            double[] rate = r.stepsPerSecond(p);
            double[] cpu = r.cpuNanosPerStep(p);
            out.printf(
                    Locale.ROOT,
                    "%-32s %,14.0f learner-steps/s [%,.0f .. %,.0f]   %,7.0f CPU ns/step [%,.0f .. %,.0f]%n",
                    names[p.ordinal()],
                    PathComparison.median(rate),
                    PathComparison.min(rate),
                    PathComparison.max(rate),
                    PathComparison.median(cpu),
                    PathComparison.min(cpu),
                    PathComparison.max(cpu));
        }
        out.println(
                "  CPU ns/step: the whole process's CPU time over the round (every thread, including JIT compiler and GC "
                        + "threads and the idle cluster's) / learner-steps; the OS counts it in ticks (10 ms on Linux), "
                        + "so rounds under ~1 s are coarse");
        out.printf(
                Locale.ROOT,
                "  idle process (cluster up, no round running; JIT and GC may still be busy), 1 s before the measured rounds: %.3f cores of CPU%n",
                r.idleCpuCores());
        out.printf(
                Locale.ROOT,
                "ratios: %s   %s   %s%n",
                ratio("(b)/(a)", r.rateRatios(Path.POOL, Path.SINGLE)),
                ratio("(c)/(b)", r.rateRatios(Path.ACTORS, Path.POOL)),
                ratio("(c)/(a)", r.rateRatios(Path.ACTORS, Path.SINGLE)));
        out.println(
                "  learner-steps/s of the two paths in the same round; median [min .. max] over the measured rounds");
        out.printf(
                Locale.ROOT,
                "CPU per step: %s   %s%n",
                ratio("(c)/(b)", r.cpuRatios(Path.ACTORS, Path.POOL)),
                ratio("(b)/(a)", r.cpuRatios(Path.POOL, Path.SINGLE)));
        out.println(
                "  CPU ns per learner-step of the two paths in the same round (> 1: the first uses more CPU per step)");
        out.printf(
                Locale.ROOT,
                "load average at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println("all three paths gave bit-identical metrics in every round");
        out.flush();
    }

    private static String ratio(String name, double[] perRound) {
        return String.format(
                Locale.ROOT,
                "%s = %.3f [%.3f .. %.3f]",
                name,
                PathComparison.median(perRound),
                PathComparison.min(perRound),
                PathComparison.max(perRound));
    }
}
