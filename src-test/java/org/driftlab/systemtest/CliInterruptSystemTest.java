package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code driftlab run} in a child JVM, stopped by a signal after its first stored run: the shutdown hook leaves
 * a consistent store (whole runs only) and rerunning the same command stores every run exactly once.
 *
 * <p>SIGTERM, not SIGINT: both run the same JVM shutdown hook, but a JVM started from a non-interactive
 * shell's background job (CI, `mvn ... &`) inherits SIGINT as ignored and never sees it; SIGINT from a
 * terminal was checked by hand (exit code 130, then the rerun resumed).
 */
class CliInterruptSystemTest {
    @TempDir Path dir;

    @Test
    void aSignalledRunKeepsWholeRunsAndTheRerunCompletesEachOnce() throws Exception {
        Path config = Files.writeString(dir.resolve("interrupted.conf"), """
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
        List<String> cmd = ChildJvm.ofThisJvm(DriftlabCommand.class.getName(), List.of("-Xmx512m", "-Ddriftlab.sweep.in-flight-per-node=2"),
                List.of("run", config.toString(), "--results", store.toString(), "--no-plots")).command();
        Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("progress: ")) {
                    new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
                    break;
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after the signal: " + seen).isTrue();
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
            for (StoredRun r : runs) assertThat(r.result().metrics().binnedLoss()).hasSize(10); // whole runs
        }
        assertThat(kept).as("stopped mid-sweep").isBetween(1, all.size() - 1);

        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DriftlabCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("run", config.toString(), "--results", store.toString(), "--no-plots", "--quiet"))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains((all.size() - kept) + " stored now, " + kept + " already stored");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            Set<String> ids = new HashSet<>();
            for (StoredRun r : s.runs()) assertThat(ids.add(r.result().runId())).as("stored once").isTrue();
            assertThat(ids).isEqualTo(all);
        }
    }
}
