package org.driftlab.results.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.CopyFormat;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.driftlab.results.store.StoreTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    @TempDir
    Path dir;

    Path store;
    SweepSpec sweep;

    @BeforeEach
    void fixture() {
        store = dir.resolve("exp.duckdb");
        sweep = StoreFixtures.hazardByReset("exp", 3);
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(s, sweep, 0);
        }
    }

    @Test
    void runsAsCsvHaveAHeaderAndARowPerRun() throws Exception {
        Path out = Exporter.defaultTarget(store, StoreTable.RUNS, CopyFormat.CSV);
        assertThat(out.getFileName().toString()).isEqualTo("exp-runs.csv");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            Exporter.export(s, StoreTable.RUNS, null, CopyFormat.CSV, out);
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1 + sweep.runs().size());
        assertThat(lines.get(0))
                .startsWith("run_id,sweep,condition_id,seed,")
                .contains("stream.switching.hazard", "reset");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("exp.duckdb", "exp-runs.csv");
    }

    @Test
    void curvesAndStatsAsParquetReadBackWithDuckDb() throws Exception {
        Path curves = dir.resolve("c.parquet");
        Path stats = dir.resolve("s.parquet");
        Files.writeString(stats, "old contents to be replaced");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            Exporter.export(s, StoreTable.CURVES, null, CopyFormat.PARQUET, curves);
            Exporter.export(s, StoreTable.STATS, null, CopyFormat.PARQUET, stats);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            try (ResultSet rs =
                    st.executeQuery("SELECT count(DISTINCT run_id), count(DISTINCT kind) FROM '" + curves + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(sweep.runs().size());
                assertThat(rs.getLong(2)).isEqualTo(7); // the fixture has runs with each of RunMetrics' 7 curves
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT metric) FROM '" + stats + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6L * Metric.values().size());
                assertThat(rs.getLong(2)).isEqualTo(Metric.values().size());
            }
        }
    }

    @Test
    void aMissingDirectoryIsAnErrorAndNothingIsWritten() {
        Path out = dir.resolve("no/such/dir/runs.csv");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            assertThatThrownBy(() -> Exporter.export(s, StoreTable.RUNS, null, CopyFormat.CSV, out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> Exporter.export(s, StoreTable.RUNS, null, CopyFormat.CSV, dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is a directory");
        }
        assertThat(dir.resolve("no")).doesNotExist();
    }
}
