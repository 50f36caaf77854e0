package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.Progress;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void describesRunsRateEtaAndNodes() {
        // 4 skipped, 6 finished now in 12 s: 2 s a run, 10 left -> 0:20
        Progress p = new Progress(10, 20, 4, 1, 5_000_000, 0, 1_234_567, 2);
        assertThat(ProgressDisplay.describe(p, 12 * SECOND))
                .isEqualTo("10/20 runs (4 skipped, 1 failed)  1.2M steps/s  ETA 0:20  2 nodes up");
        assertThat(ProgressDisplay.describe(new Progress(3, 9, 3, 0, 0, 0, 0, 1), SECOND))
                .isEqualTo("3/9 runs (3 skipped)  0 steps/s  ETA --  1 node up");
        assertThat(ProgressDisplay.bar(new Progress(6, 24, 0, 0, 0, 0, 0, 1)))
                .isEqualTo("[######" + ".".repeat(18) + "]");
        assertThat(ProgressDisplay.clock(3725)).isEqualTo("1:02:05");
        // one long run under way, 370 of its 1,000 steps done in 10 s: the share moves, the ETA follows it
        assertThat(ProgressDisplay.describe(new Progress(0, 1, 0, 0, 370, 1000, 37, 1), 10 * SECOND))
                .isEqualTo("0/1 runs  37% of steps  37 steps/s  ETA 0:17  1 node up");
    }

    @Test
    void linesModePrintsTheFirstThenAtMostOnePerIntervalAndTheLast() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressDisplay d = new ProgressDisplay(
                        new PrintWriter(text),
                        ProgressDisplay.Mode.LINES,
                        new Progress(0, 4, 0, 0, 0, 0, 0, 1),
                        5 * SECOND,
                        now::get)
                .start();
        now.set(SECOND);
        d.onProgress(new Progress(1, 4, 0, 0, 100, 0, 100, 1));
        now.set(2 * SECOND);
        d.onProgress(new Progress(2, 4, 0, 0, 200, 0, 100, 1)); // within the interval: not printed
        now.set(7 * SECOND);
        d.onProgress(new Progress(3, 4, 0, 0, 300, 0, 100, 1));
        now.set(8 * SECOND);
        d.onProgress(new Progress(4, 4, 0, 0, 400, 0, 100, 1)); // the last always
        d.finish();
        assertThat(text.toString().lines())
                .containsExactly(
                        "progress: 1/4 runs  100 steps/s  ETA 0:03  1 node up",
                        "progress: 3/4 runs  100 steps/s  ETA 0:02  1 node up",
                        "progress: 4/4 runs  100 steps/s  ETA 0:00  1 node up");
    }

    @Test
    void quietPrintsNothing() {
        StringWriter text = new StringWriter();
        ProgressDisplay d = new ProgressDisplay(
                        new PrintWriter(text),
                        ProgressDisplay.Mode.QUIET,
                        new Progress(0, 1, 0, 0, 0, 0, 0, 1),
                        SECOND,
                        System::nanoTime)
                .start();
        d.onProgress(new Progress(1, 1, 0, 0, 10, 0, 10, 1));
        d.onNotice(new ClusterNotice(ClusterNotice.Kind.UNREACHABLE, "10.0.0.2:25520#7", 0));
        d.finish();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void clusterNoticesArePrintedAsTheyHappen() {
        StringWriter text = new StringWriter();
        ProgressDisplay d = new ProgressDisplay(
                        new PrintWriter(text),
                        ProgressDisplay.Mode.LINES,
                        new Progress(0, 4, 0, 0, 0, 0, 0, 3),
                        5 * SECOND,
                        System::nanoTime)
                .start();
        d.onNotice(new ClusterNotice(ClusterNotice.Kind.UNREACHABLE, "10.0.0.4:25520#7", 0));
        d.onNotice(new ClusterNotice(ClusterNotice.Kind.REDISPATCHING, "member 10.0.0.4:25520#7 is unreachable", 5));
        d.onNotice(new ClusterNotice(ClusterNotice.Kind.COORDINATOR_MOVED, "pekko://driftlab@10.0.0.3:25520", 0));
        d.onNotice(new ClusterNotice(ClusterNotice.Kind.JOINED, "10.0.0.4:25520#9", 0));
        d.finish();
        assertThat(text.toString().lines())
                .containsExactly(
                        "cluster: member 10.0.0.4:25520#7 is unreachable",
                        "cluster: re-dispatching 5 runs: member 10.0.0.4:25520#7 is unreachable",
                        "cluster: the sweep coordinator moved (now pekko://driftlab@10.0.0.3:25520)",
                        "cluster: member 10.0.0.4:25520#9 joined");
    }
}
