package org.driftlab.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.driftlab.childjvm.ChildJvm;

/**
 * Child JVMs for cluster system tests, started by the launcher the bench shares ({@link ChildJvm}): a main class
 * of this module on the test class path (so the children log through this module's logback-test.xml), its stdout
 * and stderr in a log file under {@code target/child-logs}. Callers own the processes and must {@link #destroyAll destroy} them, also when
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
        return start(List.of(), main, flags, args, log);
    }

    /** As {@link #start(Class, List, List, Path)}, the JVM run through {@code launcher} (e.g. {@code ip netns exec NS}). */
    static Process start(List<String> launcher, Class<?> main, List<String> flags, List<String> args, Path log)
            throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        options.addAll(flags);
        return ChildJvm.ofThisJvm(main.getName(), options, args)
                .withLauncher(launcher)
                .start(null, log);
    }

    /** A {@link WorkerMain} on 127.0.0.1:{@code port} joining through {@code seed} (null: it founds the cluster). */
    static Process worker(int port, String seed, List<String> flags, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(String.valueOf(port)));
        if (seed != null) args.add(seed);
        return start(WorkerMain.class, flags, args, log);
    }

    /** A port free at the time of the call. */
    static int freePort() throws IOException {
        return ChildJvm.freePort();
    }

    /** SIGKILLs every process still alive and waits up to 20 s for each to be gone. */
    static void destroyAll(List<Process> processes) throws InterruptedException {
        ChildJvm.destroyAll(processes);
    }

    /**
     * Waits until {@code system} no longer sees a (not removed) member at {@code hostPort}; fails with an
     * {@link AssertionError} after {@code timeoutSeconds}.
     */
    static void awaitRemoved(ActorSystem<?> system, String hostPort, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            boolean present = false;
            for (Member m : Cluster.get(system).state().getMembers()) {
                String hp = m.address().getHost().orElse("") + ":"
                        + m.address().getPort().orElse(0);
                if (hp.equals(hostPort) && m.status() != MemberStatus.removed()) present = true;
            }
            if (!present) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("member " + hostPort + " not removed within " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) to {@code process} with kill(1); fails if kill does. */
    static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }
}
