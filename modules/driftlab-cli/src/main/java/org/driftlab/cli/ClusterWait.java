package org.driftlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.driftlab.cluster.sweep.DriftlabNode;

/**
 * The wait of {@code node} and {@code submit} for their node to be Up with enough workers: bounded by a
 * deadline, and never silent: a progress line on stderr every {@link #PROGRESS} until it ends.
 */
final class ClusterWait {
    /** How often a wait that goes on says so. */
    static final Duration PROGRESS = Duration.ofSeconds(5);

    /** How a wait ended. */
    enum Outcome {
        UP,
        TIMED_OUT,
        TERMINATED
    }

    private ClusterWait() {}

    /**
     * Waits until {@code node} is Up and sees {@code workers} Up workers (0: only that it joined).
     *
     * @param timeoutSeconds the deadline; 0: none (Pekko retries the seeds for as long as it takes)
     * @param progress       the line to print, given the whole seconds waited so far
     * @return {@link Outcome#TERMINATED} when the node's actor system terminated first (a shutdown while joining)
     */
    static Outcome await(
            DriftlabNode node, int workers, long timeoutSeconds, PrintWriter err, LongFunction<String> progress)
            throws InterruptedException {
        long start = System.nanoTime();
        long nextLine = start + PROGRESS.toNanos();
        while (!node.system().getWhenTerminated().toCompletableFuture().isDone()) {
            try {
                node.awaitWorkersUp(workers, Duration.ofMillis(500));
                return Outcome.UP;
            } catch (TimeoutException stillWaiting) {
                long now = System.nanoTime();
                long waited = (now - start) / 1_000_000_000L;
                if (timeoutSeconds > 0 && waited >= timeoutSeconds) return Outcome.TIMED_OUT;
                if (now >= nextLine) {
                    err.println("driftlab: " + progress.apply(waited));
                    err.flush();
                    nextLine = now + PROGRESS.toNanos();
                }
            }
        }
        return Outcome.TERMINATED;
    }
}
