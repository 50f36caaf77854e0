package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.footprint.SweepFootprint;
import org.driftlab.core.spec.ConfigSchema;
import org.driftlab.core.spec.SizeLimits;
import org.driftlab.core.spec.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every size is bounded before anything runs: a generated matrix of extreme values for every key that sizes
 * memory or time (each in the config it applies to) either plans (exit 0) or is refused with one line naming
 * the key or the memory it needs (exit 2); never an OutOfMemoryError or a stack trace, never a store, and the
 * whole matrix in bounded time. {@code run --plan} is the path: it loads, checks the memory like {@code run},
 * and builds and steps one learner of each kind of condition (the calibration).
 */
class SizeBoundsTest {
    @TempDir
    Path dir;

    private static final String QUADRATIC =
            """
            steps = 200
            stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = hazard, hazard = 0.01 } }
            rule { type = adam, lr = 0.05 }
            belief { type = bocpd, hazard = 0.01 }
            metrics { bins = 10, aligned-lags = 20 }
            """;
    private static final String ROTATED = QUADRATIC + "stream.rotated = true\n";
    private static final String REGRESSION =
            """
            steps = 200
            stream { type = linear-regression, dim = 4, batch = 2, switching { type = hazard, hazard = 0.01 } }
            rule { type = sgd, lr = 0.01 }
            belief { type = bocpd, hazard = 0.01, model = linear-regression }
            """;
    private static final String MARKOV =
            """
            steps = 200
            stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = markov, tasks = 3, hazard = 0.01 } }
            rule { type = sgd, lr = 0.05 }
            belief { type = hmm, hazard = 0.01 }
            """;
    private static final String MLP =
            """
            steps = 200
            stream { type = slowly-changing-regression, switching { type = periodic, period = 100 } }
            rule { type = sgd, lr = 0.01 }
            """;
    private static final String IDEAL =
            """
            steps = 200
            stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = hazard, hazard = 0.01 } }
            rule { type = ideal-observer, hazard = 0.01 }
            """;
    private static final String DENSE =
            """
            steps = 200
            stream { type = quadratic, dim = 4, gradient-noise = 0.3, switching { type = hazard, hazard = 0.01 } }
            rule { type = natural-gradient, lr = 0.05, metric = gradient-outer, damping = 0.1 }
            """;

    /** Each base config with the keys in it that size memory or time, and each key's cap (0: none of its own). */
    private static final Object[][] KEYS = {
        {QUADRATIC, "stream.dim", cap("stream", "quadratic", "dim")},
        {QUADRATIC, "belief.r-max", (long) SizeLimits.MAX_R_MAX},
        {QUADRATIC, "metrics.bins", cap("metrics", "", "bins")},
        {QUADRATIC, "metrics.aligned-lags", cap("metrics", "", "aligned-lags")},
        {QUADRATIC, "steps", cap("", "", "steps")},
        {QUADRATIC, "seeds", 0L},
        {ROTATED, "stream.dim", cap("stream", "quadratic", "dim")},
        {REGRESSION, "stream.dim", cap("stream", "linear-regression", "dim")},
        {REGRESSION, "stream.batch", 0L},
        {REGRESSION, "belief.r-max", (long) SizeLimits.MAX_R_MAX},
        {MARKOV, "stream.switching.tasks", 0L},
        {MLP, "stream.bits", 0L},
        {MLP, "stream.hidden", 0L},
        {MLP, "stream.target-units", 0L},
        {MLP, "stream.activation-window", 0L},
        {IDEAL, "rule.r-max", cap("rule", "ideal-observer", "r-max")},
        {DENSE, "stream.dim", cap("stream", "quadratic", "dim")},
    };

    /** The cap the schema declares for {@code key} of {@code type} in {@code block} (path; "" for the top level). */
    private static long cap(String block, String type, String key) {
        return ConfigSchema.blocks().stream()
                .filter(b -> b.path().equals(block))
                .findFirst()
                .orElseThrow()
                .variant(type)
                .key(key)
                .max();
    }

    /** Magnitudes beyond the int and long ranges and of doubles, and wrong types, for every key. */
    private static final String[] EXTREMES = {
        "-1", "0", "1", "2147483648", "9223372036854775807", "1e15", "1e309", "0.5", "NaN", "[4]"
    };

    /**
     * The values tried for a key: the extremes, its cap and one above, or, for a key without a cap of its own
     * (seeds: only a grid-size cap), a size the heap holds and one it does not.
     */
    private static List<String> values(long cap) {
        List<String> out = new ArrayList<>(List.of(EXTREMES));
        if (cap > 0) out.addAll(List.of(String.valueOf(cap), String.valueOf(cap + 1)));
        else out.addAll(List.of("100000", "10000000"));
        return out;
    }

    @Test
    void everyExtremeValueOfEverySizingKeyPlansOrIsRefusedWithOneLine() {
        List<String> seen = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            int n = 0;
            for (Object[] k : KEYS) {
                String key = (String) k[1];
                for (String value : values((Long) k[2])) {
                    Path config =
                            Files.writeString(dir.resolve("m" + n++ + ".conf"), k[0] + key + " = " + value + "\n");
                    Path store = dir.resolve("m.duckdb");
                    CliHarness cli = CliHarness.installed();
                    int code = cli.run("run", "--plan", config.toString(), "--results", store.toString());
                    String err = cli.err.toString();
                    String what = key + " = " + value + ": exit " + code + ", " + err;
                    assertThat(code).as(what).isIn(0, 2);
                    assertThat(err + cli.out).as(what).doesNotContain("OutOfMemoryError", "Exception", "\tat ");
                    if (code == 2) {
                        // a config problem names file, line and key; a memory refusal gives the estimate
                        assertThat(err)
                                .as(what)
                                .startsWith("driftlab: ")
                                .endsWith(System.lineSeparator())
                                .satisfiesAnyOf(
                                        e -> assertThat(e).containsPattern("\\.conf:\\d+: [a-z.-]+: "),
                                        e -> assertThat(e).contains("needs ~"));
                        assertThat(err.strip().lines().count()).as(what).isEqualTo(1);
                    } else {
                        assertThat(cli.out.toString()).as(what).contains("estimated time: ~", "store: ");
                    }
                    assertThat(store).as(what).doesNotExist();
                    seen.add(key + "=" + value + ":" + code);
                }
            }
        });
        // the matrix reaches both outcomes, and the caps hold at their edges
        assertThat(seen)
                .contains(
                        "stream.dim=1:0",
                        "stream.dim=512:0",
                        "stream.dim=513:2",
                        "belief.r-max=1000000:0",
                        "belief.r-max=1000001:2",
                        "metrics.bins=100001:2",
                        "metrics.aligned-lags=0:0",
                        "metrics.aligned-lags=100001:2",
                        "seeds=100000:0",
                        "seeds=10000000:2",
                        "steps=1e15:2",
                        "stream.hidden=10000000:2",
                        "stream.batch=10000000:2");
    }

    @Test
    void aSweepThatWouldNotFitTheHeapIsRefusedWithTheEstimateBeforeAnythingIsCreated() throws Exception {
        // every value within its cap, together far beyond any heap: r_max × d² statistics per run
        Path config = Files.writeString(
                dir.resolve("big.conf"),
                REGRESSION.replace("dim = 4", "dim = 512") + "belief.r-max = " + SizeLimits.MAX_R_MAX + "\n");
        SweepFootprint f = SweepMemory.estimate(SweepLoader.load(config), ClusterConfig.load(RunCommand.EMBEDDED));
        assertThat(f.perNode()).isGreaterThan(Runtime.getRuntime().maxMemory());
        Path store = dir.resolve("big.duckdb");
        for (String[] args : new String[][] {{}, {"--plan"}}) {
            CliHarness cli = CliHarness.installed();
            List<String> line = new ArrayList<>(List.of("run", config.toString(), "--results", store.toString()));
            line.addAll(List.of(args));
            assertThat(cli.run(line.toArray(String[]::new))).isEqualTo(2);
            assertThat(cli.err.toString())
                    .startsWith(
                            "driftlab: this sweep needs ~" + SweepMemory.bytes(f.perNode()) + " per node; the heap is "
                                    + SweepMemory.bytes(Runtime.getRuntime().maxMemory()));
            assertThat(cli.out.toString()).isEmpty();
        }
        assertThat(store).doesNotExist();
        assertThat(dir.resolve("big-report")).doesNotExist();

        Path trace = dir.resolve("big.csv");
        CliHarness one = CliHarness.installed();
        assertThat(one.run("trace", "--config", config.toString(), "--out", trace.toString()))
                .isEqualTo(2);
        assertThat(one.err.toString())
                .startsWith("driftlab: run 0 of " + config + " needs ~")
                .contains("; the heap is ")
                .hasLineCount(1);
        assertThat(trace).doesNotExist();
    }

    @Test
    void moreEmbeddedNodesThanTheMachineHoldsAreRefusedWithTheReason() throws Exception {
        Path config = SweepConfigs.write(dir, "nodes", 1, 100);
        CliHarness cli = CliHarness.installed();
        int tooMany = SweepMemory.maxEmbeddedNodes() + 1;
        assertThat(cli.run(
                        "run",
                        config.toString(),
                        "--nodes",
                        String.valueOf(tooMany),
                        "--results",
                        dir.resolve("n.duckdb").toString()))
                .isEqualTo(2);
        assertThat(cli.err.toString())
                .startsWith("driftlab: --nodes " + tooMany + " is more than this machine holds")
                .contains("per core", "driftlab node");
        assertThat(dir.resolve("n.duckdb")).doesNotExist();
    }

    @Test
    void beliefRMaxIsBoundedByItsCapAndByTheHeap() throws Exception {
        Path series = Files.writeString(dir.resolve("s.csv"), "x\n0.1\n0.2\n0.3\n");
        for (String rMax : new String[] {"0", "1000001", "2147483647"}) {
            CliHarness cli = CliHarness.installed();
            assertThat(cli.run(
                            "belief",
                            "--input",
                            series.toString(),
                            "--model",
                            "gaussian",
                            "--hazard",
                            "0.1",
                            "--r-max",
                            rMax))
                    .as(cli.err.toString())
                    .isEqualTo(2);
            assertThat(cli.err.toString())
                    .isEqualTo("driftlab: --r-max must be in 1..1000000, got " + rMax + System.lineSeparator());
        }
        CliHarness ok = CliHarness.installed();
        assertThat(ok.run(
                        "belief",
                        "--input",
                        series.toString(),
                        "--model",
                        "gaussian",
                        "--hazard",
                        "0.1",
                        "--r-max",
                        "1000000"))
                .as(ok.err.toString())
                .isZero();
        assertThat(ok.out.toString().lines()).hasSize(4);

        // within the cap, but r_max × columns beyond the heap
        int columns = (int) Math.min(100_000, Runtime.getRuntime().maxMemory() / (8L * SizeLimits.MAX_R_MAX) + 1);
        StringBuilder wide = new StringBuilder();
        for (int c = 0; c < columns; c++)
            wide.append(c == 0 ? "" : ",").append("c").append(c);
        wide.append('\n');
        for (int c = 0; c < columns; c++) wide.append(c == 0 ? "" : ",").append("0.5");
        Path big = Files.writeString(dir.resolve("wide.csv"), wide.append('\n'));
        Path out = dir.resolve("out.csv");
        CliHarness refused = CliHarness.installed();
        assertThat(refused.run(
                        "belief",
                        "--input",
                        big.toString(),
                        "--model",
                        "gaussian",
                        "--hazard",
                        "0.1",
                        "--r-max",
                        "1000000",
                        "--out",
                        out.toString()))
                .isEqualTo(2);
        assertThat(refused.err.toString())
                .startsWith("driftlab: --r-max 1000000 over " + columns + " columns needs ~")
                .contains("the heap is");
        assertThat(out).doesNotExist();
    }

    @Test
    void sizesPrintInDecimalUnits() {
        assertThat(SweepMemory.bytes(999)).isEqualTo("999 B");
        assertThat(SweepMemory.bytes(3.1e9)).isEqualTo("3.1 GB");
        assertThat(SweepMemory.bytes(2_147_483_648L)).isEqualTo("2.1 GB");
        assertThat(SweepMemory.bytes(250e6)).isEqualTo("250 MB");
        assertThat(SweepMemory.bytes(1e40)).isEqualTo("1.0e+40 B");
    }
}
