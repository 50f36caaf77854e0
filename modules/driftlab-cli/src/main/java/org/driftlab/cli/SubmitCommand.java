package org.driftlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.SweepClient;
import org.driftlab.core.input.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab submit CONFIG --contact HOST:PORT}: joins a running cluster as a client node, waits for
 * {@code --workers} worker nodes, sends the sweep and stores its results locally as they stream back (DESIGN
 * §1, §9). Same checks, progress, resume rules, summary and exit codes as {@code run} ({@link SweepSession}).
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Send a sweep to a running cluster ('driftlab node') and store its results here as they arrive.",
            "",
            "Joins as a client node (it runs no learners), waits for --workers worker nodes, then behaves as "
                    + "'driftlab run': same config checks, store, resume rules (rerun to resume; --resume for a "
                    + "changed config), progress, summary table, plots and exit codes (0 ok, 2 bad input or no "
                    + "cluster reachable, 3 some runs failed, 130 stopped by Ctrl-C (SIGINT), 143 by SIGTERM)."
        })
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    SweepOptions options;

    @Option(
            names = "--contact",
            required = true,
            paramLabel = "HOST:PORT",
            description = "A node of the cluster (repeat for more than one); any worker's --port will do.")
    List<String> contacts;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "1",
            description = "Worker nodes to wait for before submitting (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "How long to wait for the workers before giving up (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "This client's address, as the workers can reach it (results come back to it; port: any free one) "
                            + "(default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() {
        if (workers < 1) throw new ParameterException(spec.commandLine(), "--workers must be >= 1, got " + workers);
        if (waitSeconds < 1)
            throw new ParameterException(spec.commandLine(), "--wait must be >= 1, got " + waitSeconds);
        return ExitCodes.run(spec, debug, () -> {
            for (String c : contacts) DriftlabNode.address(c); // a malformed contact is exit 2, before anything starts
            HostChecks.resolve("--contact", contacts, spec.commandLine().getErr()); // an unknown host too, at once
            HostChecks.resolve(
                    "--host", List.of(host + ":0"), spec.commandLine().getErr());
            return SweepSession.execute(
                    options,
                    this::join,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        });
    }

    private SweepSession.SweepCluster join() throws InterruptedException {
        if (!options.quiet) {
            spec.commandLine().getErr().println("joining the cluster at " + String.join(", ", contacts) + " ...");
            spec.commandLine().getErr().flush();
        }
        DriftlabNode client = DriftlabNode.client(host, 0, contacts, ClusterConfig.load());
        String at = String.join(", ", contacts);
        ClusterWait.Outcome outcome;
        try {
            outcome = ClusterWait.await(
                    client,
                    workers,
                    waitSeconds,
                    spec.commandLine().getErr(),
                    waited -> "waiting for "
                            + workers + (workers == 1 ? " worker" : " workers") + " at " + at + " ("
                            + client.workersUp() + " up, "
                            + waited + " s of --wait " + waitSeconds + ")");
        } catch (InterruptedException | RuntimeException e) {
            client.close();
            throw e;
        }
        if (outcome != ClusterWait.Outcome.UP) {
            int up = client.workersUp();
            client.close();
            if (outcome == ClusterWait.Outcome.TERMINATED) {
                throw new IllegalStateException("the client node stopped before it joined the cluster at " + at);
            }
            throw new BadInputException("no cluster with " + workers + (workers == 1 ? " worker" : " workers")
                    + " reachable at " + at + " within " + waitSeconds + " s (" + up
                    + " up); is 'driftlab node' running there, and can it reach " + host + "?");
        }
        return new SweepSession.SweepCluster() {
            @Override
            public SweepClient client() {
                return client.sweepClient();
            }

            @Override
            public int workersUp() {
                return client.workersUp();
            }

            @Override
            public List<String> members() {
                return ClusterMembers.of(client.system());
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
