package org.driftlab.bench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.bench.scale.HeapHistogram;
import org.driftlab.bench.scale.SweepMemoryMeasurement;
import org.driftlab.cli.ClusterConfig;
import org.driftlab.cli.DebugOption;
import org.driftlab.cli.ExitCodes;
import org.driftlab.cli.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab bench sweep-memory}: R short runs through the full actor path on one embedded node with the
 * configured in-flight window, in a child JVM with {@code -Xmx} = {@code --heap} (or {@code --heap current});
 * prints the live heap and the live instances of the per-run classes every R / samples runs, the bytes per
 * RunSpec the submitter holds, and the heap growth per stored run. Wiring only: {@link SweepMemoryMeasurement}.
 */
@Command(
        name = "sweep-memory",
        mixinStandardHelpOptions = true,
        description = {
            "Run R short runs through the actor path with the default in-flight window and sample the live "
                    + "heap every R/samples runs: does memory grow with the number of runs?"
        })
public final class BenchSweepMemoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    WorkloadOption workload;

    @Option(
            names = "--runs",
            paramLabel = "R",
            defaultValue = "100000",
            description = "Runs in the sweep (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--steps",
            paramLabel = "S",
            defaultValue = "200",
            description = "Steps per run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--samples",
            paramLabel = "K",
            defaultValue = "10",
            description = "Heap samples, one every R/K stored runs (default: ${DEFAULT-VALUE}).")
    int samples;

    @Mixin
    MeasuringJvmOptions jvm;

    /** The simple name of a tracked class: after the last '.' and '$' ("TaskHolder" for the scheduler's). */
    static String shortName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    @Override
    public Integer call() {
        var w = workload.workload(); // a usage error before the body (exit code 2 with a hint)
        jvm.validate(spec);
        SweepMemoryMeasurement.Settings s =
                ExitCodes.fromUserValues(() -> new SweepMemoryMeasurement.Settings(w, runs, steps, samples, 0));
        return ExitCodes.run(spec, debug, () -> {
            if (jvm.inChild()) {
                return jvm.runInChild(
                        spec,
                        "sweep-memory",
                        List.of(
                                "--workload",
                                s.workload().id(),
                                "--runs",
                                String.valueOf(runs),
                                "--steps",
                                String.valueOf(steps),
                                "--samples",
                                String.valueOf(samples)));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "sweep-memory: %,d %s runs x %,d steps on 1 node, max heap %s%n",
                    runs,
                    s.workload().id(),
                    steps,
                    BenchScaleCommand.mib(Runtime.getRuntime().maxMemory()));
            out.flush();
            SweepMemoryMeasurement.Result r = SweepMemoryMeasurement.run(s, ClusterConfig.load(RunCommand.EMBEDDED));
            out.printf(
                    "in-flight window:      %d runs per node (driftlab.sweep.in-flight-per-node)%n",
                    r.inFlightPerNode());
            out.printf("live heap, node up:    %s%n", BenchScaleCommand.mib(r.baselineBytes()));
            out.printf(
                    "RunSpec list:          %s for %,d specs = %,.0f bytes per RunSpec (held by the submitter for the whole sweep)%n",
                    BenchScaleCommand.mib(r.specBytes()), runs, r.bytesPerRunSpec());
            out.printf("%10s %12s %16s", "stored", "live MiB", "less specs MiB");
            for (String c : SweepMemoryMeasurement.TRACKED) out.printf(" %13s", shortName(c));
            out.println();
            for (SweepMemoryMeasurement.Sample sample : r.samples()) {
                out.printf(
                        "%,10d %12.1f %16.1f",
                        sample.stored(),
                        sample.liveBytes() / 1048576.0,
                        (sample.liveBytes() - r.specBytes()) / 1048576.0);
                for (long n : sample.instances()) out.printf(" %,13d", n);
                out.println();
            }
            out.println(
                    "(the last row is taken after the sweep ended, its spec list released: what a finished sweep leaves behind)");
            out.printf(
                    "growth:                %+,.1f bytes of live heap per stored run (least squares over the samples during the sweep)%n",
                    r.growthBytesPerRun());
            if (!r.grown().isEmpty()) {
                out.println(
                        "classes grown most from the first to the last sample during the sweep (bytes, instances):");
                for (HeapHistogram.Row row : r.grown())
                    out.printf("  %+,12d %+,10d  %s%n", row.bytes(), row.instances(), row.className());
            }
            double seconds = r.wallNanos() / 1e9;
            out.printf(
                    "completed:             %s (%,d of %,d runs stored, %d failed, %.1f s, %,.0f learner-steps/s with the samples' pauses)%n",
                    r.completed() ? "yes" : "NO",
                    r.stored(),
                    runs,
                    r.failures(),
                    seconds,
                    r.stored() * (double) steps / seconds);
            return r.completed() ? ExitCodes.OK : ExitCodes.RUNS_FAILED;
        });
    }
}
