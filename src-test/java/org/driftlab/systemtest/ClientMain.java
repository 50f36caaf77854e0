package org.driftlab.systemtest;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.sim.InMemoryResultSink;

/**
 * A client node in a child JVM for fault tests:
 * {@code ClientMain PORT SEED_HOST:PORT WORKERS NAME PREFIX SEEDS STEPS} joins on 127.0.0.1:PORT, waits for
 * WORKERS Up workers and runs {@link SystemTestSpecs#sweep(String, String, int, long)} into an in-memory sink,
 * printing {@code PROGRESS done total} after each stored run and {@code DONE complete} at the end.
 */
public final class ClientMain {
    private ClientMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        DriftlabNode node = DriftlabNode.client("127.0.0.1", port, List.of(args[1]), ConfigFactory.load());
        node.awaitWorkersUp(Integer.parseInt(args[2]), Duration.ofSeconds(90));
        var sweep = SystemTestSpecs.sweep(args[3], args[4], Integer.parseInt(args[5]), Long.parseLong(args[6]));
        SweepOutcome outcome = node.sweepClient().run(sweep, new InMemoryResultSink(), p -> {
            System.out.println("PROGRESS " + p.done() + " " + p.total());
            System.out.flush();
        });
        System.out.println("DONE " + outcome.complete());
        node.close();
    }
}
