package org.driftlab.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.driftlab.cluster.sweep.DriftlabNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab node --port P --seed HOST:PORT}: a worker node that runs learners for sweeps submitted to its
 * cluster (DESIGN §9). Prints one line once it is Up, then blocks until its actor system terminates: SIGTERM or
 * Ctrl-C runs Pekko's coordinated shutdown from the JVM's shutdown hook (its entities hand off, the coordinator
 * singleton moves, it leaves the cluster). Logs go to {@code logs/driftlab.log}.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Start a worker node of a driftlab cluster and block until it leaves.",
            "",
            "The first node lists itself as a seed; the others list it (or any seed). SIGTERM or Ctrl-C leaves "
                    + "the cluster cleanly (its runs move to the other nodes). Submit sweeps with "
                    + "'driftlab submit CONFIG --contact HOST:PORT'. Logs go to logs/driftlab.log."
        })
public final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(
            names = "--port",
            required = true,
            paramLabel = "P",
            description = "TCP port of this node (0: any free port).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "H",
            defaultValue = "127.0.0.1",
            description = "Address of this node, as the other nodes reach it (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--seed",
            required = true,
            paramLabel = "HOST:PORT",
            description = "A seed node to join through (repeatable); the cluster's first node lists its own address.")
    List<String> seeds;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            defaultValue = "worker",
            description =
                    "Cluster roles of this node (repeatable); the worker role is always included (default: ${DEFAULT-VALUE}).")
    List<String> roles;

    @Option(
            names = "--health-port",
            paramLabel = "P",
            description = "Serve read-only GET /health/alive and /health/ready on this port (0: any free port); "
                    + "off unless given here or by driftlab.health.enabled / DRIFTLAB_HEALTH_ENABLED.")
    Integer healthPort;

    @Option(
            names = "--health-bind",
            paramLabel = "ADDR",
            description = "Address the health endpoints listen on (default: 127.0.0.1; 0.0.0.0 for container probes).")
    String healthBind;

    @Option(
            names = "--join-timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description =
                    "Give up (exit 2) when no seed has let this node join within this time; 0: wait as long as it "
                            + "takes, saying so every 5 s (default: ${DEFAULT-VALUE}).")
    long joinTimeout;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535)
            throw new ParameterException(spec.commandLine(), "--port must be in [0, 65535], got " + port);
        if (healthPort != null && (healthPort < 0 || healthPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--health-port must be in [0, 65535], got " + healthPort);
        }
        if (joinTimeout < 0)
            throw new ParameterException(spec.commandLine(), "--join-timeout must be >= 0, got " + joinTimeout);
        return ExitCodes.run(spec, debug, () -> {
            for (String s : seeds) DriftlabNode.address(s); // malformed: exit 2 before anything starts
            PrintWriter err = spec.commandLine().getErr();
            HostChecks.resolve("--host", List.of(host + ":" + port), err);
            HostChecks.resolve("--seed", seeds, err);
            HostChecks.refuseTakenPort(host, port);
            DriftlabNode node;
            try {
                node = DriftlabNode.worker(
                        host, port, seeds, new LinkedHashSet<>(roles), ClusterConfig.load(healthFlags()));
            } catch (RuntimeException e) {
                throw HostChecks.portTakenOr(e, host, port); // taken between the check and the bind
            }
            try {
                String through = String.join(", ", seeds);
                ClusterWait.Outcome joined = ClusterWait.await(
                        node,
                        0,
                        joinTimeout,
                        err,
                        waited -> "still joining through " + through + " (" + waited + " s"
                                + (joinTimeout > 0 ? " of " + joinTimeout : "") + "; no seed has answered yet)");
                if (joined != ClusterWait.Outcome.UP) {
                    node.close();
                    boolean timedOut = joined == ClusterWait.Outcome.TIMED_OUT;
                    err.println("driftlab: "
                            + (timedOut
                                    ? "could not join the cluster through " + through + " within " + joinTimeout
                                            + " s (--join-timeout): "
                                            + "no seed answered; is a node running there, and can it reach " + host
                                            + "?"
                                    : "the node stopped before it joined the cluster (see logs/driftlab.log)"));
                    err.flush();
                    return timedOut ? ExitCodes.USAGE : ExitCodes.FAILURE;
                }
                Set<String> all = new LinkedHashSet<>(roles);
                all.add(node.settings().sweep().workerRole());
                PrintWriter out = spec.commandLine().getOut();
                InetSocketAddress health = node.healthAddress();
                out.println("driftlab node up at " + node.hostPort() + " (roles: " + String.join(", ", all)
                        + "; seeds: " + String.join(", ", seeds)
                        + (health == null
                                ? ""
                                : "; health: http://" + health.getHostString() + ":" + health.getPort()
                                        + "/health/ready")
                        + "); SIGTERM or Ctrl-C leaves the cluster");
                out.flush();
                node.awaitTermination();
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                node.close();
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            }
        });
    }

    /** The health settings the flags ask for, layered above the config files' (flags win over the environment). */
    private Config healthFlags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (healthPort != null) {
            flags.put("driftlab.health.enabled", true);
            flags.put("driftlab.health.port", healthPort);
        }
        if (healthBind != null) flags.put("driftlab.health.bind-address", healthBind);
        return ConfigFactory.parseMap(flags, "driftlab node flags");
    }
}
