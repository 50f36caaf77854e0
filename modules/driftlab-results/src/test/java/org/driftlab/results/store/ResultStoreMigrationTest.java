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

/**
 * A store written before J_total existed (no {@code objective_total} column) opens for writing, gains the column
 * (NULL, read back as NaN, for the runs it held), keeps what it held, and stores J_total for the runs written after.
 */
class ResultStoreMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWithoutObjectiveTotalGainsTheColumn() throws Exception {
        Path file = dir.resolve("before-j-total.duckdb");
        SweepSpec old = StoreFixtures.hazardByReset("a", 2);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, old, 4);
        }
        // make it the store a build before J_total wrote: the same schema version, without the column
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE runs DROP COLUMN objective_total");
        }
        SweepSpec later = StoreFixtures.hazardByReset("b", 3);
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(later);
            for (var spec : later.runs()) {
                if (spec.seed() == 2) store.accept(spec, StoreFixtures.resultFor(spec));
            }
        }
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            assertThat(store.runs())
                    .hasSize(old.runs().size() + later.runs().size() / 3)
                    .allSatisfy(r -> {
                        if (r.result().seed() < 2) {
                            assertThat(r.result().metrics().objectiveTotal())
                                    .as("not stored before J_total")
                                    .isNaN();
                        } else {
                            assertThat(r.result().metrics().objectiveTotal())
                                    .as("stored after")
                                    .isPositive();
                        }
                    });
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(objective_total) FROM runs")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(old.runs().size() + later.runs().size() / 3);
            assertThat(rs.getLong(2))
                    .as("only the runs written after hold J_total")
                    .isEqualTo(later.runs().size() / 3);
        }
    }
}
