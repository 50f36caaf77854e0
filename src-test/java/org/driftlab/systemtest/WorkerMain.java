package org.driftlab.systemtest;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Set;
import org.driftlab.cluster.sweep.DriftlabNode;

/**
 * A worker node in a child JVM for fault tests: {@code WorkerMain PORT [SEED_HOST:PORT]} on 127.0.0.1, or on
 * the address in {@code -Ddriftlab.test.host} (settings from -D system properties over the defaults). Runs
 * until killed or downed.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        List<String> seeds = args.length > 1 ? List.of(args[1]) : List.of();
        DriftlabNode node = DriftlabNode.worker(
                System.getProperty("driftlab.test.host", "127.0.0.1"), port, seeds, Set.of(), ConfigFactory.load());
        node.system().getWhenTerminated().toCompletableFuture().join();
    }
}
