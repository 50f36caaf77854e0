package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path dir;

    Path store;
    final StringWriter err = new StringWriter();

    @BeforeEach
    void fixture() {
        store = dir.resolve("sweep.duckdb");
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("sweep", 2), -1);
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ExportCommand());
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void exportsRunsAsCsvBesideTheStoreByDefault() throws Exception {
        assertThat(run(store.toString(), "--format", "csv", "--table", "runs"))
                .as(err.toString())
                .isZero();
        Path csv = dir.resolve("sweep-runs.csv");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 12);
        assertThat(err.toString()).contains("wrote " + csv);
    }

    @Test
    void exportsStatsAsParquetToAChosenFile() throws Exception {
        Path target = dir.resolve("stats.parquet");
        assertThat(run(store.toString(), "--format", "parquet", "--table", "stats", "--out", target.toString()))
                .as(err.toString())
                .isZero();
        byte[] bytes = Files.readAllBytes(target);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
    }

    @Test
    void aStoreWithTwoSweepsExportsTheChosenOnesRunsOnly() throws Exception {
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("second", 1), -1);
        }
        assertThat(run(store.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds 2 sweeps (sweep, second): choose one with --sweep NAME");
        assertThat(dir.resolve("sweep-runs.csv")).doesNotExist();
        Path csv = dir.resolve("second.csv");
        assertThat(run(store.toString(), "--sweep", "second", "--out", csv.toString()))
                .as(err.toString())
                .isZero();
        // the fixture's conditions (and so run ids) differ between the sweeps only by seed count: 6 runs of seed 0
        assertThat(Files.readAllLines(csv)).hasSize(1 + 6);
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() {
        assertThat(run(store.toString(), "--format", "xlsx")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("driftlab: unknown --format 'xlsx' (known: csv, parquet)" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run(store.toString(), "--table", "sweeps")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --table 'sweeps'");
        err.getBuffer().setLength(0);
        assertThat(run(dir.resolve("nope.duckdb").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.duckdb: no results store here");
        assertThat(dir.toFile().list()).containsExactly("sweep.duckdb");
    }

    @Test
    void missingDirectoriesOfTheOutputAreCreatedAsForEveryCommand() {
        Path target = dir.resolve("new/sub/runs.csv");
        assertThat(run(store.toString(), "--out", target.toString()))
                .as(err.toString())
                .isZero();
        assertThat(target).isRegularFile();
    }
}
