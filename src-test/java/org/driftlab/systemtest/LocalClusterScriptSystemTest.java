package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.driftlab.cli.DriftlabCommand;
import org.driftlab.results.store.ResultStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/cluster.sh end to end: start two worker JVMs, status, submit a small sweep, stop. The nodes run
 * this test's class path (DRIFTLAB_CLASSPATH) instead of the packaged jar, with a fresh run directory and free
 * ports. Every step is bounded; the nodes are stopped whatever happens.
 */
class LocalClusterScriptSystemTest {
    private static final Path SCRIPT = Path.of("../deploy/local/cluster.sh");

    @TempDir
    Path dir;

    record Result(int code, String output) {}

    private Result script(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "script", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.command().set(1, SCRIPT.toAbsolutePath().toString());
        pb.environment().put("DRIFTLAB_RUN_DIR", dir.resolve("run").toString());
        pb.environment().put("DRIFTLAB_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("DRIFTLAB_BASE_PORT", String.valueOf(base));
        pb.environment().put("DRIFTLAB_HEALTH_BASE_PORT", String.valueOf(healthBase));
        pb.environment().put("DRIFTLAB_START_TIMEOUT", "120");
        pb.environment().put("DRIFTLAB_STOP_TIMEOUT", "60");
        pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cluster.sh " + String.join(" ", args) + " did not finish within " + timeoutSeconds
                    + " s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private int base;
    private int healthBase;

    /** A port with the next one free too (node i uses base + i). */
    private static int freePair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (p >= 65_000) continue;
            try (ServerSocket a = new ServerSocket(p);
                    ServerSocket b = new ServerSocket(p + 1)) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    @Test
    void startStatusSubmitStop() throws Exception {
        Assumptions.assumeTrue(
                DriftlabCommand.newCommandLine().getSubcommands().containsKey("node"),
                "the CLI has no 'node' command yet (cluster CLI not merged)");
        base = freePair();
        healthBase = freePair();
        Path config = Files.writeString(
                dir.resolve("tiny.conf"),
                """
                name = tiny
                steps = 300
                seeds = 3
                stream { type = quadratic, dim = 2, gradient-noise = 0.1, switching { type = hazard, hazard = 0.01 } }
                rule { type = sgd, lr = 0.1 }
                sweep { rule.lr = [0.05, 0.1] }
                """);
        try {
            Result start = script(180, "start", "2");
            assertThat(start.code()).as(start.output()).isZero();
            assertThat(start.output()).contains("cluster of 2 nodes ready");
            assertThat(script(60, "start", "1").output())
                    .as("a second start is refused")
                    .contains("already running");

            Result status = script(30, "status");
            assertThat(status.code()).as(status.output()).isZero();
            assertThat(status.output()
                            .lines()
                            .filter(l -> l.endsWith(", ready"))
                            .count())
                    .isEqualTo(2);

            Path store = dir.resolve("tiny.duckdb");
            Result submit =
                    script(240, "submit", config.toString(), "--results", store.toString(), "--quiet", "--no-plots");
            assertThat(submit.code()).as(submit.output()).isZero();
            try (ResultStore s = ResultStore.openReadOnly(store)) {
                assertThat(s.runCount()).isEqualTo(6);
            }
        } finally {
            Result stop = script(120, "stop");
            assertThat(stop.code()).as(stop.output()).isZero();
        }
        Result after = script(30, "status");
        assertThat(after.code()).isEqualTo(3);
        try (var pids = Files.list(dir.resolve("run"))) {
            assertThat(pids.filter(p -> Files.exists(p.resolve("pid"))).toList())
                    .isEmpty();
        }
    }
}
