package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    private static final String CONFIG =
            """
            steps = 200
            seeds = 2
            stream {
              type = quadratic
              dim = 3
              gradient-noise = 0.2
              switching { type = hazard, hazard = 0.05 }
            }
            rule { type = sgd, lr = 0.1 }
            belief { type = bocpd, hazard = 0.05 }
            reset = belief-threshold
            sweep { reset = [none, belief-threshold] }
            """;

    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path file = dir.resolve("exp.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void writesTheTraceOfTheChosenRun() throws IOException {
        Path out = dir.resolve("out/trace.csv");
        CliHarness h = CliHarness.bare();
        int code = h.run(
                "trace",
                "--config",
                config(CONFIG).toString(),
                "--out",
                out.toString(),
                "--steps",
                "50",
                "--weights",
                "--run",
                "3");
        assertThat(code).as(h.err.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("step,time,task,loss,excess_loss,p_change,reset,theta_0,theta_1,theta_2");
        assertThat(lines).hasSize(51);
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(lines.get(50)).startsWith("49,");
        // run 3 = condition 1 (belief-threshold), seed 1
        assertThat(h.out.toString())
                .contains("seed 1")
                .contains("reset = belief-threshold")
                .contains("50 steps");
        assertThat(h.err.toString()).isEmpty();
    }

    @Test
    void theSameRunTracesIdentically() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path cfg = config(CONFIG);
        assertThat(CliHarness.bare().run("trace", "--config", cfg.toString(), "--out", a.toString(), "--steps", "30"))
                .isZero();
        assertThat(CliHarness.bare().run("trace", "--config", cfg.toString(), "--out", b.toString(), "--steps", "30"))
                .isZero();
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b)).hasSize(31);
    }

    @Test
    void aBadConfigExits2AndWritesNothing() throws IOException {
        Path out = dir.resolve("trace.csv");
        CliHarness h = CliHarness.bare();
        int code = h.run(
                "trace",
                "--config",
                config(CONFIG.replace("lr = 0.1", "lr = -0.1")).toString(),
                "--out",
                out.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString())
                .contains("exp.conf:9: rule.lr: must be > 0, got -0.1")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingConfigExits2() {
        CliHarness h = CliHarness.bare();
        assertThat(h.run("trace", "--config", dir.resolve("nope.conf").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("file not found").contains("nope.conf");
    }

    @Test
    void aRunIndexOutOfRangeExits2() throws IOException {
        CliHarness h = CliHarness.bare();
        assertThat(h.run(
                        "trace",
                        "--config",
                        config(CONFIG).toString(),
                        "--run",
                        "4",
                        "--out",
                        dir.resolve("t.csv").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("--run 4 is out of range").contains("has 4 runs");
    }

    @Test
    void usageErrorsExit2() throws IOException {
        CliHarness missing = CliHarness.installed();
        assertThat(missing.run("trace")).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err.toString())
                .contains("Missing required option: '--config=FILE'")
                .contains("Try 'driftlab trace --help'");
        CliHarness steps = CliHarness.installed();
        assertThat(steps.run("trace", "--config", config(CONFIG).toString(), "--steps", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(steps.err.toString()).contains("--steps must be >= 1, got 0");
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("trace.csv");
        Files.createDirectories(out.resolve("occupied")); // a non-empty directory cannot be replaced by a file
        CliHarness h = CliHarness.bare();
        int code = h.run("trace", "--config", config(CONFIG).toString(), "--out", out.toString(), "--steps", "10");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("exp.conf", "trace.csv");
        }
        assertThat(out).isDirectory();
    }
}
