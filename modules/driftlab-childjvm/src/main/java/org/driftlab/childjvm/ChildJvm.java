package org.driftlab.childjvm;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A main class to run in a new JVM: {@code launcher javaBinary jvmOptions -cp classPath mainClass args}. Immutable;
 * the lists are copied. {@link #ofThisJvm} runs the same java and class path as this JVM, so a child runs the code
 * of its parent (the bench jar's, or a test module's class path with its logback-test.xml). The caller owns
 * the processes {@link #start} returns and must stop them ({@link #destroyAll}), also when a test fails.
 *
 * @param launcher   a command prefix the JVM runs under (e.g. {@code ip netns exec NS}); empty: java is run directly
 * @param javaBinary the {@code java} executable (an absolute path: children must run the same JVM)
 * @param jvmOptions options before {@code -cp} (heap, GC, {@code -D} settings), none blank
 * @param classPath  class path entries, absolute (a child may run in another working directory), at least one
 * @param mainClass  fully qualified main class
 * @param args       the main class's arguments
 */
public record ChildJvm(
        List<String> launcher,
        String javaBinary,
        List<String> jvmOptions,
        List<String> classPath,
        String mainClass,
        List<String> args) {
    /** Exit code of a child started with {@code -XX:+ExitOnOutOfMemoryError} that ran out of heap. */
    public static final int OUT_OF_MEMORY_EXIT = 3;

    public ChildJvm {
        if (javaBinary == null || javaBinary.isBlank())
            throw new IllegalArgumentException("javaBinary must be given, got '" + javaBinary + "'");
        if (classPath == null || classPath.isEmpty())
            throw new IllegalArgumentException("classPath must name at least one entry");
        if (mainClass == null || mainClass.isBlank())
            throw new IllegalArgumentException("mainClass must be given, got '" + mainClass + "'");
        launcher = List.copyOf(launcher);
        jvmOptions = List.copyOf(jvmOptions);
        classPath = List.copyOf(classPath);
        args = List.copyOf(args);
        for (String o : jvmOptions) {
            if (o.isBlank())
                throw new IllegalArgumentException("jvmOptions must not hold blank entries, got " + jvmOptions);
        }
        for (String l : launcher) {
            if (l.isBlank())
                throw new IllegalArgumentException("launcher must not hold blank entries, got " + launcher);
        }
    }

    /**
     * {@code mainClass} with {@code jvmOptions} and {@code args} on this JVM's java binary
     * ({@code ProcessHandle.current().info().command()}, else {@code java.home/bin/java}) and class path
     * ({@code java.class.path}, each entry made absolute), with no launcher.
     */
    public static ChildJvm ofThisJvm(String mainClass, List<String> jvmOptions, List<String> args) {
        String javaBinary = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) cp.add(Path.of(entry).toAbsolutePath().toString());
        }
        return new ChildJvm(List.of(), javaBinary, jvmOptions, cp, mainClass, args);
    }

    /** This command with {@code more} arguments after its own. */
    public ChildJvm withMoreArgs(List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        return new ChildJvm(launcher, javaBinary, jvmOptions, classPath, mainClass, all);
    }

    /** This command run under {@code prefix} (e.g. {@code ip netns exec NS}), replacing any launcher it had. */
    public ChildJvm withLauncher(List<String> prefix) {
        return new ChildJvm(prefix, javaBinary, jvmOptions, classPath, mainClass, args);
    }

    /** The command line. A fresh list. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(javaBinary);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Starts the child in {@code workDir} (null: this JVM's working directory) with its stdout and stderr
     * written to {@code log}; the caller owns the process.
     */
    public Process start(Path workDir, Path log) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workDir != null) pb.directory(workDir.toFile());
        return pb.start();
    }

    /**
     * Runs the child to its end, handing each line of its stdout to {@code out} (on this thread) while its
     * stderr goes to this process's. Returns its exit code; when it has not exited within {@code timeout} it is
     * killed and −1 returned. The child never outlives this call.
     */
    public int run(Duration timeout, Consumer<String> out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread killer = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
                            p.destroyForcibly();
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                },
                "child-jvm-timeout");
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

    /** A port free on 127.0.0.1 at the time of the call (a child that then fails to bind it exits and says so). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** SIGKILLs every process still alive and waits up to 20 s for each to be gone. */
    public static void destroyAll(List<Process> processes) throws InterruptedException {
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) p.waitFor(20, TimeUnit.SECONDS);
    }
}
