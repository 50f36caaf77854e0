package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepClient;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StorePaths;
import org.driftlab.results.store.StoredRun;
import org.driftlab.results.store.SweepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep submitted from this process ({@code run} and {@code submit}): loads and checks the config, opens
 * the store, starts the cluster side, shows progress, stores every result as it arrives, and ends with the
 * summary, the per-condition table and the plots ({@link ConditionReport}); while it runs, a live view of it is
 * served on a local port ({@link LiveView}, {@link LiveServer}) unless turned off. Wiring only.
 *
 * <p>Stopping ({@link #cancel}, called from the JVM shutdown hook on Ctrl-C): results stop being accepted
 * (a batch being stored is committed first, as each store write is one transaction; batches held by the
 * submitter and not yet written are dropped, unacknowledged), the store is closed,
 * then the cluster (bounded by {@link #SIGNAL_CLOSE_BOUND}). Runs not stored are simply run again by the
 * next invocation, which skips the stored ones.
 */
final class SweepSession {
    /** How long {@link #cancel} waits for the cluster to leave and terminate. */
    static final Duration CLUSTER_CLOSE_BOUND = Duration.ofSeconds(20);
    /**
     * How long a stop by signal waits for the cluster side to leave before the JVM exits anyway: the store is
     * already closed (nothing is lost), and an embedded cluster has no other node to hand its runs to, so the
     * graceful hand-off (up to Pekko's 10 s phase timeout while learners are busy) is not waited for.
     */
    static final Duration SIGNAL_CLOSE_BOUND = Duration.ofSeconds(3);
    /** Lines of the progress display when stderr is not a terminal: one per this many nanoseconds at most. */
    static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(SweepSession.class);

    /** The cluster side of a sweep: an embedded cluster ({@code run}) or a client node in one ({@code submit}). */
    interface SweepCluster extends AutoCloseable {
        SweepClient client();

        /** Worker nodes up now (for the progress display until the coordinator reports). */
        int workersUp();

        /** The cluster's members as this side sees them, for the live view ({@link ClusterMembers}); none by default. */
        default List<String> members() {
            return List.of();
        }

        /** Leaves and stops; bounded; idempotent. */
        @Override
        void close();
    }

    /** Starts the cluster side; may block (joining, waiting for workers). */
    @FunctionalInterface
    interface Starter {
        SweepCluster start() throws Exception;
    }

    /** A check of the loaded sweep before the store is opened or the cluster started (e.g. its memory). */
    @FunctionalInterface
    interface Preflight {
        void check(SweepSpec sweep);
    }

    private final SweepSpec sweep;
    private final ResultStore store;
    private final PrintWriter err;
    private final Object gate = new Object();
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private boolean stopped; // guarded by gate
    private int storedNow; // guarded by gate
    private int storedBefore;
    private SweepCluster cluster; // guarded by gate
    private volatile ProgressDisplay display;
    private volatile LiveView live;
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

    /** A session storing {@code sweep}'s results in {@code store} (owned by the caller; {@link #cancel} closes it). */
    SweepSession(SweepSpec sweep, ResultStore store, PrintWriter err) {
        this.sweep = sweep;
        this.store = store;
        this.err = err;
    }

    /**
     * The whole command: load, check, open, announce, run, summarise. Returns the exit code: {@link
     * ExitCodes#OK} when every run is stored, {@link ExitCodes#RUNS_FAILED} when some failed, {@link
     * ExitCodes#INTERRUPTED} when stopped by Ctrl-C. Bad input throws (mapped to exit 2 by {@link ExitCodes}):
     * a bad config before anything is created.
     */
    static int execute(SweepOptions o, Starter starter, PrintWriter out, PrintWriter err) throws Exception {
        return execute(o, sweep -> {}, starter, out, err);
    }

    /** As above, with {@code preflight} run on the loaded sweep before anything is created (it throws to refuse). */
    static int execute(SweepOptions o, Preflight preflight, Starter starter, PrintWriter out, PrintWriter err)
            throws Exception {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        SweepSpec sweep = SweepLoader.load(o.config, o.includes.sources()); // ConfigProblems: nothing created yet
        preflight.check(sweep);
        Path storeFile = o.results != null ? o.results : StorePaths.defaultFor(sweep);
        OutputGuard.refuseInputs("--results", storeFile, OutputGuard.configInputs(o.config, o.includes.sources()));
        if (o.resume && !Files.exists(storeFile)) {
            throw new BadInputException("nothing to resume: there is no results store at " + storeFile
                    + " (drop --resume to start the sweep)");
        }
        if (o.out != null && Files.exists(o.out) && !Files.isDirectory(o.out)) {
            throw new BadInputException("--out " + o.out + ": exists and is not a directory");
        }
        boolean newStore = !Files.exists(storeFile);
        // the live view binds before the store is created, so that a port in use leaves nothing behind
        LiveView view = o.noLive ? null : new LiveView(sweep, storeFile, System::nanoTime);
        try (LiveServer server = view == null ? null : serveLive(view, o)) {
            Path createdDir = AtomicOutput.createParents(storeFile);
            boolean discard = false;
            try (ResultStore store = ResultStore.open(storeFile)) {
                try {
                    return runInStore(sweep, store, storeFile, o, view, server, starter, out, err);
                } catch (CancellationException e) {
                    throw e;
                } catch (Exception e) {
                    // e.g. no cluster reachable: a store this command created and stored nothing in is not left behind
                    discard = newStore && store.runCount() == 0;
                    throw e;
                }
            } catch (CancellationException e) {
                return ExitCodes.INTERRUPTED; // the hook has said what was kept
            } finally {
                if (discard) discardStore(storeFile, createdDir);
            }
        }
    }

    /** The part of {@link #execute} with the store open: check, announce, run, summarise; the exit code. */
    private static int runInStore(
            SweepSpec sweep,
            ResultStore store,
            Path storeFile,
            SweepOptions o,
            LiveView view,
            LiveServer server,
            Starter starter,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        checkResume(store, sweep, o.resume);
        SweepSession session = new SweepSession(sweep, store, err);
        session.showLive(view);
        int total = sweep.runs().size();
        int have = store.storedRunIds(sweep).size();
        session.storedBefore = have;
        if (!o.quiet) {
            err.println(
                    have == 0
                            ? "sweep '" + sweep.name() + "': " + total + " runs -> " + storeFile
                            : "resuming sweep '" + sweep.name() + "': " + have + " of " + total + " runs already in "
                                    + storeFile + " (skipped), " + (total - have) + " to run");
            err.flush();
        }
        if (server != null && have < total) {
            err.println("live view: " + server.uri());
            err.flush();
        }
        if (have == total) {
            // nothing to run: no cluster to start (the store already records the sweep)
            return session.summarise(new SweepOutcome(sweep.name(), total, have, 0, Map.of(), 0), storeFile, o, out);
        }
        Thread hook = new Thread(session::cancelFromHook, "driftlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            SweepOutcome outcome = session.runOn(starter, ProgressDisplay.modeFor(o.quiet));
            if (view != null) view.finish();
            return session.summarise(outcome, storeFile, o, out);
        } finally {
            session.awaitClosed();
            removeHook(hook);
        }
    }

    /** Deletes a store file this command created (with DuckDB's write-ahead log) and the directories made for it. */
    private static void discardStore(Path storeFile, Path createdDir) {
        try {
            Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + ".wal"));
            Files.deleteIfExists(storeFile);
            AtomicOutput.removeCreated(storeFile.toAbsolutePath().getParent(), createdDir);
        } catch (IOException e) {
            LOG.warn("could not remove the empty store {}", storeFile, e);
        }
    }

    /**
     * Refuses a store that holds this sweep's name only under other configs, unless {@code resume}; with
     * {@code resume}, requires that it holds the name at all (BadInputException otherwise).
     */
    static void checkResume(ResultStore store, SweepSpec sweep, boolean resume) {
        List<SweepRecord> sameName = new ArrayList<>();
        for (SweepRecord r : store.sweeps()) if (r.name().equals(sweep.name())) sameName.add(r);
        boolean sameConfig = sameName.stream().anyMatch(r -> r.configText().equals(sweep.configText()));
        if (resume && sameName.isEmpty()) {
            throw new BadInputException("nothing to resume: " + store.file() + " holds no sweep '" + sweep.name()
                    + "' (drop --resume to start it)");
        }
        if (!resume && !sameName.isEmpty() && !sameConfig) {
            SweepRecord last = sameName.get(sameName.size() - 1);
            throw new BadInputException(store.file() + " already holds sweep '" + sweep.name()
                    + "' from a different config (begun " + last.createdAt() + "). Rerun with --resume to continue it "
                    + "with this config (runs whose settings did not change are kept and skipped; the report then "
                    + "covers both), or use --results FILE for a new store.");
        }
    }

    /**
     * Serves {@code view} ({@link LiveServer}) where {@code o} says; a port that cannot be bound or an unknown
     * address is bad input (BadInputException).
     */
    private static LiveServer serveLive(LiveView view, SweepOptions o) throws IOException {
        try {
            return LiveServer.start(InetAddress.getByName(o.liveAddress), o.livePort, view);
        } catch (BindException | UnknownHostException e) {
            throw new BadInputException("--live-port " + o.livePort + " on " + o.liveAddress + ": " + e.getMessage()
                    + " (choose another port, 0 for a free one, or --no-live)");
        }
    }

    /** Feeds {@code view} (null: none) with this session's stored results and progress from now on. */
    void showLive(LiveView view) {
        live = view;
    }

    /** Starts the cluster, runs the sweep with a progress display; CancellationException when cancelled. */
    SweepOutcome runOn(Starter starter, ProgressDisplay.Mode mode) throws Exception {
        long t0 = System.nanoTime();
        SweepCluster c = starter.start();
        LOG.info("cluster side ready in {} ms ({} workers up)", (System.nanoTime() - t0) / 1_000_000, c.workersUp());
        attach(c);
        LiveView view = live;
        if (view != null) view.members(c::members);
        try {
            int total = sweep.runs().size();
            Progress initial = new Progress(storedBefore, total, storedBefore, 0, 0, 0, 0.0, c.workersUp());
            try (ProgressDisplay d =
                    new ProgressDisplay(err, mode, initial, LINE_INTERVAL_NANOS, System::nanoTime).start()) {
                display = d;
                return run(c.client(), d);
            }
        } finally {
            // the cluster leaves while the summary is printed (it needs only the store); execute waits for it
            if (!isStopped())
                closing = CompletableFuture.runAsync(() -> {
                    long t1 = System.nanoTime();
                    c.close();
                    LOG.info("cluster side closed in {} ms", (System.nanoTime() - t1) / 1_000_000);
                });
        }
    }

    /** Waits (bounded) until the cluster closed after a finished sweep has stopped. */
    private void awaitClosed() {
        try {
            closing.get(CLUSTER_CLOSE_BOUND.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("the cluster did not stop cleanly within {}", CLUSTER_CLOSE_BOUND, e);
        }
    }

    /** Gives the session the cluster to close on {@link #cancel}; closes it at once if already cancelled. */
    void attach(SweepCluster c) {
        synchronized (gate) {
            if (!stopped) {
                cluster = c;
                return;
            }
        }
        closeBounded(c);
        throw new CancellationException("interrupted");
    }

    /**
     * Runs the sweep through {@code client}, storing results in the store until it completes or {@link #cancel}
     * is called (then CancellationException).
     *
     * @throws ExecutionException when storing a result failed (the cause says why)
     */
    SweepOutcome run(SweepClient client, ProgressListener listener) throws InterruptedException, ExecutionException {
        LiveView view = live;
        ProgressListener both = view == null ? listener : view.andThen(listener);
        CompletableFuture<SweepOutcome> done =
                client.runAsync(sweep, new GatedSink(), both).toCompletableFuture();
        try {
            CompletableFuture.anyOf(done, cancelled).get();
        } catch (ExecutionException e) {
            if (isStopped()) throw new CancellationException("interrupted");
            // a store failure: its own message names the file (exit 2 through ExitCodes)
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        if (isStopped()) throw new CancellationException("interrupted");
        return done.get();
    }

    /**
     * Stops the sweep: no further result is stored (one being stored is committed first), the store is
     * closed, then the cluster (bounded). Returns the runs this session stored. Idempotent; safe from any
     * thread (the shutdown hook), but not from the submitter's (a progress listener).
     */
    int cancel() {
        SweepCluster c;
        int n;
        synchronized (gate) {
            stopped = true;
            c = cluster;
            n = storedNow;
        }
        cancelled.complete(null);
        store.close();
        if (c != null) closeBounded(c);
        return n;
    }

    private void cancelFromHook() {
        ProgressDisplay d = display;
        if (d != null) d.finish();
        int n = cancel();
        int kept = storedBefore + n;
        err.println();
        err.println("driftlab: interrupted: " + kept + " of " + sweep.runs().size() + " runs are in " + store.file()
                + " (" + n + " stored by this run); rerun the same command to resume");
        err.flush();
    }

    /** True once {@link #cancel} has begun: results are refused from then on. */
    boolean isStopped() {
        synchronized (gate) {
            return stopped;
        }
    }

    private static void closeBounded(SweepCluster c) {
        Thread t = new Thread(
                () -> {
                    try {
                        c.close();
                    } catch (RuntimeException e) {
                        LOG.warn("closing the cluster failed", e);
                    }
                },
                "driftlab-cluster-close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(SIGNAL_CLOSE_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive())
            LOG.warn("the cluster did not stop within {}; leaving it to the JVM's exit", SIGNAL_CLOSE_BOUND);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs (or ran) anyway
        }
    }

    /** The final summary on stderr, the table of this sweep's runs on stdout, the plots; the exit code. */
    private int summarise(SweepOutcome o, Path storeFile, SweepOptions opts, PrintWriter out) throws IOException {
        err.println(String.format(
                Locale.ROOT,
                "done: %d runs in %.1f s: %d stored now, %d already stored, %d failed",
                o.total(),
                o.wallNanos() / 1e9,
                o.stored(),
                o.skipped(),
                o.failures().size()));
        if (!o.failures().isEmpty()) {
            int shown = 0;
            for (Map.Entry<String, String> f : o.failures().entrySet()) {
                if (shown++ == 10) {
                    err.println("  ... and " + (o.failures().size() - 10) + " more (see logs/driftlab.log)");
                    break;
                }
                err.println("  run " + f.getKey() + " failed: " + f.getValue());
            }
        }
        err.flush();
        Set<String> ids = new HashSet<>();
        for (RunSpec r : sweep.runs()) ids.add(r.runId());
        List<StoredRun> runs = new ArrayList<>();
        for (StoredRun r : store.runs()) if (ids.contains(r.result().runId())) runs.add(r);
        if (!runs.isEmpty()) {
            Path dir = opts.noPlots ? null : opts.out != null ? opts.out : ConditionReport.defaultPlotDir(storeFile);
            ConditionReport.print(
                    runs, sweep.sweptKeys(), Metric.MEAN_EXCESS_LOSS, TableFormat.TABLE, null, null, dir, out, err);
        }
        err.println("results: " + storeFile + " (driftlab report " + storeFile + " for other metrics and formats)");
        if (!o.failures().isEmpty()) {
            err.println("driftlab: " + o.failures().size() + " of " + o.total() + " runs failed (exit code "
                    + ExitCodes.RUNS_FAILED + "); rerun the same command to retry them");
        }
        err.flush();
        return o.failures().isEmpty() ? ExitCodes.OK : ExitCodes.RUNS_FAILED;
    }

    /** The store behind a gate: closed by {@link #cancel}, after which results are refused (the sweep aborts). */
    private final class GatedSink implements ResultSink {
        @Override
        public void beginSweep(SweepSpec s) {
            synchronized (gate) {
                refuseWhenStopped();
                store.beginSweep(s);
            }
        }

        @Override
        public Set<String> storedRunIds(SweepSpec s) {
            synchronized (gate) {
                refuseWhenStopped();
                return store.storedRunIds(s);
            }
        }

        @Override
        public void accept(RunSpec spec, RunResult result) {
            synchronized (gate) {
                refuseWhenStopped();
                store.accept(spec, result);
                storedNow++;
                LiveView view = live;
                if (view != null) view.onResult(result);
            }
        }

        /** One store transaction for the whole batch (the store's group commit); refused as a whole once stopped. */
        @Override
        public void acceptAll(List<Entry> entries) {
            synchronized (gate) {
                refuseWhenStopped();
                store.acceptAll(entries);
                storedNow += entries.size(); // as accept: the submitter offers each run once
                LiveView view = live;
                if (view != null) for (Entry e : entries) view.onResult(e.result());
            }
        }

        private void refuseWhenStopped() {
            if (stopped) throw new CancellationException("the sweep was interrupted: results are no longer stored");
        }

        @Override
        public void close() {
            // the session owns the store
        }
    }
}
