package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void resultsReadBackIdenticalWithCurvesAndParams() {
        Path file = dir.resolve("sub/a.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("a", 3);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, sweep, 4);
        }
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            Map<String, StoredRun> byId = new HashMap<>();
            for (StoredRun r : store.runs()) byId.put(r.result().runId(), r);
            assertThat(byId).hasSize(sweep.runs().size());
            for (int i = 0; i < sweep.runs().size(); i++) {
                RunSpec spec = sweep.runs().get(i);
                RunResult expected = StoreFixtures.resultFor(spec, i == 4);
                StoredRun got = byId.get(spec.runId());
                assertThat(got.result()).isEqualTo(expected);
                assertThat(got.result().wallNanos()).isEqualTo(expected.wallNanos());
                assertThat(got.sweep()).isEqualTo("a");
                assertThat(got.status()).isEqualTo(i == 4 ? "diverged" : "ok");
                assertThat(got.params())
                        .containsExactly(
                                Map.entry(
                                        "stream.switching.hazard",
                                        Double.parseDouble(spec.params().get(0).value())),
                                Map.entry("reset", spec.params().get(1).value().replace("\"", "")));
            }
            assertThat(store.run(sweep.runs().get(1).runId()))
                    .map(StoredRun::result)
                    .contains(StoreFixtures.resultFor(sweep.runs().get(1)));
            assertThat(store.paramColumns())
                    .containsExactly(
                            new ParamColumn("stream.switching.hazard", "stream.switching.hazard", ParamType.DOUBLE, 0),
                            new ParamColumn("reset", "reset", ParamType.VARCHAR, 1));
            List<SweepRecord> sweeps = store.sweeps();
            assertThat(sweeps).hasSize(1);
            assertThat(sweeps.get(0).configText()).isEqualTo(sweep.configText());
            assertThat(sweeps.get(0).sweptKeys()).isEqualTo(sweep.sweptKeys());
            assertThat(sweeps.get(0).plannedRuns()).isEqualTo(sweep.runs().size());
            assertThat(sweeps.get(0).version()).doesNotContain("$").isNotEqualTo("unknown");
        }
    }

    @Test
    void everyParameterOfARunSweptOrNotIsATypedColumnToGroupBy() throws SQLException {
        Path file = dir.resolve("typed.duckdb");
        SweepSpec sweep;
        try (ResultStore store = ResultStore.open(file)) {
            sweep = StoreFixtures.simulateAll(store, StoreFixtures.simulatedConfig("typed", "bocpd", 2));
            assertThat(store.paramColumns())
                    .extracting(ParamColumn::key, ParamColumn::type)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("stream.dim", ParamType.BIGINT),
                            org.assertj.core.groups.Tuple.tuple("rule.lr", ParamType.DOUBLE),
                            org.assertj.core.groups.Tuple.tuple("reset.type", ParamType.VARCHAR),
                            org.assertj.core.groups.Tuple.tuple("stream.rotated", ParamType.BOOLEAN));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"reset.type\", \"stream.dim\" + 0 AS d, count(*) FROM runs "
                        + "GROUP BY ALL ORDER BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("belief-threshold");
            assertThat(rs.getLong(2)).isEqualTo(3);
            assertThat(rs.getLong(3)).isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("none");
        }
        assertThat(count(file, "SELECT count(*) FROM conditions WHERE config IS NOT NULL"))
                .isEqualTo(2);
        assertThat(count(file, "SELECT count(*) FROM sweep_runs WHERE sweep = 'typed'"))
                .isEqualTo(sweep.runs().size());
    }

    @Test
    void aMisSetBeliefIsAParameterColumnOfItsRuns() throws SQLException {
        Path file = dir.resolve("mismatch.duckdb");
        String config = StoreFixtures.simulatedConfig("mismatch", "bocpd", 1)
                .replace("sweep { reset = ", "sweep { belief.hazard = [0.02, 0.05]\nreset = ");
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.simulateAll(store, config);
            assertThat(store.runs()).hasSize(4).allSatisfy(r -> {
                if (r.params().get("belief.hazard").equals(0.05)) {
                    assertThat(r.params()).containsEntry(RunSpec.BELIEF_MISMATCH, "belief.hazard=0.05 (stream 0.02)");
                } else {
                    assertThat(r.params().get(RunSpec.BELIEF_MISMATCH))
                            .as("the stream's hazard")
                            .isNull();
                }
            });
        }
        assertThat(count(file, "SELECT count(*) FROM runs WHERE \"belief-mismatch\" IS NOT NULL"))
                .isEqualTo(2);
    }

    @Test
    void reacceptingAStoredRunIsANoOp() throws SQLException {
        Path file = dir.resolve("b.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("b", 1);
        RunSpec first = sweep.runs().get(0);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, sweep, -1);
            store.accept(first, StoreFixtures.resultFor(first).withNode("elsewhere"));
            store.beginSweep(sweep);
        }
        long curves = count(file, "SELECT count(*) FROM curves");
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
            assertThat(store.storedRunIds(sweep)).hasSize(sweep.runs().size());
            store.accept(first, StoreFixtures.resultFor(first).withNode("again"));
            assertThat(store.runCount()).isEqualTo(sweep.runs().size());
            assertThat(store.run(first.runId()).orElseThrow().result().node()).isEqualTo("node-0");
            assertThat(store.sweeps()).hasSize(1);
        }
        assertThat(count(file, "SELECT count(*) FROM curves")).isEqualTo(curves);
    }

    @Test
    void storedRunIdsAreThoseOfTheSweepAlreadyWritten() {
        SweepSpec sweep = StoreFixtures.hazardByReset("c", 2);
        try (ResultStore store = ResultStore.open(dir.resolve("c.duckdb"))) {
            store.beginSweep(sweep);
            assertThat(store.storedRunIds(sweep)).isEmpty();
            for (int i = 0; i < 5; i++)
                store.accept(
                        sweep.runs().get(i),
                        StoreFixtures.resultFor(sweep.runs().get(i)));
            assertThat(store.storedRunIds(sweep))
                    .containsExactlyElementsOf(sweep.runs().subList(0, 5).stream()
                            .map(RunSpec::runId)
                            .toList());
        }
    }

    @Test
    void twoSweepsShareOneStoreAndNewKeysAddColumns() {
        Path file = dir.resolve("shared.duckdb");
        SweepSpec a = StoreFixtures.hazardByReset("a", 2);
        SweepSpec b = StoreFixtures.sweep(
                "b",
                List.of("rule.lr", "reset"),
                List.of(
                        List.of(new SweptValue("rule.lr", "0.1"), new SweptValue("reset", "\"none\"")),
                        List.of(new SweptValue("rule.lr", "1e-2"), new SweptValue("reset", "\"none\""))),
                2);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, a, -1);
        }
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, b, -1);
        }
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            assertThat(store.sweeps()).extracting(SweepRecord::name).containsExactlyInAnyOrder("a", "b");
            assertThat(store.paramColumns())
                    .extracting(ParamColumn::key)
                    .containsExactly("stream.switching.hazard", "reset", "rule.lr");
            assertThat(store.runCount()).isEqualTo(a.runs().size() + b.runs().size());
            StoredRun fromA = store.run(a.runs().get(0).runId()).orElseThrow();
            StoredRun fromB = store.run(b.runs().get(2).runId()).orElseThrow();
            assertThat(fromA.sweep()).isEqualTo("a");
            assertThat(fromA.params()).doesNotContainKey("rule.lr");
            assertThat(fromB.sweep()).isEqualTo("b");
            assertThat(fromB.params()).containsEntry("rule.lr", 0.01).doesNotContainKey("stream.switching.hazard");
        }
    }

    @Test
    void aTextValueWidensANumericColumn() {
        Path file = dir.resolve("widen.duckdb");
        SweepSpec a = StoreFixtures.sweep("a", List.of("x"), List.of(List.of(new SweptValue("x", "0.25"))), 1);
        SweepSpec b = StoreFixtures.sweep("b", List.of("x"), List.of(List.of(new SweptValue("x", "\"auto\""))), 1);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, a, -1);
            StoreFixtures.writeAll(store, b, -1);
            assertThat(store.paramColumns()).containsExactly(new ParamColumn("x", "x", ParamType.VARCHAR, 0));
            assertThat(store.run(a.runs().get(0).runId()).orElseThrow().params())
                    .containsEntry("x", "0.25");
            assertThat(store.run(b.runs().get(0).runId()).orElseThrow().params())
                    .containsEntry("x", "auto");
        }
    }

    @Test
    void aKeyNamedLikeAFixedColumnGetsItsOwnColumn() {
        SweepSpec s = StoreFixtures.sweep("s", List.of("seed"), List.of(List.of(new SweptValue("seed", "7"))), 2);
        try (ResultStore store = ResultStore.open(dir.resolve("clash.duckdb"))) {
            StoreFixtures.writeAll(store, s, -1);
            assertThat(store.paramColumns())
                    .containsExactly(new ParamColumn("seed", "param.seed", ParamType.BIGINT, 0));
            assertThat(store.run(s.runs().get(1).runId()).orElseThrow().params())
                    .containsEntry("seed", 7L);
            assertThat(store.run(s.runs().get(1).runId()).orElseThrow().result().seed())
                    .isEqualTo(1);
        }
    }

    @Test
    void acceptOutsideABegunSweepIsRefused() {
        SweepSpec s = StoreFixtures.hazardByReset("x", 1);
        try (ResultStore store = ResultStore.open(dir.resolve("x.duckdb"))) {
            assertThatThrownBy(() -> store.accept(
                            s.runs().get(0), StoreFixtures.resultFor(s.runs().get(0))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(s.runs().get(0).runId());
        }
    }

    // ------------------------------------------------------------ bad files

    @Test
    void aTextFileIsNotAStore() throws Exception {
        Path file = dir.resolve("notes.duckdb");
        Files.writeString(file, "these are my notes\n".repeat(300));
        assertThatThrownBy(() -> ResultStore.openReadOnly(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a DuckDB database file");
        assertThatThrownBy(() -> ResultStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a DuckDB database file");
    }

    @Test
    void aCorruptFileIsReportedAsCorrupt() throws Exception {
        Path file = dir.resolve("corrupt.duckdb");
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, StoreFixtures.hazardByReset("a", 1), -1);
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(file, bytes);
        assertThatThrownBy(() -> ResultStore.openReadOnly(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
    }

    @Test
    void anotherDuckDbDatabaseIsNotAStore() throws Exception {
        Path file = dir.resolve("other.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INTEGER)");
        }
        assertThatThrownBy(() -> ResultStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a driftlab results store");
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("newer.duckdb");
        ResultStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (" + (ResultStore.SCHEMA_VERSION + 1) + ", now())");
        }
        assertThatThrownBy(() -> ResultStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer driftlab")
                .hasMessageContaining("version " + (ResultStore.SCHEMA_VERSION + 1));
    }

    @Test
    void badPathsGiveClearErrors() throws Exception {
        Path missing = dir.resolve("missing.duckdb");
        assertThatThrownBy(() -> ResultStore.openReadOnly(missing))
                .isInstanceOf(StoreException.class)
                .hasMessage(missing + ": no results store here (the file does not exist)");
        assertThat(missing).doesNotExist();
        assertThatThrownBy(() -> ResultStore.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a directory");
        Path aFile = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> ResultStore.open(aFile.resolve("s.duckdb")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create its directory");
        Path empty = dir.resolve("empty.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + empty)) {
            assertThat(c).isNotNull();
        }
        assertThatThrownBy(() -> ResultStore.openReadOnly(empty))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a driftlab results store");
    }

    @Test
    void defaultStoreLivesUnderResults() {
        assertThat(StorePaths.defaultFor(Path.of("configs", "reset-vs-hazard.conf")))
                .isEqualTo(Path.of("results", "reset-vs-hazard.duckdb"));
        assertThat(StorePaths.defaultFor(StoreFixtures.hazardByReset("sweep-a", 1)))
                .isEqualTo(Path.of("results", "sweep-a.duckdb"));
        assertThat(StorePaths.baseName(Path.of("results", "x.duckdb"))).isEqualTo("x");
    }

    static long count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
