package org.driftlab.cluster.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A whole cluster in this JVM ({@code driftlab run}, and tests): {@code nodes} worker nodes on 127.0.0.1 with
 * free ports, the first founding the cluster. {@link #start} returns once every node sees all of them Up.
 * Sweeps are submitted through the first node. {@link #close} stops the nodes, last first.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final List<DriftlabNode> nodes;

    private EmbeddedCluster(List<DriftlabNode> nodes) {
        this.nodes = nodes;
    }

    /** A cluster of {@code nodes} workers with {@code ConfigFactory.load()}. */
    public static EmbeddedCluster start(int nodes) throws InterruptedException, TimeoutException {
        return start(nodes, ConfigFactory.load());
    }

    /**
     * A cluster of {@code nodes} workers configured by {@code config} (its {@code driftlab} section gives the
     * settings); several systems share this JVM, so their JMX beans get distinct names.
     */
    public static EmbeddedCluster start(int nodes, Config config) throws InterruptedException, TimeoutException {
        if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
        Config c = ConfigFactory.parseString("pekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                .withFallback(config);
        List<DriftlabNode> started = new ArrayList<>();
        try {
            DriftlabNode first = DriftlabNode.worker("127.0.0.1", 0, List.of(), Set.of(), c);
            started.add(first);
            for (int i = 1; i < nodes; i++) {
                started.add(DriftlabNode.worker("127.0.0.1", 0, List.of(first.hostPort()), Set.of(), c));
            }
            for (DriftlabNode n : started) n.awaitWorkersUp(nodes, Duration.ofSeconds(30));
        } catch (RuntimeException | InterruptedException | TimeoutException e) {
            closeAll(started);
            throw e;
        }
        return new EmbeddedCluster(List.copyOf(started));
    }

    /** The nodes, founder first. */
    public List<DriftlabNode> nodes() {
        return nodes;
    }

    /** A sweep client on the founding node. */
    public SweepClient client() {
        return nodes.get(0).sweepClient();
    }

    @Override
    public void close() {
        closeAll(nodes);
    }

    private static void closeAll(List<DriftlabNode> nodes) {
        RuntimeException first = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
