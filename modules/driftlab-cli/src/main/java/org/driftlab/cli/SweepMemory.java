package org.driftlab.cli;

import com.typesafe.config.Config;
import java.util.Locale;
import org.driftlab.core.footprint.SweepFootprint;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.spec.SweepSpec;

/**
 * The heap a sweep needs against the heap this JVM has, checked before anything starts: the estimate of
 * {@link SweepFootprint} with the chunk size and in-flight window of the cluster configuration. Wiring only.
 */
final class SweepMemory {
    /**
     * Embedded nodes per core beyond which {@code run --nodes} is refused: the nodes of one process share its
     * cores, so more add only threads, heartbeats and gossip to the same CPUs (a real cluster is
     * {@code driftlab node} on more machines).
     */
    static final int NODES_PER_CORE = 4;

    private SweepMemory() {}

    /** The sweep's estimate under the cluster configuration {@code cluster}. */
    static SweepFootprint estimate(SweepSpec sweep, Config cluster) {
        return SweepFootprint.of(
                sweep,
                cluster.getInt("driftlab.learner.chunk-size"),
                cluster.getInt("driftlab.sweep.in-flight-per-node"));
    }

    /** The most embedded nodes one process runs on this machine. */
    static int maxEmbeddedNodes() {
        return NODES_PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    /** BadInputException (exit 2) when {@code nodes} is more than one machine holds. */
    static void requireNodes(int nodes) {
        int max = maxEmbeddedNodes();
        if (nodes > max) {
            throw new BadInputException("--nodes " + nodes + " is more than this machine holds: at most " + max
                    + " embedded nodes (" + NODES_PER_CORE + " per core, "
                    + Runtime.getRuntime().availableProcessors()
                    + " cores); the nodes of one process share its cores. For more, start 'driftlab node' on other "
                    + "machines and use 'driftlab submit'");
        }
    }

    /**
     * BadInputException (exit 2) with the estimate when {@code nodes} embedded nodes would need more
     * than {@code maxHeap} bytes.
     */
    static void requireFits(SweepFootprint f, int nodes, long maxHeap) {
        double need = f.inOneProcess(nodes);
        if (need > maxHeap) {
            String perNode = "this sweep needs ~" + bytes(f.perNode()) + " per node";
            String total = nodes == 1 ? "" : " (" + nodes + " nodes in this process: ~" + bytes(need) + ")";
            throw new BadInputException(perNode + total + "; the heap is " + bytes(maxHeap) + ". The largest run "
                    + "holds ~" + bytes(f.perRun()) + " (docs/SCALE.md): make it smaller, lower "
                    + "driftlab.sweep.in-flight-per-node" + (nodes > 1 ? " or --nodes" : "")
                    + ", or raise the heap (DRIFTLAB_JAVA_OPTS=-Xmx...)");
        }
    }

    /**
     * BadInputException (exit 2) when {@code need} bytes exceed the heap: "{@code what} needs ~X; the
     * heap is Y ({@code advice})".
     */
    static void requireHeap(String what, double need, String advice) {
        long heap = Runtime.getRuntime().maxMemory();
        if (need > heap) {
            throw new BadInputException(
                    what + " needs ~" + bytes(need) + "; the heap is " + bytes(heap) + " (" + advice + ")");
        }
    }

    /** 3.1 GB, 250 MB, 12 kB: decimal units, two significant digits at least. */
    static String bytes(double b) {
        if (!(b < 1e30)) return String.format(Locale.ROOT, "%.1e B", b);
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        int u = 0;
        double v = b;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 && u > 0 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
