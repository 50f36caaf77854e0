package org.driftlab.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.SweepClient;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.StorePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab run CONFIG}: runs a sweep on an embedded cluster of {@code --nodes} worker nodes in this
 * process (127.0.0.1, free ports) and stores every result as it arrives (DESIGN §1, §9, §10). Wiring only:
 * {@link SweepSession} does the flow, {@link EmbeddedCluster} the cluster.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run a sweep on an embedded cluster in this process and store every result as it arrives.",
            "",
            "The config is checked first: on any problem nothing starts (exit 2, every problem listed). Results go "
                    + "to the store (default results/<sweep name>.duckdb), one transaction per run. At the end the "
                    + "per-condition table (as 'driftlab report' prints it) goes to stdout and the report plots "
                    + "to the report directory.",
            "",
            "Resuming: rerunning the same command skips the runs already stored and runs the rest, with or "
                    + "without --resume. Ctrl-C stops cleanly (what is stored stays stored); rerun to resume. "
                    + "A store that holds this sweep's name from a different config is refused unless --resume.",
            "",
            "Exit codes: 0 every run stored; 2 bad config or arguments; 3 some runs failed (the rest are "
                    + "stored; rerunning retries the failed ones); 130 stopped by Ctrl-C (SIGINT), 143 by SIGTERM "
                    + "(what is stored stays; a rerun resumes); 1 internal error."
        })
public final class RunCommand implements Callable<Integer> {
    /**
     * Defaults for a cluster inside one process (under -D and application.conf): the coordinator's proxy looks
     * for the singleton every 200 ms instead of every second, which alone delayed a small sweep's first dispatch
     * by up to a second. On SIGINT or SIGTERM the session's own shutdown hook closes the store and then the
     * cluster, bounded by {@link SweepSession#SIGNAL_CLOSE_BOUND}; Pekko's hook is off, as its graceful leave
     * (a hand-off to no other node) held the JVM's exit for some 10 s.
     */
    public static final Config EMBEDDED = ConfigFactory.parseString(
            """
            pekko.cluster.singleton-proxy.singleton-identification-interval = 200ms
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            """);

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    SweepOptions options;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Worker nodes of the embedded cluster, each an actor system in this JVM (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(
            names = "--plan",
            description = {
                "Print the plan and stop: the conditions with their labels, the run count "
                        + "and learner-steps, an estimated time (from a short calibration of each kind of condition) and "
                        + "memory per node, and the store the sweep would write. Runs nothing and writes nothing."
            })
    boolean plan;

    @Override
    public Integer call() {
        if (nodes < 1) throw new ParameterException(spec.commandLine(), "--nodes must be >= 1, got " + nodes);
        return ExitCodes.run(spec, debug, () -> {
            SweepMemory.requireNodes(nodes);
            Config config = ClusterConfig.load(EMBEDDED);
            SweepSession.Preflight fits = sweep -> SweepMemory.requireFits(
                    SweepMemory.estimate(sweep, config),
                    nodes,
                    Runtime.getRuntime().maxMemory());
            if (plan) {
                SweepSpec sweep = SweepLoader.load(options.config, options.includes.sources());
                fits.check(sweep);
                SweepPlan.print(
                        sweep,
                        options.config,
                        options.results != null ? options.results : StorePaths.defaultFor(sweep),
                        options.resume,
                        nodes,
                        SweepMemory.estimate(sweep, config),
                        config.getInt("driftlab.sweep.in-flight-per-node"),
                        config.getInt("driftlab.learner.chunk-size"),
                        spec.commandLine().getOut());
                return ExitCodes.OK;
            }
            return SweepSession.execute(
                    options,
                    fits,
                    () -> embedded(nodes, config),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        });
    }

    private static SweepSession.SweepCluster embedded(int nodes, Config config) throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.start(nodes, config);
        return new SweepSession.SweepCluster() {
            @Override
            public SweepClient client() {
                return cluster.client();
            }

            @Override
            public int workersUp() {
                return cluster.nodes().size();
            }

            @Override
            public List<String> members() {
                return ClusterMembers.of(cluster.nodes().get(0).system());
            }

            @Override
            public void close() {
                cluster.close();
            }
        };
    }
}
