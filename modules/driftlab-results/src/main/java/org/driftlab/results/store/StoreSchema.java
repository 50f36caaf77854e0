package org.driftlab.results.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The store's schema (package docs) and its versions. A new store is created at {@link #VERSION} directly;
 * an older one is migrated step by step, each step in its own transaction recorded in
 * {@code schema_version}. Independently of the version, the metric columns of {@code runs} follow
 * {@link RunColumns}: a metric declared after a store was written gets its column (NULL for older runs) when
 * the store is next opened for writing.
 *
 * <p>Versions: 1 (driftlab 0.1: swept values only, typed by their text; SQL statistics view with a table of
 * t quantiles); 2 (every parameter of a run as a typed column, the conditions' resolved configs, the runs of
 * each sweep, curves named after their RunMetrics component; statistics computed by the tool only).
 */
final class StoreSchema {
    /** The schema version this build writes and reads; older stores are migrated, newer ones refused. */
    static final int VERSION = 2;

    private StoreSchema() {}

    /** The version of the store behind {@code db}: 0 for an empty database. */
    static int version(StoreDb db) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (tables.isEmpty()) return 0;
        if (!tables.contains("schema_version")) {
            throw new StoreException(
                    db.file, "a DuckDB database but not a driftlab results store (no schema_version table)");
        }
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            int v = rs.getInt(1);
            if (rs.wasNull())
                throw new StoreException(db.file, "damaged results store (schema_version table is empty)");
            return v;
        }
    }

    /** Creates the current schema in an empty database, in one transaction. */
    static void create(StoreDb db) throws SQLException {
        inTransaction(db, () -> {
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL)");
            db.execute(
                    "CREATE TABLE sweeps (name VARCHAR NOT NULL, config_sha256 VARCHAR NOT NULL, "
                            + "config_text VARCHAR NOT NULL, version VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL, "
                            + "swept_keys VARCHAR[] NOT NULL, planned_runs INTEGER NOT NULL, PRIMARY KEY (name, config_sha256))");
            StringBuilder runs =
                    new StringBuilder("CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, sweep VARCHAR NOT NULL, "
                            + "condition_id VARCHAR NOT NULL, seed INTEGER NOT NULL, master_seed BIGINT NOT NULL, "
                            + "node VARCHAR NOT NULL, status VARCHAR NOT NULL CHECK (status IN ('ok', 'diverged')), "
                            + "wall_ms DOUBLE NOT NULL");
            for (RunColumns.Scalar s : RunColumns.SCALARS) {
                runs.append(", ").append(StoreDb.quote(s.column())).append(' ').append(s.sqlType());
            }
            db.execute(runs.append(')').toString());
            createVersion2Tables(db);
            db.execute(CURVES_DDL);
            recordVersion(db, VERSION);
        });
    }

    private static final String CURVES_DDL =
            "CREATE TABLE curves (run_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, idx INTEGER NOT NULL, value DOUBLE)";

    private static void createVersion2Tables(StoreDb db) throws SQLException {
        db.execute("CREATE TABLE params (key VARCHAR PRIMARY KEY, column_name VARCHAR NOT NULL UNIQUE, type VARCHAR "
                + "NOT NULL CHECK (type IN ('BIGINT', 'DOUBLE', 'BOOLEAN', 'VARCHAR')), position INTEGER NOT NULL)");
        db.execute("CREATE TABLE conditions (condition_id VARCHAR PRIMARY KEY, config VARCHAR)");
        db.execute(
                "CREATE TABLE sweep_runs (sweep VARCHAR NOT NULL, run_id VARCHAR NOT NULL, PRIMARY KEY (sweep, run_id))");
    }

    /**
     * Migrates the store from {@code from} (≥ 1) to {@link #VERSION}, each step one transaction. Step 2's
     * parameters of the runs already stored are filled afterwards by the writer, from the stored configs.
     */
    static void migrate(StoreDb db, int from) throws SQLException {
        for (int v = from + 1; v <= VERSION; v++) {
            if (v != 2) throw new IllegalStateException("no migration to schema version " + v);
            inTransaction(db, () -> {
                db.execute("DROP VIEW IF EXISTS condition_stats");
                db.execute("DROP TABLE IF EXISTS t_quantiles");
                db.execute("ALTER TABLE params RENAME TO params_v1");
                createVersion2Tables(db);
                db.execute("INSERT INTO params SELECT key, column_name, type, position FROM params_v1");
                db.execute("DROP TABLE params_v1");
                db.execute("INSERT INTO sweep_runs SELECT DISTINCT sweep, run_id FROM runs");
                db.execute("INSERT INTO conditions SELECT DISTINCT condition_id, NULL FROM runs");
                // curves kinds become the RunMetrics component names (the v1 table also checked a fixed list)
                db.execute("ALTER TABLE curves RENAME TO curves_v1");
                db.execute(CURVES_DDL);
                db.execute("INSERT INTO curves SELECT run_id, CASE kind WHEN 'binned_excess' THEN 'binned_excess_loss' "
                        + "WHEN 'aligned_excess' THEN 'aligned_excess_loss' WHEN 'switch' THEN 'switch_steps' "
                        + "WHEN 'reset' THEN 'reset_steps' ELSE kind END, idx, value FROM curves_v1");
                db.execute("DROP TABLE curves_v1");
                recordVersion(db, 2);
            });
        }
    }

    /** Adds the {@code runs} column of every declared metric the table lacks; says whether it added any. */
    static boolean addDeclaredMetricColumns(StoreDb db) throws SQLException {
        Set<String> have = new HashSet<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'runs'")) {
            while (rs.next()) have.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
        List<RunColumns.Scalar> missing = new ArrayList<>();
        for (RunColumns.Scalar s : RunColumns.SCALARS) if (!have.contains(s.column())) missing.add(s);
        if (missing.isEmpty()) return false;
        inTransaction(db, () -> {
            for (RunColumns.Scalar s : missing) {
                db.execute("ALTER TABLE runs ADD COLUMN " + StoreDb.quote(s.column()) + " " + s.sqlType());
            }
        });
        return true;
    }

    private static void recordVersion(StoreDb db, int v) throws SQLException {
        try (PreparedStatement ps =
                db.conn.prepareStatement("INSERT INTO schema_version VALUES (?, CAST(? AS TIMESTAMPTZ))")) {
            ps.setInt(1, v);
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void inTransaction(StoreDb db, SqlWork work) throws SQLException {
        boolean auto = db.conn.getAutoCommit();
        db.conn.setAutoCommit(false);
        try {
            work.run();
            db.conn.commit();
        } catch (SQLException | RuntimeException e) {
            db.conn.rollback();
            throw e;
        } finally {
            db.conn.setAutoCommit(auto);
        }
    }
}
