package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Soak: 20,000 short runs on 3 worker JVMs (256 MiB heaps) and a client. Every run is stored exactly once
 * with the lockstep result, and the workers' live heap (after a full GC, read with {@code jcmd}) is as small
 * after 15,000 runs as after 5,000: finished entities leave nothing behind, so memory does not grow with the
 * number of runs. The client keeps every result in its in-memory sink, so only the workers are measured.
 */
class SoakSystemTest {
    private static final int RUNS = 20_000;
    private static final List<String> SETTINGS = List.of("-Ddriftlab.sweep.in-flight-per-node=16");
    /** Live-heap growth allowed between the two measurements: far below what 10,000 runs' leftovers would take. */
    private static final long SLACK_KB = 16 * 1024;

    private final List<Process> workers = new ArrayList<>();
    private DriftlabNode client;

    @AfterEach
    void cleanUp() throws InterruptedException {
        try {
            if (client != null) client.close();
        } finally {
            ChildJvms.destroyAll(workers);
        }
    }

    @Test
    void twentyThousandShortRunsCompleteOnceEachWithFlatWorkerMemory() throws Exception {
        Path logs = ChildJvms.logDir();
        String seed = null;
        for (int i = 0; i < 3; i++) {
            int port = ChildJvms.freePort();
            workers.add(ChildJvms.worker(port, seed, SETTINGS, logs.resolve("soak-" + port + ".log")));
            if (seed == null) seed = "127.0.0.1:" + port;
        }
        client = DriftlabNode.client("127.0.0.1", 0, List.of(seed), ConfigFactory.load());
        client.awaitWorkersUp(3, Duration.ofSeconds(90));

        // 10 conditions (every reset policy) x 2,000 seeds x 20 steps
        SweepSpec sweep = SystemTestSpecs.sweep("soak", RUNS / 10, 20);
        assertThat(sweep.runs()).hasSize(RUNS);
        long[][] liveKb = new long[2][];
        InMemoryResultSink sink = new InMemoryResultSink();
        SweepOutcome outcome = client.sweepClient()
                .runAsync(sweep, sink, progress -> {
                    try {
                        if (liveKb[0] == null && progress.done() >= 5_000) liveKb[0] = liveHeapKb();
                        if (liveKb[1] == null && progress.done() >= 15_000) liveKb[1] = liveHeapKb();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not read the workers' heap", e);
                    }
                })
                .toCompletableFuture()
                .get(300, TimeUnit.SECONDS);

        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers).hasSize(RUNS);
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);
        assertThat(sink.metrics()).isEqualTo(reference);
        assertThat(liveKb[0]).as("heap read after 5,000 runs").isNotNull();
        assertThat(liveKb[1]).as("heap read after 15,000 runs").isNotNull();
        // the figures, for the record (target/child-logs/soak-heap.txt)
        java.nio.file.Files.writeString(
                logs.resolve("soak-heap.txt"),
                "live heap KiB per worker after 5,000 runs "
                        + java.util.Arrays.toString(liveKb[0]) + ", after 15,000 runs "
                        + java.util.Arrays.toString(liveKb[1])
                        + "; sweep of " + RUNS + " runs took " + outcome.wallNanos() / 1_000_000 + " ms\n");
        for (int w = 0; w < workers.size(); w++) {
            assertThat(liveKb[1][w])
                    .as("worker %d live heap after 15,000 runs vs 5,000 (KiB)", w)
                    .isLessThanOrEqualTo(liveKb[0][w] + SLACK_KB);
        }
    }

    /** Each worker's heap in use right after a full GC, in KiB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private long[] liveHeapKb() throws IOException, InterruptedException {
        long[] kb = new long[workers.size()];
        for (int w = 0; w < workers.size(); w++) {
            long pid = workers.get(w).pid();
            jcmd(pid, "GC.run");
            kb[w] = usedKb(jcmd(pid, "GC.heap_info"));
        }
        return kb;
    }

    /** Sums "used NK" over the generation lines of a heap summary (serial GC: young and tenured). */
    static long usedKb(String heapInfo) {
        Matcher m = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
        long used = 0;
        int found = 0;
        while (m.find()) {
            used += Long.parseLong(m.group(1));
            found++;
        }
        if (found == 0) throw new IllegalStateException("no heap figures in jcmd output:\n" + heapInfo);
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " did not answer within 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException("jcmd " + command + " failed: " + out);
        return out;
    }
}
