package org.driftlab.bench.scale;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.driftlab.bench.e2e.Workloads;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Whether a sweep's memory grows with its number of runs R: R short runs of a {@link Workloads} workload
 * through the full actor path of a one-node embedded cluster with the configured in-flight window (the
 * default unless the config says otherwise), results to a sink that only counts them. Every R / samples
 * stored runs the live heap is sampled with a class histogram (a full GC; taken on the submitter's thread,
 * so the sweep waits for it), giving live bytes and the instances of the classes a run creates (specs,
 * results, entities, learners, beliefs, actor cells).
 *
 * <p>Submitter side vs worker side: the whole sweep is in one JVM, so the histogram sees both. The submitter
 * holds the sweep's RunSpec list from the start (materialised up front, R specs for the whole sweep) and a
 * queue and map entry per run not yet stored; {@link Result#bytesPerRunSpec()} is measured alone (live heap
 * before and after building the R specs), so live − R × bytesPerRunSpec is what the cluster (coordinator,
 * shard, entities) and the submitter's shrinking bookkeeping hold. Flat in R means: constant across the
 * samples of one sweep, and the same at R = 10,000 and 100,000 apart from the spec list.
 */
public final class SweepMemoryMeasurement {
    /** The classes whose live instances each sample reports. */
    public static final List<String> TRACKED = List.of(
            "org.driftlab.core.spec.RunSpec",
            "org.driftlab.core.sim.RunResult",
            "org.driftlab.cluster.learner.LearnerEntity",
            "org.driftlab.core.sim.Learner",
            "org.driftlab.core.belief.Bocpd",
            "org.apache.pekko.actor.ActorCell",
            // a cancelled Pekko timer stays in the scheduler's wheel until its deadline would have come
            "org.apache.pekko.actor.LightArrayRevolverScheduler$TaskHolder");

    /**
     * What to run.
     *
     * @param runs      R (≥ 1)
     * @param steps     steps per run (≥ 1)
     * @param samples   heap samples, one every R / samples stored runs (1 … R)
     * @param firstSeed seeds firstSeed … firstSeed + R − 1 (≥ 0)
     */
    public record Settings(Workload workload, int runs, long steps, int samples, int firstSeed) {
        public Settings {
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (samples < 1 || samples > runs) {
                throw new IllegalArgumentException("samples must be in [1, runs = " + runs + "], got " + samples);
            }
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
        }
    }

    /**
     * One heap sample.
     *
     * @param stored    runs stored when it was taken
     * @param liveBytes live heap (the histogram's total)
     * @param instances live instances of each class of {@link #TRACKED}, in that order
     */
    public record Sample(int stored, long liveBytes, long[] instances) {}

    /**
     * The measurement.
     *
     * @param completed       every run stored, none failed
     * @param stored          runs stored
     * @param failures        runs failed
     * @param inFlightPerNode the window the sweep ran with
     * @param baselineBytes   live heap with the node up, before the specs were built
     * @param specBytes       live heap added by building the R specs
     * @param samples         in order of stored runs; the last is taken after the sweep ended, its specs released
     * @param wallNanos       submission to last result, the samples' pauses included
     * @param grown           classes that grew most from the first sample to the last sample taken during the sweep
     */
    public record Result(
            Settings settings,
            boolean completed,
            int stored,
            int failures,
            int inFlightPerNode,
            long baselineBytes,
            long specBytes,
            List<Sample> samples,
            long wallNanos,
            long maxHeapBytes,
            List<HeapHistogram.Row> grown) {
        public Result {
            samples = List.copyOf(samples);
            grown = List.copyOf(grown);
        }

        /** Live heap bytes per RunSpec of this workload (the submitter's up-front list). */
        public double bytesPerRunSpec() {
            return specBytes / (double) settings.runs();
        }

        /**
         * Least-squares slope of live heap against stored runs over the samples taken during the sweep, in bytes
         * per stored run: about 0 (or negative, as the submitter's bookkeeping shrinks) when nothing grows per run.
         * NaN with fewer than two samples.
         */
        public double growthBytesPerRun() {
            int n = samples.size() - 1; // the last was taken after the sweep
            if (n < 2) return Double.NaN;
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) {
                mx += samples.get(i).stored();
                my += samples.get(i).liveBytes();
            }
            mx /= n;
            my /= n;
            double sxy = 0, sxx = 0;
            for (int i = 0; i < n; i++) {
                double dx = samples.get(i).stored() - mx;
                sxy += dx * (samples.get(i).liveBytes() - my);
                sxx += dx * dx;
            }
            return sxx == 0 ? Double.NaN : sxy / sxx;
        }
    }

    private SweepMemoryMeasurement() {}

    /** Starts a one-node embedded cluster with {@code clusterConfig}, runs the sweep with samples, stops the cluster. */
    public static Result run(Settings s, Config clusterConfig) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(1, clusterConfig)) {
            int window = cluster.nodes().get(0).settings().sweep().inFlightPerNode();
            long baseline = HeapHistogram.take().totalBytes();
            List<RunSpec> specs = new ArrayList<>(s.runs());
            for (int i = 0; i < s.runs(); i++) specs.add(Workloads.spec(s.workload(), s.firstSeed() + i, s.steps()));
            SweepSpec sweep = new SweepSpec(
                    "sweep-memory-" + s.workload().id() + "-" + s.runs(),
                    "sweep memory benchmark: " + s,
                    List.of(),
                    specs);
            specs = null; // the sweep holds the only copy
            long withSpecs = HeapHistogram.take().totalBytes();
            Sampler sampler = new Sampler(s, HeapHistogram.take(), HeapHistogram.take());
            CountingSink sink = new CountingSink();
            long start = System.nanoTime();
            SweepOutcome outcome;
            try {
                outcome = cluster.client().run(sweep, sink, sampler);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
            }
            long wall = System.nanoTime() - start;
            List<HeapHistogram.Row> grown =
                    sampler.taken < 2 ? List.of() : sampler.previous.grownSince(sampler.first, 10);
            // after the end, the sweep (and its spec list) no longer referenced: what a finished sweep leaves behind
            sweep = null;
            sampler.sample((int) sink.results());
            boolean completed = outcome.failures().isEmpty() && sink.results() == s.runs();
            return new Result(
                    s,
                    completed,
                    (int) sink.results(),
                    outcome.failures().size(),
                    window,
                    baseline,
                    withSpecs - baseline,
                    sampler.samples,
                    wall,
                    HeapWatch.maxHeapBytes(),
                    grown);
        }
    }

    /**
     * Samples on the submitter's thread each time the stored count crosses the next multiple of R / samples.
     * It holds two histograms (for the growth between the first and the latest) and keeps exactly two
     * distinct ones referenced during every sample, so its own memory is the same in each sample: before the
     * first, two taken before the sweep; then the first sample's and the previous one.
     */
    private static final class Sampler implements ProgressListener {
        private final Settings settings;
        private final List<Sample> samples = new ArrayList<>();
        private int nextAt;
        int taken;
        HeapHistogram first;
        HeapHistogram previous;

        Sampler(Settings settings, HeapHistogram preA, HeapHistogram preB) {
            this.settings = settings;
            this.nextAt = threshold(1);
            this.first = preA;
            this.previous = preB;
        }

        private int threshold(int k) {
            return (int) ((long) settings.runs() * k / settings.samples());
        }

        @Override
        public void onProgress(Progress p) {
            int stored = p.done() - p.skipped() - p.failed();
            // the last threshold (all runs) is sampled after the sweep, outside the listener
            if (stored < nextAt || taken + 1 >= settings.samples()) return;
            HeapHistogram h = sample(stored);
            taken++;
            if (taken == 1) {
                first = h;
            } else {
                previous = h;
            }
            nextAt = threshold(taken + 1);
        }

        synchronized HeapHistogram sample(int stored) {
            HeapHistogram h = HeapHistogram.take();
            long[] counts = new long[TRACKED.size()];
            for (int i = 0; i < counts.length; i++)
                counts[i] = h.row(TRACKED.get(i)).instances();
            samples.add(new Sample(stored, h.totalBytes(), counts));
            return h;
        }
    }
}
