package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three worker nodes in child JVMs on 127.0.0.1 and a client node in this JVM, shared by the tests (starting
 * the JVMs is the slow part). A sweep gives the in-process lockstep results bit for bit with runs on all
 * three JVMs; and a client JVM killed with SIGKILL mid-sweep takes no worker down: its sweep is dropped by the
 * coordinator (nothing re-dispatched for it) and the same sweep submitted anew completes exactly once.
 */
class WorkerJvmsSystemTest {
    /** Fast failure detection and downing, so a killed client is removed within seconds. */
    private static final List<String> SETTINGS = List.of(
            "-Dpekko.cluster.split-brain-resolver.stable-after=2s",
            "-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause=2s",
            "-Ddriftlab.sweep.in-flight-per-node=2",
            "-Ddriftlab.sweep.shards=30",
            "-Ddriftlab.learner.chunk-size=64");

    private static final List<Process> workers = new ArrayList<>();
    private static final List<Path> workerLogs = new ArrayList<>();
    private static final Set<String> workerHostPorts = new HashSet<>();
    private static DriftlabNode client;
    private Process clientJvm;

    @BeforeAll
    static void startCluster() throws Exception {
        Path logs = ChildJvms.logDir();
        String seed = null;
        for (int i = 0; i < 3; i++) {
            int port = ChildJvms.freePort();
            Path log = logs.resolve("jvms-worker-" + port + ".log");
            workers.add(ChildJvms.worker(port, seed, SETTINGS, log));
            workerLogs.add(log);
            workerHostPorts.add("127.0.0.1:" + port);
            if (seed == null) seed = "127.0.0.1:" + port;
        }
        Config config = ConfigFactory.parseString(
                        """
                pekko.cluster.split-brain-resolver.stable-after = 2s
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s
                """)
                .withFallback(ConfigFactory.load());
        client = DriftlabNode.client("127.0.0.1", 0, List.of(seed), config);
        client.awaitWorkersUp(3, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        try {
            if (client != null) client.close();
        } finally {
            ChildJvms.destroyAll(workers);
        }
    }

    @AfterEach
    void killClientJvm() throws InterruptedException {
        if (clientJvm != null) ChildJvms.destroyAll(List.of(clientJvm));
    }

    @Test
    void threeWorkerJvmsGiveTheLockstepResultsAndEachRunsSome() throws Exception {
        SweepSpec sweep = SystemTestSpecs.sweep("jvms", 2, 3000);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);

        InMemoryResultSink sink = new InMemoryResultSink();
        SweepOutcome outcome = client.sweepClient()
                .runAsync(sweep, sink, ProgressListener.none())
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);
        Set<String> ranOn = new HashSet<>();
        for (RunResult r : sink.results.values())
            ranOn.add(r.node().substring(0, r.node().indexOf('#'))); // host:port#uid
        assertThat(ranOn).as("the worker JVMs the runs ran on").isEqualTo(workerHostPorts);
    }

    @Test
    void aClientKilledMidSweepTakesNoNodeDownAndItsSweepIsDropped() throws Exception {
        long[] logStart = new long[workerLogs.size()];
        for (int i = 0; i < logStart.length; i++) logStart[i] = Files.size(workerLogs.get(i));
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        SweepSpec sweep = SystemTestSpecs.sweep("abandoned", prefix, 3, 10_000);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);

        int port = ChildJvms.freePort();
        String clientHostPort = "127.0.0.1:" + port;
        Path clientLog = ChildJvms.logDir().resolve("jvms-client-" + port + ".log");
        clientJvm = ChildJvms.start(
                ClientMain.class,
                SETTINGS,
                List.of(
                        String.valueOf(port),
                        workerHostPorts.iterator().next(),
                        "3",
                        "abandoned",
                        prefix,
                        "3",
                        "10000"),
                clientLog);

        // SIGKILL once a few runs are stored: the rest of its window is in flight on the workers
        int[] progress = awaitProgress(clientLog, 2, Duration.ofSeconds(60));
        clientJvm.destroyForcibly();
        assertThat(clientJvm.waitFor(20, TimeUnit.SECONDS))
                .as("client JVM gone")
                .isTrue();
        assertThat(progress[0]).as("killed mid-sweep").isLessThan(progress[1]);

        ChildJvms.awaitRemoved(client.system(), clientHostPort, 40);
        assertThat(workers)
                .allSatisfy(p -> assertThat(p.isAlive()).as("worker JVM alive").isTrue());
        assertThat(client.workersUp()).isEqualTo(3);
        assertThat(Cluster.get(client.system()).state().getUnreachable()).isEmpty();

        // the coordinator (on one worker) dropped the sweep of the removed client
        String dropped = awaitLogLine(
                logStart,
                Pattern.compile("submitter of sweep (abandoned-\\S+) stopped: sweep dropped \\(it was on \\S+"
                        + Pattern.quote(clientHostPort)),
                Duration.ofSeconds(20));

        InMemoryResultSink sink = new InMemoryResultSink();
        SweepOutcome outcome = client.sweepClient()
                .runAsync(sweep, sink, ProgressListener.none())
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);

        // nothing was re-dispatched for the client's removal, and after the drop the abandoned sweep is gone
        String logged = logsSince(logStart);
        assertThat(logged).doesNotContain("was removed");
        String afterDrop = logged.substring(logged.indexOf("submitter of sweep " + dropped));
        assertThat(afterDrop.lines().skip(1).filter(l -> l.contains(dropped)).toList())
                .as("log lines about the dropped sweep after the drop")
                .isEmpty();
        assertThat(workers)
                .allSatisfy(p -> assertThat(p.isAlive()).as("worker JVM alive").isTrue());
        assertThat(client.workersUp()).isEqualTo(3);
    }

    /** Waits for a {@code PROGRESS done total} line with done ≥ {@code atLeast}; returns {done, total}. */
    private int[] awaitProgress(Path log, int atLeast, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern line = Pattern.compile("^PROGRESS (\\d+) (\\d+)$", Pattern.MULTILINE);
        while (true) {
            Matcher m = line.matcher(Files.readString(log));
            while (m.find()) {
                int done = Integer.parseInt(m.group(1));
                if (done >= atLeast) return new int[] {done, Integer.parseInt(m.group(2))};
            }
            assertThat(clientJvm.isAlive())
                    .as("client JVM running (see %s)", log)
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("client stored %d runs in time (see %s)", atLeast, log)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits for {@code pattern} in the worker logs written since {@code start}; returns its group 1. */
    private static String awaitLogLine(long[] start, Pattern pattern, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(logsSince(start));
            if (m.find()) return m.group(1);
            assertThat(System.nanoTime())
                    .as("'%s' logged by a worker in time", pattern)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String logsSince(long[] start) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < workerLogs.size(); i++) {
            String text = Files.readString(workerLogs.get(i));
            all.append(text, (int) Math.min(start[i], text.length()), text.length());
        }
        return all.toString();
    }
}
