package org.driftlab.systemtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for cluster system tests: a main class of this module on the test class path (so the children
 * log through this module's logback-test.xml), its stdout and stderr in a log file under
 * {@code target/child-logs}. Callers own the processes and must {@link #destroyAll destroy} them, also when
 * a test fails.
 */
final class ChildJvms {
    private ChildJvms() {}

    /** Where children log (created on first use). */
    static Path logDir() throws IOException {
        return Files.createDirectories(Path.of("target", "child-logs"));
    }

    /**
     * Starts {@code main} in a new JVM (256 MiB, serial GC) with {@code flags} (e.g. {@code -Dkey=value}) and
     * {@code args}, writing its output to {@code log}.
     */
    static Process start(Class<?> main, List<String> flags, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A {@link WorkerMain} on 127.0.0.1:{@code port} joining through {@code seed} (null: it founds the cluster). */
    static Process worker(int port, String seed, List<String> flags, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(String.valueOf(port)));
        if (seed != null) args.add(seed);
        return start(WorkerMain.class, flags, args, log);
    }

    /** A port free at the time of the call. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** SIGKILLs every process still alive and waits up to 20 s for each to be gone. */
    static void destroyAll(List<Process> processes) throws InterruptedException {
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) p.waitFor(20, TimeUnit.SECONDS);
    }
}
