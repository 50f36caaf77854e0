package org.driftlab.bench.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.driftlab.bench.cluster.LocalWorkers;
import org.driftlab.bench.cluster.MultiJvmHarness;
import org.driftlab.bench.cluster.MultiJvmHarness.CountResult;
import org.driftlab.bench.e2e.CoreLoopHarness;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.childjvm.ChildJvm;
import org.driftlab.cli.ClusterConfig;
import org.driftlab.cli.DebugOption;
import org.driftlab.cli.DriftlabCommand;
import org.driftlab.cli.ExitCodes;
import org.driftlab.cli.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab bench jvms}: sweep throughput with the worker nodes in W child JVMs of this jar ({@code driftlab
 * node}) and this JVM joined as a client, for one W ({@code --workers}) or two compared ({@code --compare 1,3},
 * rounds interleaved). Every W runs the same code path. Prints the child log directory, each round, the medians,
 * the ratio, and checks every round's metrics against the core loop's for the same seeds. Children are stopped
 * at the end, on failure and on Ctrl-C. Wiring only: the measurement lives in driftlab-bench's cluster package.
 */
@Command(
        name = "jvms",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure sweep throughput (learner-steps/s) with the worker nodes in separate local JVMs.",
            "",
            "Starts W worker JVMs ('driftlab node', same java and jar) on 127.0.0.1, joins them as a client, runs warm-up "
                    + "and measured rounds of the workload as one sweep each (results kept in memory), prints the median, "
                    + "checks the metrics against the in-process core loop, and stops the JVMs. With --compare A,B both "
                    + "clusters stay up and their rounds alternate. One worker JVM already uses every core, so on one machine "
                    + "the ratio measures the overhead of more JVMs, not a speed-up. Each of W worker JVMs is given its share "
                    + "of the cores (-XX:ActiveProcessorCount = max(1, cores / W)), as a container's CPU limit would give it."
        })
public final class BenchJvmsCommand implements Callable<Integer> {
    /** Most worker JVMs one command starts: a guard against a typo forking hundreds of JVMs. */
    static final int MAX_WORKERS = 16;
    /** Chunk size of the core-loop reference (results do not depend on it, DESIGN §9). */
    private static final int REFERENCE_CHUNK = 256;

    private static final String ACTIVE_PROCESSORS = "-XX:ActiveProcessorCount=";

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(
            names = "--workers",
            paramLabel = "W",
            defaultValue = "3",
            description = "Worker JVMs (default: ${DEFAULT-VALUE}; at most " + MAX_WORKERS + ").")
    int workers;

    @Option(
            names = "--compare",
            paramLabel = "A,B",
            split = ",",
            description =
                    "Two worker counts to compare, e.g. 1,3 (instead of --workers): both clusters run, rounds interleaved.")
    List<Integer> compare;

    @Mixin
    WorkloadOption workload;

    @Option(
            names = "--learners",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Learners per round (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(
            names = "--steps",
            paramLabel = "S",
            defaultValue = "5000",
            description = "Steps per learner (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--warmup",
            paramLabel = "R",
            defaultValue = "1",
            description = "Discarded warm-up rounds per worker JVM: W JVMs get W x R rounds, so each JVM compiles its "
                    + "code on as many runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "3",
            description = "Measured rounds per worker count; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--worker-java-opts",
            paramLabel = "OPTS",
            defaultValue = "-Xmx1g",
            description = "JVM options of every worker JVM, space-separated; -D settings here configure the workers "
                    + "(e.g. -Ddriftlab.sweep.in-flight-per-node=4) (default: ${DEFAULT-VALUE}).")
    String workerJavaOpts;

    @Option(
            names = "--share-cores",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Give each of W worker JVMs its share of this machine's cores, max(1, cores / W), with "
                    + "-XX:ActiveProcessorCount, so that W JVMs together size their thread pools for the cores there are, "
                    + "as under containers' CPU limits; --no-share-cores lets every JVM size them for all the cores. A "
                    + "-XX:ActiveProcessorCount in --worker-java-opts takes precedence (default: on).")
    boolean shareCores;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "How long the worker JVMs may take to be Up (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Option(
            names = "--log-dir",
            paramLabel = "DIR",
            description = "Where the worker JVMs log, one directory each (default: a new temporary directory).")
    Path logDir;

    @Override
    public Integer call() {
        List<Integer> counts = workerCounts();
        Workload w = workload.workload();
        if (learners < 1) throw usage("--learners must be >= 1, got " + learners);
        if (steps < 1) throw usage("--steps must be >= 1, got " + steps);
        if (warmup < 0) throw usage("--warmup must be >= 0, got " + warmup);
        if (rounds < 1) throw usage("--rounds must be >= 1, got " + rounds);
        if (startTimeoutSeconds < 1) throw usage("--start-timeout must be >= 1, got " + startTimeoutSeconds);
        List<String> jvmOptions = jvmOptions();
        MultiJvmHarness.Settings s = ExitCodes.fromUserValues(
                () -> new MultiJvmHarness.Settings(w, learners, steps, counts, warmup, rounds, 0));
        return ExitCodes.run(spec, debug, () -> {
            Path logs = logDir != null
                    ? Files.createDirectories(logDir)
                    : Files.createTempDirectory("driftlab-bench-jvms-");
            int cores = Runtime.getRuntime().availableProcessors();
            // Pekko's stdout logger (used while an actor system shuts down) must not write into the results
            Config clientConfig = ClusterConfig.load(
                    ConfigFactory.parseString("pekko.stdout-loglevel = OFF").withFallback(RunCommand.EMBEDDED));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "workload %s: %d learners x %d steps per round; %d measured rounds per worker count after %d warm-up "
                            + "rounds per worker JVM (W JVMs: W x %d)%n",
                    w.id(), learners, steps, rounds, warmup, warmup);
            out.printf(
                    "worker JVMs: %s, options: %s; child logs: %s%n",
                    joined(counts), String.join(" ", jvmOptions), logs.toAbsolutePath());
            out.printf(
                    "this machine has %d cores; one worker JVM already uses all of them and more worker JVMs share the same "
                            + "cores, so comparing worker counts measures the overhead of spreading a sweep over JVMs, not a speed-up%n",
                    cores);
            Map<Integer, List<String>> optionsByCount = new LinkedHashMap<>();
            List<String> shares = new ArrayList<>();
            for (int n : counts) {
                List<String> opts = workerOptions(jvmOptions, cores, n, shareCores);
                optionsByCount.put(n, opts);
                shares.add(label(n) + ": "
                        + opts.stream()
                                .filter(o -> o.startsWith(ACTIVE_PROCESSORS))
                                .map(o -> o.substring(ACTIVE_PROCESSORS.length()))
                                .findFirst()
                                .orElse(cores + " (all, --no-share-cores)"));
            }
            out.printf(
                    "cores each worker JVM sizes its thread pools for: %s%s%n",
                    String.join(", ", shares),
                    userSetsProcessors(jvmOptions)
                            ? " (set by --worker-java-opts)"
                            : shareCores ? " (its share, -XX:ActiveProcessorCount)" : "");
            out.flush();
            Duration timeout = Duration.ofSeconds(startTimeoutSeconds);
            List<CountResult> results = MultiJvmHarness.run(
                    s,
                    n -> LocalWorkers.start(
                            ChildJvm.ofThisJvm(DriftlabCommand.class.getName(), optionsByCount.get(n), List.of("node")),
                            n,
                            logs.resolve(n + "-jvms"),
                            clientConfig,
                            timeout),
                    new Printer(out, s));
            for (CountResult r : results) {
                out.printf(
                        "%-16s %,14.0f learner-steps/s  (median of %d; %.0f worker CPU ns per learner-step; runs per JVM: %s; "
                                + "CPU s per JVM: %s)%n",
                        label(r.workers()),
                        r.medianStepsPerSecond(),
                        rounds,
                        r.cpuNanosPerStep(),
                        joined(r.runsPerWorker().values()),
                        cpuSeconds(r.workerCpuNanos()));
            }
            if (results.size() == 2) {
                CountResult a = results.get(0);
                CountResult b = results.get(1);
                out.printf(
                        "ratio %d/%d JVMs: %.3f (medians); per interleaved round %s (target for 3/1 on this machine: >= 0.90)%n",
                        b.workers(), a.workers(), b.medianStepsPerSecond() / a.medianStepsPerSecond(), ratios(a, b));
                // on a machine shared with other work, more JVMs (more threads) get a larger share of it: CPU per step
                // is immune
                out.printf(
                        "CPU efficiency %d/%d JVMs: %.3f (worker CPU ns per learner-step %.0f / %.0f; unlike wall time it does not "
                                + "depend on the share of a busy machine each count gets)%n",
                        b.workers(),
                        a.workers(),
                        a.cpuNanosPerStep() / b.cpuNanosPerStep(),
                        a.cpuNanosPerStep(),
                        b.cpuNanosPerStep());
            }
            out.flush();
            // the reference after the children are gone, so it competes with nothing
            CoreLoopHarness.Result core = CoreLoopHarness.run(s.coreLoop(REFERENCE_CHUNK, Math.max(1, cores)));
            MultiJvmHarness.verify(results, core);
            out.printf(
                    "metrics of every round equal the in-process core loop's for the same seeds (checksums %s)%n",
                    Arrays.toString(core.checksums()));
            return ExitCodes.OK;
        });
    }

    /** The worker counts: --compare's two, else --workers. */
    private List<Integer> workerCounts() {
        boolean workersGiven = spec.commandLine().getParseResult().hasMatchedOption("--workers");
        if (compare != null) {
            if (workersGiven)
                throw usage("--workers and --compare exclude each other: give --compare A,B or --workers W");
            if (compare.size() != 2)
                throw usage("--compare must name two worker counts, e.g. 1,3, got " + joined(compare));
            if (compare.get(0).equals(compare.get(1)))
                throw usage("--compare must name two different worker counts, got " + joined(compare));
            for (int c : compare) {
                if (c < 1 || c > MAX_WORKERS)
                    throw usage("--compare counts must be in [1, " + MAX_WORKERS + "], got " + joined(compare));
            }
            return List.copyOf(compare);
        }
        if (workers < 1 || workers > MAX_WORKERS)
            throw usage("--workers must be in [1, " + MAX_WORKERS + "], got " + workers);
        return List.of(workers);
    }

    private List<String> jvmOptions() {
        List<String> opts = new ArrayList<>();
        for (String o : workerJavaOpts.trim().split("\\s+")) {
            if (o.isEmpty()) continue;
            if (!o.startsWith("-"))
                throw usage("--worker-java-opts must be JVM options (each starting with '-'), got '" + o + "'");
            if (o.equals("-cp") || o.equals("-classpath") || o.startsWith("--class-path") || o.equals("-jar")) {
                throw usage("--worker-java-opts must not set the class path or a jar (the workers run this jar), got '"
                        + o + "'");
            }
            opts.add(o);
        }
        return opts;
    }

    /**
     * The options of each of {@code workers} worker JVMs on a machine of {@code cores}: the user's, plus
     * -XX:ActiveProcessorCount = max(1, cores / workers) when sharing and the user set none. Without it each JVM
     * sizes its pools (learner dispatcher, GC, JIT) for every core, so W JVMs run W times the threads the cores
     * can hold, which costs throughput (docs/PERFORMANCE.md, "More JVMs on the same cores").
     */
    static List<String> workerOptions(List<String> userOptions, int cores, int workers, boolean share) {
        List<String> opts = new ArrayList<>(userOptions);
        if (share && !userSetsProcessors(userOptions)) opts.add(ACTIVE_PROCESSORS + Math.max(1, cores / workers));
        return opts;
    }

    private static boolean userSetsProcessors(List<String> userOptions) {
        return userOptions.stream().anyMatch(o -> o.startsWith(ACTIVE_PROCESSORS));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String label(int workers) {
        return workers + (workers == 1 ? " worker JVM" : " worker JVMs");
    }

    private static String joined(java.util.Collection<Integer> values) {
        List<String> s = new ArrayList<>();
        for (int v : values) s.add(String.valueOf(v));
        return String.join(",", s);
    }

    private static String cpuSeconds(long[] nanos) {
        List<String> s = new ArrayList<>();
        for (long n : nanos) s.add(n < 0 ? "?" : String.format(Locale.ROOT, "%.1f", n / 1e9));
        return String.join(", ", s);
    }

    /** Per measured round k (interleaved, so both ran under the same conditions), rate(b)/rate(a) = nanos(a)/nanos(b). */
    private static String ratios(CountResult a, CountResult b) {
        List<String> s = new ArrayList<>();
        for (int k = 0; k < a.roundNanos().length; k++) {
            s.add(String.format(Locale.ROOT, "%.3f", (double) a.roundNanos()[k] / b.roundNanos()[k]));
        }
        return "[" + String.join(", ", s) + "]";
    }

    /** Prints cluster start-up and each round as it ends. */
    private record Printer(PrintWriter out, MultiJvmHarness.Settings s) implements MultiJvmHarness.Listener {
        @Override
        public void clusterUp(int workers, LocalWorkers cluster, long startNanos) {
            out.printf(
                    "%s up in %.1f s: %s (pids %s)%n",
                    label(workers), startNanos / 1e9, String.join(", ", cluster.workerHostPorts()), cluster.pids());
            out.flush();
        }

        @Override
        public void roundDone(
                int workers, boolean warmup, int round, long nanos, double stepsPerSecond, double cpuNanosPerStep) {
            out.printf(
                    "  %s round %d, %-16s %,14.0f learner-steps/s (%.2f s; worker CPU %.0f ns per learner-step)%n",
                    warmup ? "warm-up " : "measured",
                    round + 1,
                    label(workers) + ":",
                    stepsPerSecond,
                    nanos / 1e9,
                    cpuNanosPerStep);
            out.flush();
        }
    }
}
