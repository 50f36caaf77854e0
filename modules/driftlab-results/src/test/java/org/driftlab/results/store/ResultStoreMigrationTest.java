package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store of schema version 1 (before J_total) opens for writing, gains the column, and keeps what it held. */
class ResultStoreMigrationTest {
    @TempDir Path dir;

    @Test
    void aVersionOneStoreGainsObjectiveTotal() throws Exception {
        Path file = dir.resolve("v1.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("a", 2);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, sweep, 4);
        }
        // make it the store version 1 wrote: no objective_total, version 1 only
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("DROP VIEW condition_stats");
            st.execute("ALTER TABLE runs DROP COLUMN objective_total");
            st.execute("DELETE FROM schema_version WHERE version > 1");
        }
        ResultStore.open(file).close();
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            assertThat(store.runs()).hasSize(sweep.runs().size())
                    .allSatisfy(r -> assertThat(r.result().metrics().objectiveTotal()).as("not stored before version 2").isNaN());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE metric = 'objective_total'), count(DISTINCT \"stream.switching.hazard\")"
                     + " FROM condition_stats")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the rebuilt view lists the new metric").isPositive();
            assertThat(rs.getLong(2)).as("and keeps the parameter columns").isPositive();
        }
    }
}
