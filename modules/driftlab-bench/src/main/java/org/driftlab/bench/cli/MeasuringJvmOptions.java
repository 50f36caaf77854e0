package org.driftlab.bench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.driftlab.childjvm.ChildJvm;
import org.driftlab.cli.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --heap} and {@code --timeout} options of the memory benchmarks, which measure in a child JVM of a
 * fixed maximum heap ({@code --heap current}: in this JVM), and the running of that child.
 */
public final class MeasuringJvmOptions {
    private static final String CURRENT = "current";
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            defaultValue = "2g",
            description =
                    "Maximum heap of the child JVM that measures, as for -Xmx (2g, 1536m), or 'current' to measure in this JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--timeout",
            paramLabel = "MIN",
            defaultValue = "60",
            description = "Minutes after which the child JVM is stopped (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    /** True unless {@code --heap current}: the measurement runs in a child JVM. */
    boolean inChild() {
        return !CURRENT.equals(heap);
    }

    /** Usage errors (exit code 2, naming the option) for a --heap that is not -Xmx syntax or a --timeout below 1 minute. */
    void validate(CommandSpec spec) {
        if (inChild() && (heap == null || !HEAP.matcher(heap).matches())) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--heap must be a heap size such as 2g or 1536m, or 'current', got '" + heap + "'");
        }
        if (timeoutMinutes < 1)
            throw new ParameterException(spec.commandLine(), "--timeout must be >= 1 minute, got " + timeoutMinutes);
    }

    /**
     * Runs {@code driftlab bench <sub> <args> --heap current} in a child JVM with -Xmx{@code heap} that exits on its
     * first OutOfMemoryError rather than limping on, copying its output; its exit code, or FAILURE with a message
     * when it ran out of heap or out of time.
     */
    int runInChild(CommandSpec spec, String sub, List<String> args) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> childArgs = new ArrayList<>(List.of(sub));
        childArgs.addAll(args);
        childArgs.addAll(List.of("--heap", CURRENT));
        out.printf("measuring in a child JVM with -Xmx%s (driftlab bench %s ... --heap current)%n", heap, sub);
        out.flush();
        ChildJvm child = ChildJvm.ofThisJvm(
                BenchCommand.class.getName(), List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), childArgs);
        int code = child.run(Duration.ofMinutes(timeoutMinutes), line -> {
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
