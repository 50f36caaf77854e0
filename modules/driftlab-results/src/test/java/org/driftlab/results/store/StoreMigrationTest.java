package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written by the version-1 code (test resources, v1-store) opened, migrated and resumed by this build. */
class StoreMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneStoreMigratesWithTypedParametersAndItsSweepResumesTheRunsWhoseIdsStand() throws Exception {
        Path dump =
                Path.of(getClass().getResource("v1-store/schema.sql").toURI()).getParent();
        Path file = dir.resolve("v1.duckdb");
        importDump(dump, file);
        assertThat(scalar(file, "SELECT max(version) FROM schema_version")).isEqualTo(1L);
        SweepSpec sweep = SweepLoader.parse(Files.readString(dump.resolve("config.conf")), "v1.conf");

        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
            List<RunSpec> noReset = sweep.runs().stream()
                    .filter(r -> swept(r, "reset").contains("none"))
                    .toList();
            List<RunSpec> threshold = sweep.runs().stream()
                    .filter(r -> swept(r, "reset").contains("threshold"))
                    .toList();
            assertThat(noReset).hasSize(4);
            assertThat(threshold).hasSize(4);
            Set<String> unchanged = new HashSet<>();
            for (RunSpec r : noReset) unchanged.add(r.runId());
            // v1's belief-threshold runs predate the reset timing contract (DESIGN §7), which changed their results and
            // so their ids (reset.timing): they run again instead of resuming with old results; the others resume
            assertThat(store.storedRunIds(sweep)).isEqualTo(unchanged);
            for (RunSpec r : threshold) assertThat(store.run(r.runId())).isEmpty();
            assertThat(store.runs()).hasSize(8);
            for (RunSpec r : List.of(noReset.get(0), noReset.get(3))) {
                StoredRun got = store.run(r.runId()).orElseThrow();
                // curves renamed, read back; a version-1 store predates J_total, so holds none (NaN)
                assertThat(got.result().metrics())
                        .usingRecursiveComparison()
                        .ignoringFields("objectiveTotal")
                        .withComparatorForType(Double::compare, Double.class) // exact, NaN equal to NaN
                        .isEqualTo(Simulation.run(r, 16).metrics());
                assertThat(got.result().metrics().objectiveTotal()).isNaN();
                assertThat(got.params())
                        .containsEntry("rule.lr", swept(r, "rule.lr").equals("0.05") ? 0.05 : 0.1)
                        .containsEntry("stream.dim", 3L)
                        .containsEntry("belief.r-max", 60L)
                        .containsEntry("reset.type", "none");
            }
            assertThat(store.paramColumns())
                    .filteredOn(p -> p.key().equals("reset.tau"))
                    .extracting(ParamColumn::type)
                    .containsExactly(ParamType.DOUBLE);
            assertThat(store.sweeps()).singleElement().satisfies(s -> {
                assertThat(s.storedRuns()).isEqualTo(8);
                assertThat(s.storedConditions()).isEqualTo(4);
            });
        }
        assertThat(scalar(file, "SELECT max(version) FROM schema_version"))
                .isEqualTo((long) ResultStore.SCHEMA_VERSION);
        assertThat(scalar(
                        file,
                        "SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                                + "('t_quantiles', 'condition_stats')"))
                .isZero();
        assertThat(scalar(file, "SELECT count(*) FROM runs WHERE \"reset.type\" = 'none' AND \"rule.lr\" = 0.1"))
                .isEqualTo(2L); // GROUP BY-able in SQL
        // the stale belief-threshold runs belong to no condition of today's sweep: they keep the swept values version 1
        // stored (the reset block as JSON text), so that column stays beside the typed leaves
        assertThat(scalar(
                        file,
                        "SELECT count(*) FROM runs WHERE \"reset.type\" IS NULL AND reset LIKE '%belief-threshold%'"))
                .isEqualTo(4L);
        assertThat(scalar(
                        file,
                        "SELECT count(DISTINCT kind) FROM curves WHERE kind IN ('switch_steps', 'binned_excess_loss')"))
                .isEqualTo(2L);
    }

    private static String swept(RunSpec run, String key) {
        return run.params().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static void importDump(Path dump, Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            for (String sql : statements(Files.readString(dump.resolve("schema.sql")))) st.execute(sql);
            String load = Files.readString(dump.resolve("load.sql"))
                    .replace("${dir}", dump.toString().replace("'", "''"));
            for (String sql : statements(load)) st.execute(sql);
        }
    }

    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";\\s*\\n")) {
            String t = s.strip().replaceAll(";+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static long scalar(Path file, String sql) throws SQLException, URISyntaxException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
