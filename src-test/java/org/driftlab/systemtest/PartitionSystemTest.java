package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real network partitions mid-sweep: worker nodes in child JVMs, each in its own Linux network namespace
 * with its own address ({@link NetNamespaces}), and the client in this JVM on the bridge that joins them. In
 * every scenario the sweep completes with each run stored exactly once and equal to the in-process lockstep
 * reference. Each test makes and deletes its own namespaces, is bounded by {@link Timeout}, and is skipped
 * (with the reason) where the machine refuses namespaces. The worker cut-off runs in the default suite; the
 * others are tagged {@value #EXTENDED} and run with the Maven profile {@code partition-tests}
 * (docs/OPERATIONS.md). Each sweep scenario prints a {@code partition-figures} line (stored-run rate before and
 * during the fault, the longest stretch without a stored run) to stdout and to
 * {@code target/partition-figures.txt}; timing is reported, never asserted.
 */
class PartitionSystemTest {
    static final String EXTENDED = "partition-extended";

    /**
     * Failure detection in about 5 s (a pause of 4 s: less marks members of a loaded test machine unreachable
     * while they start); the resolver decides 5 s after the membership is stable.
     */
    private static final List<String> FAILURE_DETECTION = List.of(
            "-Dpekko.cluster.split-brain-resolver.stable-after=5s",
            "-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause=4s");

    private static final List<String> SETTINGS = concat(
            FAILURE_DETECTION,
            List.of(
                    "-Dpekko.cluster.sharding.rebalance-interval=1s",
                    "-Ddriftlab.sweep.in-flight-per-node=2",
                    "-Ddriftlab.sweep.shards=30",
                    // longer than failure detection (~5 s): the runs of a cut-off node must be moved by the
                    // reachability
                    // rule, which the default scenario checks, not by a start timeout that a loaded machine lets fire
                    // first
                    "-Ddriftlab.sweep.start-timeout=12s",
                    "-Ddriftlab.learner.chunk-size=64"));

    private NetNamespaces net;
    private final List<Process> workers = new ArrayList<>();
    private DriftlabNode client;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (client != null) client.close();
        } catch (IllegalStateException e) {
            // a client downed by the resolver behind a partition may not finish shutting down in time; it is
            // isolated and its network is deleted below, so later tests are not disturbed
            System.err.println("partition test: " + e.getMessage());
        } finally {
            try {
                ChildJvms.destroyAll(workers);
            } finally {
                if (net != null) net.close();
            }
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWorkerCutOffThenHealedAndReplacedOnTheSameAddress() throws Exception {
        start("cut-worker", 3);
        // twice the runs of the other scenarios, each twice as long: notices reach the listener only while the sweep
        // runs, and since runs leave an unreachable node at once the survivors could store a shorter sweep whole
        // between the resolver's downing and the removal of the cut-off node
        Recorder r = runWithFault("worker-cut", SystemTestSpecs.sweep("cut", 16, 40_000), 10, List.of(2), () -> {
            net.cut(2);
            ChildJvms.awaitRemoved(client.system(), net.hostPort(2), 90);
            workers.get(2).destroyForcibly().waitFor(20, TimeUnit.SECONDS); // downed on its side of the cut anyway
            net.heal(2);
            workers.set(2, worker("cut-worker", 2, "-new"));
            client.awaitWorkersUp(3, Duration.ofSeconds(90));
        });
        // the runs on the cut-off node went elsewhere as soon as it was unreachable, before it was removed
        List<ClusterNotice> notices = r.notices();
        assertThat(notices)
                .extracting(ClusterNotice::kind)
                .contains(ClusterNotice.Kind.UNREACHABLE, ClusterNotice.Kind.REMOVED);
        int moved = -1;
        int removed = -1;
        for (int i = 0; i < notices.size(); i++) {
            ClusterNotice n = notices.get(i);
            if (moved < 0
                    && n.kind() == ClusterNotice.Kind.REDISPATCHING
                    && n.member().endsWith(" is unreachable")) moved = i;
            if (removed < 0 && n.kind() == ClusterNotice.Kind.REMOVED) removed = i;
        }
        assertThat(moved)
                .as("runs moved off the unreachable node (notices %s)", notices)
                .isNotNegative()
                .isLessThan(removed);
    }

    @Test
    @Tag(EXTENDED)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void theCoordinatorsNodeCutOff() throws Exception {
        start("cut-coordinator", 3); // worker 0 founded the cluster: the oldest, it hosts the coordinator
        SweepSpec sweep = SystemTestSpecs.sweep("cut-coord", 8, 20_000);
        Recorder r = runWithFault("coordinator-cut", sweep, 10, List.of(0), () -> {
            net.cut(0);
            ChildJvms.awaitRemoved(client.system(), net.hostPort(0), 90);
        });
        assertThat(r.firstNotice(ClusterNotice.Kind.COORDINATOR_MOVED))
                .as("coordinator moved notice")
                .isNotNull();
    }

    @Test
    @Tag(EXTENDED)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aCutDuringACoordinatorHandOver() throws Exception {
        start("cut-handover", 4);
        runWithFault("handover-cut", SystemTestSpecs.sweep("cut-handover", 8, 20_000), 10, List.of(0, 1), () -> {
            ChildJvms.signal(workers.get(0), "TERM"); // leaves: the singleton hands over to worker 1, the next oldest
            net.cut(1); // ... which is cut off meanwhile
            ChildJvms.awaitRemoved(client.system(), net.hostPort(0), 90);
            ChildJvms.awaitRemoved(client.system(), net.hostPort(1), 90);
        });
    }

    @Test
    @Tag(EXTENDED)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aOneWayPartition() throws Exception {
        start("one-way", 3);
        runWithFault("one-way", SystemTestSpecs.sweep("one-way", 8, 20_000), 10, List.of(1, 2), () -> {
            net.dropOutgoing(2, List.of(net.address(1))); // 2 cannot send to 1; 1 still sends to 2
            // 1 and 2 are indirectly connected (each reachable from others, not from each other): the resolver
            // downs both, and worker 0 carries the sweep on
            awaitWorkersUp(1, 90);
        });
    }

    @Test
    @Tag(EXTENDED)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoOfFiveNodesPartitionedAway() throws Exception {
        start("two-of-five", 5);
        List<String> majority = List.of(net.address(0), net.address(1), net.address(2), net.bridgeAddress());
        runWithFault("two-of-five", SystemTestSpecs.sweep("two-of-five", 8, 20_000), 10, List.of(3, 4), () -> {
            net.separate(3, majority);
            net.separate(4, majority);
            ChildJvms.awaitRemoved(client.system(), net.hostPort(3), 90);
            ChildJvms.awaitRemoved(client.system(), net.hostPort(4), 90);
        });
    }

    /**
     * The resolver counts workers only: workers {0, 1} against workers {2, 3} with the client is a tie among
     * workers, which the side with the lowest address (worker 0) wins, although the client makes the other
     * side 3 of 5 members. So workers 2 and 3 and the client are downed, and workers 0 and 1 stay.
     */
    @Test
    @Tag(EXTENDED)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aClientCannotTipWhichSideSurvives() throws Exception {
        start("client-tip", 4);
        List<String> other = List.of(net.address(2), net.address(3), net.bridgeAddress());
        net.separate(0, other);
        net.separate(1, other);
        // the client's side lost: the client is downed (its system then shuts down, which may take long here)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        org.apache.pekko.cluster.typed.Cluster self = org.apache.pekko.cluster.typed.Cluster.get(client.system());
        while (!client.system().getWhenTerminated().toCompletableFuture().isDone()
                && self.selfMember().status() != org.apache.pekko.cluster.MemberStatus.down()
                && self.selfMember().status() != org.apache.pekko.cluster.MemberStatus.removed()) {
            assertThat(System.nanoTime())
                    .as(
                            "client downed within 90 s (status %s)",
                            self.selfMember().status())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        for (int i : new int[] {2, 3}) {
            assertThat(workers.get(i).waitFor(90, TimeUnit.SECONDS))
                    .as("worker %d (with the client) downed and exited", i)
                    .isTrue();
        }
        assertThat(workers.subList(0, 2)).allSatisfy(p -> assertThat(p.isAlive())
                .as("worker on the lowest address's side")
                .isTrue());
    }

    // ---------------------------------------------------------------- harness

    /** Makes {@code n} namespaces, a worker in each (worker 0 founds the cluster), and joins the client. */
    private void start(String name, int n) throws Exception {
        net = NetNamespaces.create(n);
        for (int i = 0; i < n; i++) workers.add(worker(name, i, ""));
        Config config = ConfigFactory.parseString(
                        """
                pekko.cluster.split-brain-resolver.stable-after = 5s
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 4s
                """)
                .withFallback(ConfigFactory.load());
        client = DriftlabNode.client(net.bridgeAddress(), 0, List.of(net.hostPort(0)), config);
        client.awaitWorkersUp(n, Duration.ofSeconds(120));
    }

    private Process worker(String name, int i, String suffix) throws IOException {
        List<String> flags = concat(SETTINGS, List.of("-Ddriftlab.test.host=" + net.address(i)));
        List<String> args = new ArrayList<>(List.of(String.valueOf(NetNamespaces.PORT)));
        if (i > 0) args.add(net.hostPort(0));
        Path log = ChildJvms.logDir().resolve("partition-" + name + "-" + i + suffix + ".log");
        return ChildJvms.start(net.launcher(i), WorkerMain.class, flags, args, log);
    }

    private void awaitWorkersUp(int n, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (client.workersUp() != n
                || !org.apache.pekko.cluster.typed.Cluster.get(client.system())
                        .state()
                        .getUnreachable()
                        .isEmpty()) {
            assertThat(System.nanoTime())
                    .as("%d workers up, none unreachable, within %d s", n, seconds)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Runs {@code sweep}, injects {@code fault} from this thread once {@code at} runs are stored (the sweep goes
     * on meanwhile), checks that every run is stored exactly once and equals lockstep, and reports figures;
     * {@code faulty}: the workers the fault cuts off (the others are the survivors whose CPU is counted).
     */
    private Recorder runWithFault(String scenario, SweepSpec sweep, int at, List<Integer> faulty, Fault fault)
            throws Exception {
        sweep = interleaved(sweep);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);
        TimedSink sink = new TimedSink();
        Recorder r = new Recorder(at);
        CpuSampler cpu = new CpuSampler(List.copyOf(workers));
        CompletableFuture<SweepOutcome> done =
                client.sweepClient().runAsync(sweep, sink, r).toCompletableFuture();
        long faultAt;
        SweepOutcome outcome;
        try {
            assertThat(r.reached.get(120, TimeUnit.SECONDS))
                    .as("progress before the fault")
                    .isTrue();
            faultAt = System.nanoTime();
            fault.inject();
            outcome = done.get(240, TimeUnit.SECONDS);
        } finally {
            cpu.close();
        }
        assertThat(r.doneAtFault)
                .as("fault injected before the sweep was over")
                .isLessThan(sweep.runs().size());

        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);
        r.report(scenario, faultAt);
        r.detail(scenario, faultAt, sink, cpu, faulty);
        return r;
    }

    /**
     * {@code sweep} with its runs in a fixed pseudo-random order. The submitter hands runs out in the sweep's
     * order, which goes condition by condition, and the conditions cost very differently (a belief-driven run
     * several times a plain one): in that order the stretch before the fault would hold other runs than the
     * stretch after it, and their rates would not compare. The results do not depend on the order.
     */
    private static SweepSpec interleaved(SweepSpec sweep) {
        List<org.driftlab.core.spec.RunSpec> runs = new ArrayList<>(sweep.runs());
        Collections.shuffle(runs, new java.util.Random(20261208L));
        return new SweepSpec(sweep.name(), sweep.configText(), sweep.sweptKeys(), runs, sweep.conditionConfigs());
    }

    /** When each result was offered, and from which node. Thread-safe. */
    private static final class TimedSink extends InMemoryResultSink {
        record Offer(long at, String runId, String node) {}

        final List<Offer> offered = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(org.driftlab.core.spec.RunSpec spec, org.driftlab.core.sim.RunResult result) {
            offered.add(new Offer(System.nanoTime(), result.runId(), result.node()));
            super.accept(spec, result);
        }

        List<Offer> offers() {
            synchronized (offered) {
                return List.copyOf(offered);
            }
        }
    }

    /**
     * Samples the CPU time of each worker JVM (its process and descendants) every 200 ms until closed, so that
     * the CPU the survivors used in a stretch can be set against what the machine's cores offered.
     */
    private static final class CpuSampler implements AutoCloseable {
        record Sample(long at, long[] cpuNanos) {}

        private final List<Process> processes;
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        CpuSampler(List<Process> processes) {
            this.processes = processes;
            sample();
            thread = new Thread(
                    () -> {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                Thread.sleep(200);
                                sample();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "partition-cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            long[] cpu = new long[processes.size()];
            for (int i = 0; i < cpu.length; i++) {
                ProcessHandle h = processes.get(i).toHandle();
                cpu[i] = cpuNanos(h)
                        + h.descendants().mapToLong(CpuSampler::cpuNanos).sum();
            }
            samples.add(new Sample(System.nanoTime(), cpu));
        }

        private static long cpuNanos(ProcessHandle h) {
            return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        /** CPU seconds worker {@code i} used between the samples nearest {@code from} and {@code to}. */
        double cpuSeconds(int i, long from, long to) {
            return (at(to).cpuNanos()[i] - at(from).cpuNanos()[i]) / 1e9;
        }

        /** The last sample taken at or before {@code t} (the first, when none is). */
        private Sample at(long t) {
            synchronized (samples) {
                Sample best = samples.get(0);
                for (Sample s : samples) if (s.at() <= t) best = s;
                return best;
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(5_000);
            sample();
        }
    }

    /** Records when each run was stored and the notices, in order. Thread-safe. */
    private static final class Recorder implements ProgressListener {
        final CompletableFuture<Boolean> reached = new CompletableFuture<>();
        final List<Long> storedAt = Collections.synchronizedList(new ArrayList<>());
        final List<ClusterNotice> notices = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> noticedAt = new ArrayList<>(); // guarded by notices' lock, index by index
        private final int at;
        volatile int doneAtFault = -1;

        Recorder(int at) {
            this.at = at;
        }

        @Override
        public void onProgress(Progress p) {
            storedAt.add(System.nanoTime());
            if (p.done() >= at && !reached.isDone()) {
                doneAtFault = p.done();
                reached.complete(true);
            }
        }

        @Override
        public void onNotice(ClusterNotice notice) {
            synchronized (notices) {
                notices.add(notice);
                noticedAt.add(System.nanoTime());
            }
        }

        List<ClusterNotice> notices() {
            synchronized (notices) {
                return List.copyOf(notices);
            }
        }

        List<ClusterNotice.Kind> kinds() {
            return notices().stream().map(ClusterNotice::kind).toList();
        }

        ClusterNotice firstNotice(ClusterNotice.Kind kind) {
            return notices().stream().filter(n -> n.kind() == kind).findFirst().orElse(null);
        }

        /**
         * Stored runs per second before the fault (from the first stored run), from the fault until the first
         * member was removed (the resolver's decision), and from the client's first unreachable notice (the
         * failure detector's verdict) until that removal; and the longest stretch without a stored run from the
         * fault to the end of the sweep.
         */
        void report(String scenario, long faultAt) throws IOException {
            List<Long> times;
            synchronized (storedAt) {
                times = List.copyOf(storedAt);
            }
            long until = until(times.get(times.size() - 1));
            long detected = detected(faultAt, until);
            long gap = 0;
            long previous = faultAt;
            for (long t : times) {
                if (t < faultAt) continue;
                gap = Math.max(gap, t - previous);
                previous = t;
            }
            String line = String.format(
                    Locale.ROOT,
                    "partition-figures %s: %.2f runs/s before the fault; %.2f runs/s from the fault to the first removal"
                            + " (%.1f s), %.2f runs/s from the unreachable notice (%.1f s after the fault) to it; longest"
                            + " stretch without a stored run after the fault %.1f s; notices %s",
                    scenario,
                    rate(times, times.get(0), faultAt),
                    rate(times, faultAt, until),
                    seconds(until - faultAt),
                    rate(times, detected, until),
                    seconds(detected - faultAt),
                    seconds(gap),
                    kinds());
            System.out.println(line);
            Files.writeString(
                    Path.of("target", "partition-figures.txt"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        /**
         * A second figures line ({@code partition-detail}) meant to hold up on a shared, loaded machine: for the
         * stretch before the fault (first stored run to the fault, all workers) and the one from the unreachable
         * notice to the first removal (the surviving workers), the runs stored per second and the workers'
         * CPU-seconds used against the CPU-seconds the machine's cores offered; the ratios after/before of the
         * run rate and of the runs per worker CPU-second (the latter compares the two stretches at the same
         * number of busy cores, however busy the machine was otherwise); the runs stored in each second from the
         * fault; and the runs stored per node before the fault and after the notice.
         */
        void detail(String scenario, long faultAt, TimedSink sink, CpuSampler cpu, List<Integer> faulty)
                throws IOException {
            List<TimedSink.Offer> offers = sink.offers();
            long until = until(offers.get(offers.size() - 1).at());
            long detected = detected(faultAt, until);
            int cores = Runtime.getRuntime().availableProcessors();
            int n = cpu.processes.size();
            List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
            List<Integer> survivors =
                    all.stream().filter(i -> !faulty.contains(i)).toList();
            Stretch before = stretch(offers, cpu, all, offers.get(0).at(), faultAt, cores);
            Stretch after = stretch(offers, cpu, survivors, detected, until, cores);
            List<Integer> perSecond = new ArrayList<>();
            for (TimedSink.Offer o : offers) {
                if (o.at() < faultAt) continue;
                int second = (int) ((o.at() - faultAt) / 1_000_000_000L);
                while (perSecond.size() <= second) perSecond.add(0);
                perSecond.set(second, perSecond.get(second) + 1);
            }
            String line = String.format(
                    Locale.ROOT,
                    "partition-detail %s: cores %d; before the fault %s; unreachable notice to first removal %s;"
                            + " after/before: runs/s %.2f, runs per worker CPU-s %.2f; stored per second"
                            + " from the fault %s; by node before the fault %s, after the notice %s",
                    scenario,
                    cores,
                    before,
                    after,
                    after.runsPerSecond() / before.runsPerSecond(),
                    after.runsPerCpu() / before.runsPerCpu(),
                    perSecond,
                    byNode(offers, offers.get(0).at(), faultAt),
                    byNode(offers, detected, until));
            System.out.println(line);
            Files.writeString(
                    Path.of("target", "partition-figures.txt"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        /** Runs stored in a stretch and the CPU the given workers used meanwhile. */
        record Stretch(double seconds, int runs, double cpuUsed, double cpuAvailable, int workers) {
            double runsPerSecond() {
                return runs / seconds;
            }

            double runsPerCpu() {
                return runs / cpuUsed;
            }

            @Override
            public String toString() {
                return String.format(
                        Locale.ROOT,
                        "(%.1f s, %d workers: %d runs, %.2f runs/s, CPU used %.1f of %.1f CPU-s, %.2f runs per"
                                + " CPU-s)",
                        seconds,
                        workers,
                        runs,
                        runsPerSecond(),
                        cpuUsed,
                        cpuAvailable,
                        runsPerCpu());
            }
        }

        private static Stretch stretch(
                List<TimedSink.Offer> offers, CpuSampler cpu, List<Integer> workers, long from, long to, int cores) {
            int runs = 0;
            for (TimedSink.Offer o : offers) if (o.at() >= from && o.at() < to) runs++;
            double used = 0;
            for (int i : workers) used += cpu.cpuSeconds(i, from, to);
            double s = seconds(to - from);
            return new Stretch(s, runs, used, cores * s, workers.size());
        }

        /** Runs stored in [from, to) by the node (host:port, without the incarnation) that computed them. */
        private static Map<String, Integer> byNode(List<TimedSink.Offer> offers, long from, long to) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (TimedSink.Offer o : offers) {
                if (o.at() < from || o.at() >= to) continue;
                counts.merge(o.node().replaceAll("#.*", ""), 1, Integer::sum);
            }
            return counts;
        }

        /** The end of the stretch measured: the first removal notice, or the last stored run if earlier. */
        private long until(long lastStored) {
            Long removed = firstNoticeAt(ClusterNotice.Kind.REMOVED);
            return removed != null ? Math.min(removed, lastStored) : lastStored;
        }

        /** The first unreachable notice (the failure detector's verdict) before {@code until}, else the fault. */
        private long detected(long faultAt, long until) {
            Long unreachable = firstNoticeAt(ClusterNotice.Kind.UNREACHABLE);
            return unreachable != null && unreachable < until ? unreachable : faultAt;
        }

        /** Runs stored per second in [from, to). */
        private static double rate(List<Long> times, long from, long to) {
            return times.stream().filter(t -> t >= from && t < to).count() / seconds(to - from);
        }

        private Long firstNoticeAt(ClusterNotice.Kind kind) {
            synchronized (notices) {
                for (int i = 0; i < notices.size(); i++) if (notices.get(i).kind() == kind) return noticedAt.get(i);
            }
            return null;
        }

        private static double seconds(long nanos) {
            return Math.max(nanos, 1) / 1e9;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
