package org.driftlab.bench.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.driftlab.childjvm.ChildJvm;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.SweepClient;

/**
 * A cluster of {@code W} worker nodes, each in its own child JVM on 127.0.0.1 (a free port each, the first the
 * seed of the others), and a client node in this JVM that joined it (client role: it runs no learners, DESIGN §9)
 * to submit sweeps. {@link #start} returns once the client sees all W workers Up.
 *
 * <p>Child JVM {@code i} runs in its own directory {@code logDir/worker-i} (so each node's
 * {@code logs/driftlab.log} is its own), its stdout and stderr in {@code worker-i/node.out}.
 *
 * <p>No child outlives this object: {@link #close} stops the client, sends each child SIGTERM in turn (its node
 * leaves the cluster) and SIGKILLs any child still alive {@link #STOP_GRACE} after close began; a JVM shutdown hook does the same
 * when this JVM exits first (Ctrl-C, SIGTERM, an exception escaping main). Only SIGKILL of this JVM, which runs
 * no hook, can leave children behind; their pids are in {@link #pids()}. Thread-safe close; the rest is for
 * the creating thread.
 */
public final class LocalWorkers implements AutoCloseable {
    /** How long a SIGTERM'd child may take to leave the cluster before it is SIGKILLed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<Process> children;
    private final List<String> hostPorts;
    private final List<Path> dirs;
    private final Thread hook;
    private DriftlabNode client;
    private boolean closed;

    private LocalWorkers() {
        this.children = new ArrayList<>();
        this.hostPorts = new ArrayList<>();
        this.dirs = new ArrayList<>();
        this.hook = new Thread(this::stopAll, "driftlab-bench-stop-workers");
    }

    /**
     * Starts {@code workers} ≥ 1 child JVMs of {@code node}, logging under {@code logDir} (created), and a
     * client node in this JVM with {@code clientConfig} (the full driftlab configuration), and waits until the
     * client sees every worker Up. TimeoutException (naming the log directory) when that takes longer than
     * {@code startTimeout}; IllegalStateException when a child exits while starting. Whatever was started is
     * stopped before either is thrown. {@code node} is a command that accepts the {@code --port}, {@code --host} and
     * {@code --seed} flags of {@code driftlab node} (e.g. {@code org.driftlab.cli.DriftlabCommand node}), prints to
     * stdout and blocks until SIGTERM makes it leave the cluster.
     */
    public static LocalWorkers start(
            ChildJvm node, int workers, Path logDir, Config clientConfig, Duration startTimeout)
            throws IOException, InterruptedException, TimeoutException {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
        LocalWorkers cluster = new LocalWorkers();
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            String seed = null;
            for (int i = 0; i < workers; i++) {
                int port = ChildJvm.freePort();
                String hostPort = "127.0.0.1:" + port;
                if (seed == null) seed = hostPort; // the first node founds the cluster by listing itself
                Path dir = Files.createDirectories(logDir.resolve("worker-" + (i + 1)));
                ChildJvm worker = node.withMoreArgs(
                        List.of("--port", String.valueOf(port), "--host", "127.0.0.1", "--seed", seed));
                cluster.adopt(worker.start(dir, dir.resolve("node.out")), hostPort, dir);
            }
            // several clients (a comparison keeps two clusters) may share this JVM: distinct JMX bean names
            Config c = ConfigFactory.parseString("pekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                    .withFallback(clientConfig);
            cluster.joinAsClient(c, seed, workers, startTimeout, logDir);
            return cluster;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private synchronized void adopt(Process p, String hostPort, Path dir) {
        children.add(p);
        hostPorts.add(hostPort);
        dirs.add(dir);
        if (closed) stopAll(); // closed meanwhile (Ctrl-C while starting): this child must not survive either
    }

    private void joinAsClient(Config config, String seed, int workers, Duration timeout, Path logDir)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DriftlabNode node = DriftlabNode.client("127.0.0.1", 0, List.of(seed), config);
        synchronized (this) {
            client = node;
            if (closed) throw new IllegalStateException("stopped while starting");
        }
        while (true) {
            try {
                node.awaitWorkersUp(workers, Duration.ofMillis(250));
                return;
            } catch (TimeoutException notYet) {
                for (int i = 0; i < children.size(); i++) {
                    if (!children.get(i).isAlive()) {
                        throw new IllegalStateException("worker JVM " + (i + 1) + " exited with code "
                                + children.get(i).exitValue() + " while starting; see "
                                + dirs.get(i).resolve("node.out"));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(workers + " worker JVMs not Up within " + timeout.toSeconds() + " s ("
                            + node.workersUp() + " up); see the logs under " + logDir);
                }
            }
        }
    }

    /** A client for sweeps on this cluster, through this JVM's client node. */
    public SweepClient sweepClient() {
        return client.sweepClient();
    }

    /**
     * The workers' "host:port" addresses, in start order; {@code RunResult.node()} names a worker by its
     * incarnation, "host:port#uid", whose "host:port" is one of these.
     */
    public List<String> workerHostPorts() {
        return List.copyOf(hostPorts);
    }

    /** The child JVMs' process ids, in start order. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Process p : children) pids.add(p.pid());
        return pids;
    }

    /** The working directory of each child JVM (its logs), in start order. */
    public List<Path> logDirs() {
        return List.copyOf(dirs);
    }

    /**
     * CPU time each child JVM has used so far, in nanoseconds, in start order (-1 where the OS does not say);
     * all of its threads (learners, actors, GC, JIT), read from {@link ProcessHandle.Info#totalCpuDuration()}.
     */
    public long[] cpuNanos() {
        long[] cpu = new long[children.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = children.get(i)
                    .info()
                    .totalCpuDuration()
                    .map(Duration::toNanos)
                    .orElse(-1L);
        }
        return cpu;
    }

    /** Stops the client node and every child (SIGTERM, SIGKILL after {@link #STOP_GRACE}); idempotent, blocks until done. */
    @Override
    public void close() {
        try {
            stopAll();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it stops the same children
            }
        }
    }

    private synchronized void stopAll() {
        closed = true;
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        boolean interrupted = false;
        if (client != null) {
            try {
                client.close(); // leaves while the workers are up to see it go
            } catch (RuntimeException e) {
                // a client that did not terminate in time must not keep the children alive
            }
            client = null;
        }
        // SIGTERM one at a time, last started first: a node leaving while the others are up is removed within a
        // gossip round or two, whereas nodes leaving all at once wait for the failure detector to mark each other
        for (int i = children.size() - 1; i >= 0; i--) {
            Process p = children.get(i);
            p.destroy();
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) p.waitFor(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true; // still stop them all below, without waiting
                deadline = System.nanoTime();
            }
        }
        for (Process p : children) {
            if (p.isAlive()) p.destroyForcibly();
        }
        for (Process p : children) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
