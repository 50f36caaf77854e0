package org.driftlab.bench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.bench.scale.ConcurrentLearnersMeasurement;
import org.driftlab.bench.scale.HeapHistogram;
import org.driftlab.cli.ClusterConfig;
import org.driftlab.cli.DebugOption;
import org.driftlab.cli.ExitCodes;
import org.driftlab.cli.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab bench scale}: N learners of a reference workload in flight at once on one embedded node,
 * in a child JVM with {@code -Xmx} = {@code --heap} (default 2g; {@code --heap current} measures in this JVM,
 * whose heap the launcher sets from DRIFTLAB_JAVA_OPTS). Prints whether all runs completed, learner-steps/s,
 * the peak heap after GC, and the live bytes per concurrent learner with the classes that hold them. Wiring
 * only: the measurement is {@link ConcurrentLearnersMeasurement}.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = {
            "Run N learners at once on one embedded node (in-flight window N) in a JVM with the given "
                    + "maximum heap; print completion, learner-steps/s, peak heap after GC and bytes per concurrent learner."
        })
public final class BenchScaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    WorkloadOption workload;

    @Option(
            names = "--learners",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Learners in flight at once (default: ${DEFAULT-VALUE}).")
    int learners;

    @Option(
            names = "--steps",
            paramLabel = "S",
            defaultValue = "5000",
            description = "Steps per learner (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--chunk",
            paramLabel = "K",
            defaultValue = "256",
            description =
                    "Chunk size K of the learner entities (default: ${DEFAULT-VALUE}, twice the cluster default: the evidence buffer grows with K, so this is the larger memory case).")
    int chunk;

    @Option(
            names = "--dispatcher",
            paramLabel = "D",
            defaultValue = "fifo",
            description =
                    "fifo: a FIFO thread pool, one thread per core, so all N learners are alive at once (the worst case for memory); "
                            + "default: the learners' own dispatcher (driftlab.learner-dispatcher, fork-join, LIFO), with which learners start in waves (default: ${DEFAULT-VALUE}).")
    String dispatcher;

    @Mixin
    MeasuringJvmOptions jvm;

    @Override
    public Integer call() {
        // picocli usage errors (exit code 2 with a hint) are thrown before the body, whose errors ExitCodes maps
        Workload w = workload.workload();
        if (!dispatcher.equals("fifo") && !dispatcher.equals("default")) {
            throw new ParameterException(spec.commandLine(), "--dispatcher must be fifo or default, got " + dispatcher);
        }
        jvm.validate(spec);
        ConcurrentLearnersMeasurement.Settings s = ExitCodes.fromUserValues(() ->
                new ConcurrentLearnersMeasurement.Settings(w, learners, steps, chunk, dispatcher.equals("fifo"), 0));
        return ExitCodes.run(spec, debug, () -> {
            PrintWriter out = spec.commandLine().getOut();
            if (jvm.inChild()) {
                return jvm.runInChild(
                        spec,
                        "scale",
                        List.of(
                                "--workload",
                                s.workload().id(),
                                "--learners",
                                String.valueOf(learners),
                                "--steps",
                                String.valueOf(steps),
                                "--chunk",
                                String.valueOf(chunk),
                                "--dispatcher",
                                dispatcher));
            }
            out.printf(
                    "scale: %,d %s learners x %,d steps in flight at once on 1 node, chunk K = %d, %s dispatcher, max heap %s%n",
                    learners,
                    s.workload().id(),
                    steps,
                    chunk,
                    dispatcher,
                    mib(Runtime.getRuntime().maxMemory()));
            out.flush();
            ConcurrentLearnersMeasurement.Result r =
                    ConcurrentLearnersMeasurement.run(s, ClusterConfig.load(RunCommand.EMBEDDED));
            out.printf(
                    "completed:             %s (%,d of %,d runs stored, %d failed)%n",
                    r.completed() ? "yes" : "NO", r.results(), learners, r.failures());
            out.printf(
                    "learner-steps/s:       %,.0f (wall %.1f s, less %.1f s of the mid-run heap sample)%n",
                    r.stepsPerSecond(), r.wallNanos() / 1e9, r.sampleNanos() / 1e9);
            out.printf(
                    "peak heap after GC:    %s of max %s (%,d collections during the sweep)%n",
                    mib(r.peakAfterGcBytes()), mib(r.maxHeapBytes()), r.collections());
            if (r.sampled()) {
                out.printf(
                        "live heap:             %s before the sweep, %s with %,d learners alive (sampled during the sweep)%n",
                        mib(r.baselineBytes()), mib(r.sampleBytes()), r.entitiesAtSample());
                out.printf(
                        "bytes per learner:     %,.0f (live heap added by the sweep / learners alive)%s%n",
                        r.bytesPerLearner(),
                        r.entitiesAtSample() < learners
                                ? "; only " + r.entitiesAtSample() + " of " + learners
                                        + " were alive at once, so this also"
                                        + " counts the specs and waiting entities of the others"
                                : "");
                out.println("largest classes added (bytes per learner, instances per learner):");
                for (HeapHistogram.Row row : r.grown()) {
                    out.printf(
                            "  %12.0f %8.2f  %s%n",
                            row.bytes() / (double) r.entitiesAtSample(),
                            row.instances() / (double) r.entitiesAtSample(),
                            row.className());
                }
            } else {
                out.printf(
                        "live heap:             not sampled: the sweep ended between two polls (at most %,d learners seen alive)%n",
                        r.entitiesAtSample());
            }
            return r.completed() ? ExitCodes.OK : ExitCodes.RUNS_FAILED;
        });
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%,.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
