package org.driftlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.driftlab.bench.scale.ChildJvm;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --heap} and {@code --timeout} options of the memory benchmarks, which measure in a child JVM of a
 * fixed maximum heap ({@code --heap current}: in this JVM), and the running of that child.
 */
public final class MeasuringJvmOptions {
    private static final String CURRENT = "current";

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "2g",
            description = "Maximum heap of the child JVM that measures, as for -Xmx (2g, 1536m), or 'current' to measure in this JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--timeout", paramLabel = "MIN", defaultValue = "60", description = "Minutes after which the child JVM is stopped (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    /** True unless {@code --heap current}: the measurement runs in a child JVM. */
    boolean inChild() {
        return !CURRENT.equals(heap);
    }

    /**
     * Runs {@code driftlab bench <sub> <args> --heap current} in a child JVM with -Xmx{@code heap}, copying its
     * output; its exit code, or FAILURE with a message when it ran out of heap or out of time.
     */
    int runInChild(CommandSpec spec, String sub, List<String> args) throws Exception {
        ChildJvm.checkHeap("--heap", heap);
        if (timeoutMinutes < 1) throw new IllegalArgumentException("--timeout must be >= 1 minute, got " + timeoutMinutes);
        PrintWriter out = spec.commandLine().getOut();
        List<String> childArgs = new ArrayList<>(List.of("bench", sub));
        childArgs.addAll(args);
        childArgs.addAll(List.of("--heap", CURRENT));
        out.printf("measuring in a child JVM with -Xmx%s (driftlab bench %s ... --heap current)%n", heap, sub);
        out.flush();
        int code = ChildJvm.run(heap, DriftlabCommand.class.getName(), childArgs, Duration.ofMinutes(timeoutMinutes), line -> {
            out.println(line);
            out.flush();
        });
        PrintWriter err = spec.commandLine().getErr();
        if (code == ChildJvm.OUT_OF_MEMORY_EXIT) {
            out.println("completed:             NO: the child JVM ran out of heap (-Xmx" + heap + ")");
            err.println("driftlab: the measurement did not fit in -Xmx" + heap);
            return ExitCodes.FAILURE;
        }
        if (code < 0) {
            out.println("completed:             NO: stopped after " + timeoutMinutes + " min (--timeout)");
            err.println("driftlab: the child JVM did not finish within " + timeoutMinutes + " min");
            return ExitCodes.FAILURE;
        }
        return code;
    }
}
