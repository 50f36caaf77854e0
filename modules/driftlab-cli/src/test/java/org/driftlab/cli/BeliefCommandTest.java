package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeliefCommandTest {
    @TempDir
    Path dir;

    /** A level shift from 0 to 5 after 20 rows, with small deterministic wiggles. */
    private Path shiftSeries() throws IOException {
        StringBuilder s = new StringBuilder("x\n");
        for (int t = 0; t < 40; t++)
            s.append((t < 20 ? 0.0 : 5.0) + 0.1 * Math.sin(t)).append('\n');
        Path file = dir.resolve("series.csv");
        Files.writeString(file, s.toString());
        return file;
    }

    /** {@code driftlab belief} on {@code input} with {@code model} and hazard 0.01, then {@code more}. */
    private static String[] belief(Path input, String model, String... more) {
        List<String> args =
                new ArrayList<>(List.of("belief", "--input", input.toString(), "--model", model, "--hazard", "0.01"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * The gaussian model (σ² = 0.05 per row, prior variance 25, window 3) on {@link #shiftSeries()}, then {@code
     * more}.
     */
    private String[] gaussianOnTheShift(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--prior-var", "25", "--noise-var", "0.05", "--window", "3"));
        args.addAll(List.of(more));
        return belief(shiftSeries(), "gaussian", args.toArray(String[]::new));
    }

    @Test
    void writesOneRowPerObservationAndSeesTheShift() throws IOException {
        Path out = dir.resolve("belief.csv");
        CliHarness h = CliHarness.installed();
        int code = h.run(gaussianOnTheShift("--prune", "0", "--out", out.toString()));
        assertThat(code).as(h.err.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("t,map_run_length,mean_run_length,p_change");
        assertThat(lines).hasSize(41);
        assertThat(lines.get(1)).startsWith("1,");
        double before = pChange(lines.get(20)); // t = 20: last row of the first level
        double after = pChange(lines.get(22)); // t = 22: two rows into the new level
        assertThat(before).isLessThan(0.05); // about w·H = 0.03 with no evidence of a switch
        assertThat(after).isGreaterThan(0.9);
        // run length restarts at the shift: MAP run length two rows in is at most 2
        assertThat(Integer.parseInt(lines.get(22).split(",")[1])).isLessThanOrEqualTo(2);
    }

    @Test
    void writesToStdoutWithoutOut() throws IOException {
        CliHarness h = CliHarness.installed();
        int code = h.run(belief(shiftSeries(), "normal-gamma"));
        assertThat(code).as(h.err.toString()).isZero();
        assertThat(h.out.toString().split("\\R")).hasSize(41);
    }

    @Test
    void badCellNamesRowAndColumnAndWritesNothing() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "a,b\n1,2\n3,oops\n");
        Path out = dir.resolve("never.csv");
        CliHarness h = CliHarness.installed();
        int code = h.run(belief(in, "gaussian", "--out", out.toString()));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("bad.csv").contains("oops").contains("b");
        assertThat(out).doesNotExist();
    }

    @Test
    void optionsOfTheOtherModelAreRejected() throws IOException {
        CliHarness h = CliHarness.installed();
        int code = h.run(belief(shiftSeries(), "gaussian", "--kappa0", "2"));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("--kappa0");
    }

    @Test
    void unknownModelAndMissingFileAreUsageErrors() throws IOException {
        CliHarness h = CliHarness.installed();
        assertThat(h.run(belief(shiftSeries(), "poisson"))).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("poisson");
        CliHarness m = CliHarness.installed();
        assertThat(m.run(belief(dir.resolve("nope.csv"), "gaussian"))).isEqualTo(ExitCodes.USAGE);
        assertThat(m.err.toString()).contains("nope.csv");
    }

    @Test
    void changepointsPrintsTheDetectedChangeTimes() throws IOException {
        CliHarness h = CliHarness.installed();
        int code = h.run(gaussianOnTheShift("--changepoints", "--threshold", "0.9"));
        assertThat(code).as(h.err.toString()).isZero();
        // the level moves at row 21: detected there or a row later, dated to row 21
        String[] lines = h.out.toString().split("\\R");
        assertThat(lines[0]).isEqualTo("detected_at,change_at");
        assertThat(lines).hasSize(2);
        String[] cells = lines[1].split(",");
        assertThat(Integer.parseInt(cells[0])).isBetween(21, 22);
        assertThat(cells[1]).isEqualTo("21");
    }

    /** Zero-mean rows whose scale grows tenfold after row 60, with deterministic wiggles. */
    private Path scaleSeries() throws IOException {
        StringBuilder s = new StringBuilder("residual\n");
        for (int t = 0; t < 120; t++)
            s.append((t < 60 ? 0.1 : 1.0) * Math.sin(1.7 * t + 0.5) * (1 + 0.5 * Math.cos(0.3 * t)))
                    .append('\n');
        Path file = dir.resolve("scale.csv");
        Files.writeString(file, s.toString());
        return file;
    }

    @Test
    void theResidualModelsSeeAScaleChange() throws IOException {
        for (String model : List.of("variance-change", "log-normal-gamma")) {
            CliHarness h = CliHarness.installed();
            int code = h.run(belief(
                    scaleSeries(), model, "--calibration", "10", "--window", "10", "--changepoints", "--prune", "0"));
            assertThat(code).as(model + ": " + h.err).isZero();
            List<String> lines = List.of(h.out.toString().split("\\R"));
            // the scale moves at row 61; log|x| of this series has a heavy left tail (near-zero rows), which the
            // log model may also flag, so only the variance-change model is held to a single detection
            assertThat(lines.subList(1, lines.size())).as(model).anySatisfy(row -> assertThat(
                            Integer.parseInt(row.split(",")[1]))
                    .isBetween(60, 62));
            if (model.equals("variance-change")) assertThat(lines).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource({
        "scale, variance-change, --prior-mean, 1",
        "shift, normal-gamma, --calibration, 5",
        "shift, normal-gamma, --threshold, 0.5"
    })
    void optionsForeignToTheModelAreRejected(String series, String model, String option, String value)
            throws IOException {
        Path input = series.equals("scale") ? scaleSeries() : shiftSeries();
        CliHarness h = CliHarness.installed();
        assertThat(h.run(belief(input, model, option, value))).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains(option);
    }

    @Test
    void helpStatesThePruningGuarantee() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("belief", "--help")).isZero();
        assertThat(h.out.toString().replaceAll("\\s+", " "))
                .contains("equal --prune 0's")
                .contains("outliers");
    }

    private static double pChange(String row) {
        String[] cells = row.split(",");
        return Double.parseDouble(cells[3]);
    }
}
