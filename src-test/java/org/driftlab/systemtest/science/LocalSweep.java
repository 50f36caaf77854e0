package org.driftlab.systemtest.science;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StorePaths;

/**
 * Runs a sweep in this process, without the cluster: every {@link RunSpec} through
 * {@link Simulation#run(RunSpec, int)} on a fixed thread pool, each result handed to a {@link ResultSink} (the
 * DuckDB {@link ResultStore} for real sweeps; none in the science tests, which read the returned results). Runs
 * already in the sink are skipped, as {@code ./driftlab run} does. The science sweeps of docs/RESULTS.md ran
 * through it before {@code ./driftlab run} landed; a run's metrics do not depend on where or in what chunks it
 * ran (DESIGN §3), so both fill a store with the same rows and either resumes the other's store.
 *
 * <p>Command line: {@code java -cp driftlab.jar:src-test/target/test-classes
 * org.driftlab.systemtest.science.LocalSweep [--threads N] CONFIG...}; each config's results go to
 * {@code results/<sweep name>.duckdb} (several configs with the same {@code name} share one store).
 */
public final class LocalSweep {
    /** Chunk size of each run: any value gives the same result; large chunks amortise the belief hand-off. */
    static final int CHUNK = 256;

    private LocalSweep() {}

    /** One finished run. */
    public record Done(RunSpec spec, RunResult result) {}

    /**
     * Runs the runs of {@code sweep} not yet in {@code sink} (null: none stored, nothing written) on
     * {@code threads} threads and returns every finished run in the sweep's order. The sink is told about the
     * sweep first and receives results as they finish (its accept must be thread-safe; ResultStore's is).
     */
    public static List<Done> run(SweepSpec sweep, ResultSink sink, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        Set<String> stored = Set.of();
        if (sink != null) {
            sink.beginSweep(sweep);
            stored = sink.storedRunIds(sweep);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (RunSpec spec : sweep.runs()) {
                if (stored.contains(spec.runId())) continue;
                futures.add(pool.submit(() -> {
                    RunResult r = Simulation.run(spec, CHUNK);
                    if (sink != null) sink.accept(spec, r);
                    return new Done(spec, r);
                }));
            }
            List<Done> out = new ArrayList<>(futures.size());
            for (Future<Done> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running sweep " + sweep.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "a run of sweep " + sweep.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs each config named on the command line into {@code results/<name>.duckdb}; prints one timing line each. */
    public static void main(String[] args) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else configs.add(Path.of(args[i]));
        }
        if (configs.isEmpty()) throw new IllegalArgumentException("usage: LocalSweep [--threads N] CONFIG...");
        for (Path config : configs) {
            SweepSpec sweep = SweepLoader.load(config);
            Path storeFile = StorePaths.defaultFor(sweep);
            long start = System.nanoTime();
            List<Done> done;
            try (ResultStore store = ResultStore.open(storeFile)) {
                done = run(sweep, store, threads);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long steps = 0;
            for (Done d : done) steps += d.result().metrics().steps();
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d runs (%d new, %d steps) in %.1f s on %d threads (%.2f µs/step/thread) -> %s%n",
                    config,
                    sweep.runs().size(),
                    done.size(),
                    steps,
                    seconds,
                    threads,
                    steps == 0 ? 0.0 : seconds * threads * 1e6 / steps,
                    storeFile);
        }
    }
}
