package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.driftlab.childjvm.ChildJvm;
import org.driftlab.cli.DriftlabCommand;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code driftlab run} in a child JVM, stopped by a signal after its first stored run: the shutdown hook leaves
 * a consistent store (whole runs only) and rerunning the same command stores every run exactly once.
 *
 * <p>SIGTERM, not SIGINT, for the resume check: both run the same JVM shutdown hook, but a JVM started from a
 * non-interactive shell's background job (CI, `mvn ... &`) inherits SIGINT as ignored and never sees it; the
 * exit-code check below sends SIGINT too where it is not ignored.
 */
class CliInterruptSystemTest {
    @TempDir
    Path dir;

    @Test
    void aSignalledRunKeepsWholeRunsAndTheRerunCompletesEachOnce() throws Exception {
        Path config = Files.writeString(
                dir.resolve("interrupted.conf"),
                """
                name = interrupted
                steps = 300000
                seeds = 6
                master-seed = 3
                stream {
                  type = quadratic
                  dim = 4
                  eigenvalues { min = 0.5, max = 2 }
                  gradient-noise = 0.3
                  prior { mean = 0, std = 1 }
                  switching { type = hazard, hazard = 0.001 }
                }
                rule { type = adam, lr = 0.05 }
                belief { type = bocpd, model = gaussian, hazard = 0.001 }
                reset { type = none }
                metrics { bins = 10, aligned-lags = 20 }
                sweep { reset = [ { type = none }, { type = oracle } ] }
                """);
        Path store = dir.resolve("interrupted.duckdb");
        Process child = startRun(config, store, "-Xmx512m", "-Ddriftlab.sweep.in-flight-per-node=2");
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            readUntil(r, "progress: ", seen);
            new ProcessBuilder("kill", "-TERM", Long.toString(child.pid()))
                    .start()
                    .waitFor();
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("child exits after the signal: " + seen)
                    .isTrue();
            r.lines().forEach(l -> seen.append(l).append('\n'));
        } finally {
            child.destroyForcibly();
        }
        assertThat(seen.toString()).contains("driftlab: interrupted: ");
        assertThat(child.exitValue()).as(seen.toString()).isEqualTo(128 + 15);

        Set<String> all = new HashSet<>();
        for (RunSpec r : SweepLoader.load(config).runs()) all.add(r.runId());
        int kept;
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            List<StoredRun> runs = s.runs();
            kept = runs.size();
            for (StoredRun r : runs)
                assertThat(r.result().metrics().binnedLoss()).hasSize(10); // whole runs
        }
        assertThat(kept).as("stopped mid-sweep").isBetween(1, all.size() - 1);

        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DriftlabCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("run", config.toString(), "--results", store.toString(), "--no-plots", "--quiet"))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains((all.size() - kept) + " stored now, " + kept + " already stored");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            Set<String> ids = new HashSet<>();
            for (StoredRun r : s.runs())
                assertThat(ids.add(r.result().runId())).as("stored once").isTrue();
            assertThat(ids).isEqualTo(all);
        }
    }

    /**
     * Signalled while its learners are busy in runs far from done, {@code run} stops with the documented exit
     * code (130 for SIGINT, 143 for SIGTERM) and says what the store holds, without waiting for the embedded
     * cluster's graceful hand-off (which held the exit for some 10 s): the bound is
     * {@code SweepSession.SIGNAL_CLOSE_BOUND} (3 s) plus room for the JVM to exit on a loaded machine.
     */
    @ParameterizedTest(name = "SIG{0} -> exit {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalStopsABusyRunWithinTheBoundAndItsExitCode(String signal, int exitCode) throws Exception {
        Assumptions.assumeFalse(signal.equals("INT") && sigintIgnored(), "SIGINT is ignored in this process tree");
        Path config = Files.writeString(
                dir.resolve("busy.conf"),
                """
                steps = 50000000
                seeds = 4
                stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = hazard, hazard = 0.001 } }
                rule { type = sgd, lr = 0.05 }
                belief { type = bocpd, hazard = 0.001 }
                reset = belief-threshold
                """);
        Process child = startRun(config, dir.resolve("busy.duckdb"), "-Xmx256m");
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            readUntil(r, "sweep 'busy': 4 runs", seen);
            Thread.sleep(4000); // the cluster starts and the learners get busy
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
                    .start()
                    .waitFor();
            boolean exited = child.waitFor(3 + 5, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (exited) r.lines().forEach(l -> seen.append(l).append('\n'));
            assertThat(exited)
                    .as("exited within the bound (" + seconds + " s): " + seen)
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as(seen.toString()).isEqualTo(exitCode);
        assertThat(seen.toString()).contains("driftlab: interrupted: 0 of 4 runs are in");
    }

    /** {@code driftlab run CONFIG --results STORE --no-plots} in a child JVM with {@code jvmOptions}, output and errors merged. */
    private Process startRun(Path config, Path store, String... jvmOptions) throws IOException {
        List<String> cmd = ChildJvm.ofThisJvm(
                        DriftlabCommand.class.getName(),
                        List.of(jvmOptions),
                        List.of("run", config.toString(), "--results", store.toString(), "--no-plots"))
                .command();
        return new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads lines into {@code seen} up to and including the first that starts with {@code prefix} (or the end). */
    private static void readUntil(BufferedReader r, String prefix, StringBuilder seen) throws IOException {
        String line;
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) return;
        }
    }

    /**
     * True when SIGINT is ignored by this JVM (bit 2 of SigIgn in /proc/self/status), and so by its children:
     * a JVM started from a non-interactive shell's background job inherits it so.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("SigIgn:")) return (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0;
        }
        return false;
    }
}
