package org.driftlab.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs a main class in a child JVM with a given maximum heap, on this JVM's java binary and class path, so a
 * memory benchmark measures against a known -Xmx whatever the parent was started with. The child exits
 * (code {@value #OUT_OF_MEMORY_EXIT}) on its first OutOfMemoryError rather than limping on.
 */
public final class ChildJvm {
    /** Exit code of a child that ran out of heap ({@code -XX:+ExitOnOutOfMemoryError}). */
    public static final int OUT_OF_MEMORY_EXIT = 3;

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    private ChildJvm() {}

    /**
     * Checks a heap size in -Xmx syntax (digits with an optional k, m or g: 2g, 1536m); returns it.
     * IllegalArgumentException naming {@code option} and the value otherwise.
     */
    public static String checkHeap(String option, String heap) {
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException(option + " must be a heap size such as 2g or 1536m, got '" + heap + "'");
        }
        return heap;
    }

    /** The command line of the child: java, -Xmx{@code heap}, the OOM exit flag, the class path, {@code mainClass}, {@code args}. */
    public static List<String> command(String heap, String mainClass, List<String> args) {
        checkHeap("heap", heap);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@link #command} and hands each line of the child's standard output to {@code out} (on this thread)
     * while its standard error goes to this process's. Returns the child's exit code; when it has not exited
     * within {@code timeout} it is killed and −1 returned.
     */
    public static int run(String heap, String mainClass, List<String> args, Duration timeout, Consumer<String> out)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(heap, mainClass, args))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "child-jvm-timeout");
        killer.setDaemon(true);
        killer.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.accept(line);
            int code = p.waitFor();
            return System.nanoTime() > deadline && code != 0 ? -1 : code;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly(); // never leave the child running without its reader
            throw e;
        }
    }
}
