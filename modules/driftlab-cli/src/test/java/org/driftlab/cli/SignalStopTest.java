package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code driftlab run} in a child JVM, signalled while its learners are busy in runs far from done: it stops
 * with the documented exit code (130 for SIGINT, 143 for SIGTERM) and says what the store holds, without
 * waiting for the embedded cluster's graceful hand-off (which held the exit for some 10 s): the bound below
 * is {@link SweepSession#SIGNAL_CLOSE_BOUND} plus room for the JVM to exit on a loaded machine.
 */
class SignalStopTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} -> exit {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalStopsARunWithinTheBoundAndItsExitCode(String signal, int exitCode) throws Exception {
        // a JVM that starts with SIGINT ignored (a background job of a non-interactive shell) passes that on
        Assumptions.assumeFalse(signal.equals("INT") && sigintIgnored(), "SIGINT is ignored in this process tree");
        Path config = Files.writeString(dir.resolve("busy.conf"), """
                steps = 50000000
                seeds = 4
                stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = hazard, hazard = 0.001 } }
                rule { type = sgd, lr = 0.05 }
                belief { type = bocpd, hazard = 0.001 }
                reset = belief-threshold
                """);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), DriftlabCommand.class.getName(), "run", config.toString(),
                "--results", dir.resolve("busy.duckdb").toString(), "--no-plots");
        Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("sweep 'busy': 4 runs")) break;
            }
            Thread.sleep(4000); // the cluster starts and the learners get busy
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
            boolean exited = child.waitFor(SweepSession.SIGNAL_CLOSE_BOUND.toSeconds() + 5, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (exited) r.lines().forEach(l -> seen.append(l).append('\n'));
            assertThat(exited).as("exited within the bound (" + seconds + " s): " + seen).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as(seen.toString()).isEqualTo(exitCode);
        assertThat(seen.toString()).contains("driftlab: interrupted: 0 of 4 runs are in");
    }

    /** True when SIGINT is ignored by this JVM (bit 2 of SigIgn in /proc/self/status), and so by its children. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("SigIgn:")) return (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0;
        }
        return false;
    }
}
