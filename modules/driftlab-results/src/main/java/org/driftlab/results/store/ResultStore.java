package org.driftlab.results.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB results store (DESIGN §10; schema in the package docs) and the {@link ResultSink} that fills it.
 *
 * <p>{@link #open} creates or migrates a store for writing; {@link #openReadOnly} opens an existing one for
 * the report and export. Each {@link #acceptAll} (and {@link #accept}, a batch of one) is one transaction
 * holding the batch's run rows and all their curves, committed before it returns; a run id already stored is
 * skipped. Several sweeps may share one store (one
 * process at a time: DuckDB locks the file). Every failure is a {@link StoreException} naming the file.
 *
 * <p>Thread-safe: every method is synchronized on the store (one JDBC connection).
 */
public final class ResultStore implements ResultSink {
    /** The schema version this build writes and reads; older stores are migrated, newer ones refused. */
    public static final int SCHEMA_VERSION = 2;

    /** Plain decimal or scientific numbers, as HOCON renders them; anything else is text. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final List<String> FIXED_RUN_COLUMNS = List.of("run_id", "sweep", "condition_id", "seed",
            "master_seed", "node", "status", "wall_ms", "steps", "mean_loss", "mean_excess_loss", "objective",
            "objective_total", "switches", "resets", "detections", "mean_detection_delay", "false_alarms", "missed_switches",
            "final_distance", "diverged", "diverged_at_step");

    /** Quantiles stored at creation; the table doubles when the store holds more runs (a condition has at most that many). */
    private static final int INITIAL_T_COVERAGE = 64;

    private final Path file;
    private final DuckDBConnection conn;
    private final boolean readOnly;
    private final Map<String, ParamColumn> params = new LinkedHashMap<>();
    private final Map<String, String> sweepOfRun = new HashMap<>();
    private final Map<List<String>, PreparedStatement> inserts = new HashMap<>();
    private PreparedStatement curvesInsert;
    private Set<String> storedIds;
    private int tCoverage;
    private boolean closed;

    private ResultStore(Path file, DuckDBConnection conn, boolean readOnly) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
    }

    /**
     * Opens {@code file} for writing, creating it (and its parent directories) when absent and migrating an
     * older schema. StoreException when the file is not a DuckDB file, is corrupt, is another DuckDB database,
     * has a newer schema, or is locked by another process.
     */
    public static ResultStore open(Path file) {
        if (Files.isDirectory(file)) throw new StoreException(file, "is a directory, not a results store file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException | SecurityException e) {
                throw new StoreException(file, "cannot create its directory " + parent + " (" + e.getMessage() + ")", e);
            }
        }
        ResultStore store = new ResultStore(file, connect(file, false), false);
        return store.initialise();
    }

    /**
     * Opens an existing store for reading only (report, export). StoreException when it does not exist or
     * would need creating or migrating, and for the same faults as {@link #open}.
     */
    public static ResultStore openReadOnly(Path file) {
        if (Files.isDirectory(file)) throw new StoreException(file, "is a directory, not a results store file");
        if (!Files.exists(file)) throw new StoreException(file, "no results store here (the file does not exist)");
        ResultStore store = new ResultStore(file, connect(file, true), true);
        return store.initialise();
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- opening and schema

    private static DuckDBConnection connect(Path file, boolean readOnly) {
        Properties props = new Properties();
        if (readOnly) props.setProperty("duckdb.read_only", "true");
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
            return c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new StoreException(file, describeOpenFailure(e), e);
        }
    }

    /** DuckDB's messages, reduced to what a user must know. */
    private static String describeOpenFailure(SQLException e) {
        String msg = firstLine(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("not a valid duckdb database file")) return "not a DuckDB database file";
        if (lower.contains("corrupt") || lower.contains("checksum") || lower.contains("could not read enough bytes")) {
            return "corrupt DuckDB file (" + msg + ")";
        }
        if (lower.contains("lock")) return "in use by another process (" + msg + ")";
        return "cannot open (" + msg + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private ResultStore initialise() {
        try {
            Set<String> tables = new HashSet<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            int version;
            if (tables.contains("schema_version")) {
                version = readSchemaVersion();
            } else if (tables.isEmpty()) {
                version = 0;
            } else {
                throw new StoreException(file, "a DuckDB database but not a driftlab results store (no schema_version table)");
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(file, "written by a newer driftlab (store schema version " + version
                        + ", this build reads up to " + SCHEMA_VERSION + ")");
            }
            if (version < SCHEMA_VERSION) {
                if (readOnly) {
                    throw new StoreException(file, version == 0 ? "an empty DuckDB database, not a driftlab results store"
                            : "store schema version " + version + " needs migrating to " + SCHEMA_VERSION
                            + "; open it for writing once (driftlab run) first");
                }
                migrate(version);
            }
            loadParams();
            if (version >= 1 && version < SCHEMA_VERSION) {
                recreateStatsView(); // it lists every metric, and a migration may have added one
                conn.commit();
            }
            if (!readOnly) {
                conn.setAutoCommit(false);
                tCoverage = queryInt("SELECT coalesce(max(df), 0) FROM t_quantiles");
            }
            return this;
        } catch (SQLException e) {
            closeQuietly();
            throw new StoreException(file, describeOpenFailure(e), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private int readSchemaVersion() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            int v = rs.getInt(1);
            if (rs.wasNull()) throw new StoreException(file, "damaged results store (schema_version table is empty)");
            return v;
        }
    }

    /** Applies migrations version+1 .. SCHEMA_VERSION, each in its own transaction. */
    private void migrate(int from) throws SQLException {
        conn.setAutoCommit(false);
        try {
            for (int v = from + 1; v <= SCHEMA_VERSION; v++) {
                for (String ddl : migration(v)) execute(ddl);
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO schema_version VALUES (?, CAST(? AS TIMESTAMPTZ))")) {
                    ps.setInt(1, v);
                    ps.setString(2, Instant.now().toString());
                    ps.executeUpdate();
                }
                if (v == 1) fillTQuantiles(1, INITIAL_T_COVERAGE);
                conn.commit();
            }
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        }
        if (from < 1) {
            recreateStatsView();
            conn.commit();
        }
    }

    /** The DDL that takes the schema from version v − 1 to v. */
    private static List<String> migration(int v) {
        // version 2: J_total (nullable: runs stored before it have none)
        if (v == 2) return List.of("ALTER TABLE runs ADD COLUMN objective_total DOUBLE");
        if (v != 1) throw new IllegalStateException("no migration to schema version " + v);
        StringBuilder runs = new StringBuilder("CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, sweep VARCHAR NOT NULL, "
                + "condition_id VARCHAR NOT NULL, seed INTEGER NOT NULL, master_seed BIGINT NOT NULL, node VARCHAR NOT NULL, "
                + "status VARCHAR NOT NULL CHECK (status IN ('ok', 'diverged')), wall_ms DOUBLE NOT NULL, "
                + "steps BIGINT NOT NULL, mean_loss DOUBLE, mean_excess_loss DOUBLE, objective DOUBLE, "
                + "switches INTEGER NOT NULL, resets INTEGER NOT NULL, detections INTEGER NOT NULL, "
                + "mean_detection_delay DOUBLE, false_alarms INTEGER NOT NULL, missed_switches INTEGER NOT NULL, "
                + "final_distance DOUBLE, diverged BOOLEAN NOT NULL, diverged_at_step BIGINT NOT NULL)");
        return List.of(
                "CREATE TABLE schema_version (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL)",
                "CREATE TABLE sweeps (name VARCHAR NOT NULL, config_sha256 VARCHAR NOT NULL, config_text VARCHAR NOT NULL, "
                        + "version VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL, swept_keys VARCHAR[] NOT NULL, "
                        + "planned_runs INTEGER NOT NULL, PRIMARY KEY (name, config_sha256))",
                "CREATE TABLE params (key VARCHAR PRIMARY KEY, column_name VARCHAR NOT NULL UNIQUE, "
                        + "type VARCHAR NOT NULL CHECK (type IN ('DOUBLE', 'VARCHAR')), position INTEGER NOT NULL)",
                runs.toString(),
                "CREATE TABLE curves (run_id VARCHAR NOT NULL, kind VARCHAR NOT NULL CHECK (kind IN ("
                        + java.util.Arrays.stream(CurveKind.values()).map(k -> "'" + k.sqlName() + "'")
                                .collect(java.util.stream.Collectors.joining(", "))
                        + ")), idx INTEGER NOT NULL, value DOUBLE)",
                "CREATE TABLE t_quantiles (df INTEGER PRIMARY KEY, q975 DOUBLE NOT NULL)");
    }

    private void loadParams() throws SQLException {
        params.clear();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, column_name, type, position FROM params ORDER BY position")) {
            while (rs.next()) {
                params.put(rs.getString(1), new ParamColumn(rs.getString(1), rs.getString(2),
                        "DOUBLE".equals(rs.getString(3)), rs.getInt(4)));
            }
        }
    }

    /** Student-t 97.5% quantiles for df in [from, to], inside the caller's transaction. */
    private void fillTQuantiles(int from, int to) throws SQLException {
        if (to < from) return;
        Double[] dfs = new Double[to - from + 1];
        Double[] qs = new Double[dfs.length];
        for (int df = from; df <= to; df++) {
            dfs[df - from] = (double) df;
            qs[df - from] = new TDistribution(null, df).inverseCumulativeProbability(0.975);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t_quantiles SELECT CAST(d AS INTEGER), q "
                + "FROM (SELECT unnest(CAST(? AS DOUBLE[])) AS d, unnest(CAST(? AS DOUBLE[])) AS q)")) {
            ps.setArray(1, conn.createArrayOf("DOUBLE", dfs));
            ps.setArray(2, conn.createArrayOf("DOUBLE", qs));
            ps.executeUpdate();
        }
        tCoverage = to;
    }

    /** The view's SQL depends on the parameter columns, so it is rebuilt whenever they change. */
    private void recreateStatsView() throws SQLException {
        StringBuilder cond = new StringBuilder("SELECT condition_id, string_agg(DISTINCT sweep, ',' ORDER BY sweep) AS sweeps");
        for (ParamColumn p : params.values()) {
            cond.append(", any_value(").append(quote(p.column())).append(") AS ").append(quote(p.column()));
        }
        cond.append(", count(*) AS runs, count(*) FILTER (WHERE status = 'diverged') AS diverged_runs FROM runs GROUP BY condition_id");
        StringBuilder names = new StringBuilder();
        StringBuilder longForm = new StringBuilder();
        for (Metric m : Metric.values()) {
            if (names.length() > 0) {
                names.append(", ");
                longForm.append(" UNION ALL ");
            }
            names.append("('").append(m.column()).append("', ").append(m.ordinal()).append(")");
            longForm.append("SELECT condition_id, '").append(m.column()).append("' AS metric, CAST(")
                    .append(m.column()).append(" AS DOUBLE) AS value FROM runs WHERE status = 'ok'");
        }
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE VIEW condition_stats AS WITH cond AS (").append(cond)
                .append("), long_form AS (").append(longForm)
                .append("), agg AS (SELECT condition_id, metric, count(value) AS n, avg(value) AS mean, "
                        + "stddev_samp(value) AS sd, median(value) AS median FROM long_form GROUP BY condition_id, metric) "
                        + "SELECT c.sweeps, c.condition_id");
        for (ParamColumn p : params.values()) sql.append(", c.").append(quote(p.column()));
        sql.append(", m.metric, c.runs, c.diverged_runs, coalesce(a.n, 0) AS n, a.mean, a.sd, a.sd / sqrt(a.n) AS se, "
                + "a.mean - t.q975 * a.sd / sqrt(a.n) AS ci_low, a.mean + t.q975 * a.sd / sqrt(a.n) AS ci_high, a.median "
                + "FROM cond c CROSS JOIN (VALUES ").append(names).append(") m(metric, metric_order) "
                + "LEFT JOIN agg a ON a.condition_id = c.condition_id AND a.metric = m.metric "
                + "LEFT JOIN t_quantiles t ON t.df = a.n - 1");
        execute(sql.toString());
    }

    // ---------------------------------------------------------------- ResultSink

    @Override
    public synchronized void beginSweep(SweepSpec sweep) {
        checkWritable();
        try {
            String sha = sha256(sweep.configText());
            boolean known;
            try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM sweeps WHERE name = ? AND config_sha256 = ?")) {
                ps.setString(1, sweep.name());
                ps.setString(2, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    known = rs.getLong(1) > 0;
                }
            }
            if (!known) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO sweeps VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?)")) {
                    ps.setString(1, sweep.name());
                    ps.setString(2, sha);
                    ps.setString(3, sweep.configText());
                    ps.setString(4, toolVersion());
                    ps.setString(5, Instant.now().toString());
                    ps.setArray(6, conn.createArrayOf("VARCHAR", sweep.sweptKeys().toArray()));
                    ps.setInt(7, sweep.runs().size());
                    ps.executeUpdate();
                }
            }
            ensureParamColumns(sweep.sweptKeys(), sweep.runs());
            conn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException(file, "cannot record sweep '" + sweep.name() + "' (" + firstLine(e.getMessage()) + ")", e);
        }
        for (RunSpec r : sweep.runs()) sweepOfRun.put(r.runId(), sweep.name());
    }

    @Override
    public synchronized Set<String> storedRunIds(SweepSpec sweep) {
        Set<String> all = storedIds();
        Set<String> mine = new LinkedHashSet<>();
        for (RunSpec r : sweep.runs()) {
            if (all.contains(r.runId())) mine.add(r.runId());
        }
        return Collections.unmodifiableSet(mine);
    }

    /**
     * Stores {@code result} with the swept values of {@code spec} in one transaction, committed on return; a
     * no-op when its run id is already stored. The run must belong to a sweep begun on this store
     * (IllegalStateException otherwise); {@code spec.runId()} must equal {@code result.runId()}.
     */
    @Override
    public synchronized void accept(RunSpec spec, RunResult result) {
        acceptAll(List.of(new Entry(spec, result)));
    }

    /**
     * Stores every entry not already stored in ONE transaction, committed on return: all of them or, when
     * anything fails, none (StoreException; the store is as before the call, bar parameter columns a new key
     * needed, which commit on their own). Entries already stored, or repeating a run id earlier in the list, are
     * skipped. Every entry is checked before anything is written: each run must belong to a sweep begun on this
     * store (IllegalStateException) and its spec's run id must equal its result's (IllegalArgumentException).
     * One commit per batch is the point: a DuckDB commit costs milliseconds (WAL write and fsync), far more
     * than inserting one run's rows.
     */
    @Override
    public synchronized void acceptAll(List<Entry> entries) {
        checkWritable();
        List<Entry> fresh = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        Set<String> stored = storedIds();
        for (Entry e : entries) {
            String runId = e.result().runId();
            if (!e.spec().runId().equals(runId)) {
                throw new IllegalArgumentException("result runId " + runId + " does not match spec runId " + e.spec().runId());
            }
            if (stored.contains(runId) || !seen.add(runId)) continue;
            if (!sweepOfRun.containsKey(runId)) {
                throw new IllegalStateException("run " + runId + " belongs to no sweep begun on " + file);
            }
            fresh.add(e);
        }
        if (fresh.isEmpty()) return;
        try {
            // schema changes (rare) commit on their own, so a failing batch cannot roll them back
            List<RunSpec> specs = new ArrayList<>(fresh.size());
            for (Entry e : fresh) specs.add(e.spec());
            boolean changed = ensureParamColumns(List.of(), specs);
            if (stored.size() + fresh.size() > tCoverage) {
                fillTQuantiles(tCoverage + 1, Math.max(2 * tCoverage, stored.size() + fresh.size()));
                changed = true;
            }
            if (changed) conn.commit();
            int rows = insertRuns(fresh);
            // storedIds mirrors the table (the file is locked to this process), so a conflict means corruption
            if (rows != fresh.size()) {
                throw new SQLException("runs insert wrote " + rows + " rows, expected " + fresh.size()
                        + ": some runs are in the table but were not known as stored");
            }
            insertCurves(fresh);
            conn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            closeInserts(); // DuckDB closes a statement that failed; the next batch prepares them afresh
            String what = fresh.size() == 1 ? "run " + fresh.get(0).result().runId()
                    : fresh.size() + " runs (" + fresh.get(0).result().runId() + " ...; none stored)";
            throw new StoreException(file, "cannot store " + what + " (" + firstLine(e.getMessage()) + ")", e);
        }
        for (Entry e : fresh) stored.add(e.result().runId());
    }

    /** SQL types of {@link #FIXED_RUN_COLUMNS}, in the same order. */
    private static final List<String> FIXED_RUN_TYPES = List.of("VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "BIGINT",
            "VARCHAR", "VARCHAR", "DOUBLE", "BIGINT", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "INTEGER", "INTEGER", "INTEGER",
            "DOUBLE", "INTEGER", "INTEGER", "DOUBLE", "BOOLEAN", "BIGINT");

    /**
     * Inserts the runs rows of a batch (this opens the transaction the curves join): one statement per set of
     * parameter columns (one in a sweep), each column passed as a list and unnested, as statements cost far
     * more than rows here. Returns the rows written (fewer than the batch when an id was already there).
     */
    private int insertRuns(List<Entry> batch) throws SQLException {
        Map<List<String>, List<Entry>> bySignature = new LinkedHashMap<>();
        Map<List<String>, List<ParamColumn>> columnsOf = new HashMap<>();
        for (Entry e : batch) {
            List<ParamColumn> cols = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (SweptValue v : e.spec().params()) if (keys.add(v.key())) cols.add(params.get(v.key()));
            List<String> signature = new ArrayList<>();
            for (ParamColumn c : cols) signature.add(c.column());
            bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(e);
            columnsOf.putIfAbsent(signature, cols);
        }
        int rows = 0;
        for (Map.Entry<List<String>, List<Entry>> g : bySignature.entrySet()) {
            rows += insertRuns(g.getValue(), columnsOf.get(g.getKey()), g.getKey());
        }
        return rows;
    }

    private int insertRuns(List<Entry> group, List<ParamColumn> cols, List<String> signature) throws SQLException {
        PreparedStatement ps = inserts.get(signature);
        if (ps == null) {
            List<String> names = new ArrayList<>(FIXED_RUN_COLUMNS);
            names.addAll(signature);
            List<String> types = new ArrayList<>(FIXED_RUN_TYPES);
            for (ParamColumn c : cols) types.add(c.numeric() ? "DOUBLE" : "VARCHAR");
            StringBuilder sql = new StringBuilder("INSERT INTO runs (");
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
                select.append(i == 0 ? "" : ", ").append("unnest(CAST(? AS ").append(types.get(i)).append("[]))");
            }
            sql.append(") SELECT ").append(select).append(" ON CONFLICT DO NOTHING");
            ps = conn.prepareStatement(sql.toString());
            inserts.put(signature, ps);
        }
        int n = group.size();
        String[] runId = new String[n], sweep = new String[n], condition = new String[n], node = new String[n],
                status = new String[n];
        Integer[] seed = new Integer[n], switches = new Integer[n], resets = new Integer[n], detections = new Integer[n],
                falseAlarms = new Integer[n], missed = new Integer[n];
        Long[] masterSeed = new Long[n], steps = new Long[n], divergedAt = new Long[n];
        Double[] wallMs = new Double[n], meanLoss = new Double[n], meanExcess = new Double[n], objective = new Double[n],
                objectiveTotal = new Double[n],
                delay = new Double[n], finalDistance = new Double[n];
        Boolean[] diverged = new Boolean[n];
        Object[][] paramValues = new Object[cols.size()][];
        for (int c = 0; c < cols.size(); c++) paramValues[c] = cols.get(c).numeric() ? new Double[n] : new String[n];
        for (int j = 0; j < n; j++) {
            RunSpec spec = group.get(j).spec();
            RunResult r = group.get(j).result();
            RunMetrics m = r.metrics();
            runId[j] = r.runId();
            sweep[j] = sweepOfRun.get(r.runId());
            condition[j] = r.conditionId();
            seed[j] = r.seed();
            masterSeed[j] = spec.masterSeed();
            node[j] = r.node();
            status[j] = m.diverged() ? "diverged" : "ok";
            wallMs[j] = r.wallNanos() / 1e6;
            steps[j] = m.steps();
            meanLoss[j] = nullIfNaN(m.meanLoss());
            meanExcess[j] = nullIfNaN(m.meanExcessLoss());
            objective[j] = nullIfNaN(m.objective());
            objectiveTotal[j] = nullIfNaN(m.objectiveTotal());
            switches[j] = m.switches();
            resets[j] = m.resets();
            detections[j] = m.detections();
            delay[j] = nullIfNaN(m.meanDetectionDelay());
            falseAlarms[j] = m.falseAlarms();
            missed[j] = m.missedSwitches();
            finalDistance[j] = nullIfNaN(m.finalDistance());
            diverged[j] = m.diverged();
            divergedAt[j] = m.divergedAtStep();
            Map<String, String> values = new HashMap<>(); // a key given twice: its last value, as the config reads
            for (SweptValue v : spec.params()) values.put(v.key(), v.value());
            for (int c = 0; c < cols.size(); c++) {
                String v = values.get(cols.get(c).key());
                paramValues[c][j] = cols.get(c).numeric() ? (Object) Double.parseDouble(v) : v;
            }
        }
        Object[][] columns = {runId, sweep, condition, seed, masterSeed, node, status, wallMs, steps, meanLoss,
                meanExcess, objective, objectiveTotal, switches, resets, detections, delay, falseAlarms, missed, finalDistance,
                diverged, divergedAt};
        int i = 1;
        for (int c = 0; c < columns.length; c++) ps.setArray(i++, conn.createArrayOf(FIXED_RUN_TYPES.get(c), columns[c]));
        for (int c = 0; c < cols.size(); c++) {
            ps.setArray(i++, conn.createArrayOf(cols.get(c).numeric() ? "DOUBLE" : "VARCHAR", paramValues[c]));
        }
        return ps.executeUpdate();
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Inserts all curves of the batch's runs with one statement (four parallel lists unnested), inside the
     * transaction the runs inserts opened. Not DuckDB's Appender: with JDBC 1.4.4 an appender used inside an
     * explicit transaction made later inserts on the connection vanish at random (seen in this store's tests).
     */
    private void insertCurves(List<Entry> batch) throws SQLException {
        int total = 0;
        for (Entry e : batch) {
            RunMetrics m = e.result().metrics();
            total += m.binnedLoss().length + m.binnedExcessLoss().length + m.alignedExcessLoss().length
                    + m.switchSteps().length + m.resetSteps().length + m.effectiveRank().length + m.deadFraction().length;
        }
        if (total == 0) return;
        String[] runIds = new String[total];
        String[] kinds = new String[total];
        Integer[] idx = new Integer[total];
        Double[] values = new Double[total];
        int at = 0;
        for (Entry e : batch) {
            RunMetrics m = e.result().metrics();
            int from = at;
            at = fill(kinds, idx, values, at, CurveKind.BINNED_LOSS, m.binnedLoss());
            at = fill(kinds, idx, values, at, CurveKind.BINNED_EXCESS, m.binnedExcessLoss());
            at = fill(kinds, idx, values, at, CurveKind.ALIGNED_EXCESS, m.alignedExcessLoss());
            at = fill(kinds, idx, values, at, CurveKind.SWITCH, m.switchSteps());
            at = fill(kinds, idx, values, at, CurveKind.RESET, m.resetSteps());
            at = fill(kinds, idx, values, at, CurveKind.EFFECTIVE_RANK, m.effectiveRank());
            at = fill(kinds, idx, values, at, CurveKind.DEAD_FRACTION, m.deadFraction());
            java.util.Arrays.fill(runIds, from, at, e.result().runId());
        }
        if (curvesInsert == null) {
            curvesInsert = conn.prepareStatement("INSERT INTO curves SELECT unnest(CAST(? AS VARCHAR[])), "
                    + "unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS DOUBLE[]))");
        }
        curvesInsert.setArray(1, conn.createArrayOf("VARCHAR", runIds));
        curvesInsert.setArray(2, conn.createArrayOf("VARCHAR", kinds));
        curvesInsert.setArray(3, conn.createArrayOf("INTEGER", idx));
        curvesInsert.setArray(4, conn.createArrayOf("DOUBLE", values));
        int rows = curvesInsert.executeUpdate();
        if (rows != total) throw new SQLException("curves insert wrote " + rows + " rows, expected " + total);
    }

    private static int fill(String[] kinds, Integer[] idx, Double[] values, int at, CurveKind kind, double[] curve) {
        for (int i = 0; i < curve.length; i++, at++) {
            kinds[at] = kind.sqlName();
            idx[at] = i;
            values[at] = Double.isNaN(curve[i]) ? null : curve[i];
        }
        return at;
    }

    private static int fill(String[] kinds, Integer[] idx, Double[] values, int at, CurveKind kind, long[] steps) {
        for (int i = 0; i < steps.length; i++, at++) {
            kinds[at] = kind.sqlName();
            idx[at] = i;
            values[at] = (double) steps[i];
        }
        return at;
    }

    /**
     * Gives every parameter key in {@code keys} and in the runs' params a column, typed DOUBLE while all its
     * values are numbers, widening an existing DOUBLE column to VARCHAR when a text value arrives. Inside the
     * caller's transaction; rebuilds the statistics view when anything changed, and says whether it did.
     */
    private boolean ensureParamColumns(List<String> keys, List<RunSpec> runs) throws SQLException {
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (String k : keys) numeric.putIfAbsent(k, Boolean.TRUE);
        for (RunSpec r : runs) {
            for (SweptValue v : r.params()) {
                boolean isNumber = NUMBER.matcher(v.value().trim()).matches();
                numeric.merge(v.key(), isNumber, Boolean::logicalAnd);
            }
        }
        boolean changed = false;
        for (Map.Entry<String, Boolean> e : numeric.entrySet()) {
            ParamColumn have = params.get(e.getKey());
            if (have == null) {
                ParamColumn col = new ParamColumn(e.getKey(), columnNameFor(e.getKey()), e.getValue(), params.size());
                execute("ALTER TABLE runs ADD COLUMN " + quote(col.column()) + (col.numeric() ? " DOUBLE" : " VARCHAR"));
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO params VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, col.key());
                    ps.setString(2, col.column());
                    ps.setString(3, col.numeric() ? "DOUBLE" : "VARCHAR");
                    ps.setInt(4, col.position());
                    ps.executeUpdate();
                }
                params.put(col.key(), col);
                changed = true;
            } else if (have.numeric() && !e.getValue()) {
                execute("ALTER TABLE runs ALTER COLUMN " + quote(have.column()) + " TYPE VARCHAR");
                try (PreparedStatement ps = conn.prepareStatement("UPDATE params SET type = 'VARCHAR' WHERE key = ?")) {
                    ps.setString(1, have.key());
                    ps.executeUpdate();
                }
                params.put(have.key(), new ParamColumn(have.key(), have.column(), false, have.position()));
                changed = true;
            }
        }
        if (changed) {
            closeInserts();
            recreateStatsView();
        }
        return changed;
    }

    private String columnNameFor(String key) {
        String name = key;
        for (int attempt = 0; clashes(name); attempt++) name = "param." + key + (attempt == 0 ? "" : "." + attempt);
        return name;
    }

    private boolean clashes(String name) {
        for (String fixed : FIXED_RUN_COLUMNS) {
            if (fixed.equalsIgnoreCase(name)) return true;
        }
        for (ParamColumn p : params.values()) {
            if (p.column().equalsIgnoreCase(name)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reading

    /** The sweeps begun on this store, oldest first. */
    public synchronized List<SweepRecord> sweeps() {
        checkOpen();
        List<SweepRecord> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, config_sha256, config_text, version, created_at, swept_keys, "
                     + "planned_runs FROM sweeps ORDER BY created_at, name")) {
            while (rs.next()) {
                List<String> keys = new ArrayList<>();
                Array arr = rs.getArray(6);
                for (Object o : (Object[]) arr.getArray()) keys.add((String) o);
                Instant created = rs.getObject(5, OffsetDateTime.class).toInstant();
                out.add(new SweepRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        created, keys, rs.getInt(7)));
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return out;
    }

    /** The swept parameters with a column in {@code runs}, in position order. */
    public synchronized List<ParamColumn> paramColumns() {
        checkOpen();
        return List.copyOf(params.values());
    }

    /** The number of stored runs. */
    public synchronized int runCount() {
        checkOpen();
        try {
            return queryInt("SELECT count(*) FROM runs");
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** Every stored run with its curves, ordered by run id. Allocates all of them. */
    public synchronized List<StoredRun> runs() {
        return readRuns(null);
    }

    /** The stored run {@code runId}, if any. */
    public synchronized Optional<StoredRun> run(String runId) {
        List<StoredRun> one = readRuns(runId);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private List<StoredRun> readRuns(String onlyRunId) {
        checkOpen();
        Map<String, Map<CurveKind, TreeMap<Integer, Double>>> curves = new HashMap<>();
        String where = onlyRunId == null ? "" : " WHERE run_id = ?";
        try (PreparedStatement ps = conn.prepareStatement("SELECT run_id, kind, idx, value FROM curves" + where)) {
            if (onlyRunId != null) ps.setString(1, onlyRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(4);
                    if (rs.wasNull()) v = Double.NaN;
                    curves.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(CurveKind.ofSqlName(rs.getString(2)), k -> new TreeMap<>())
                            .put(rs.getInt(3), v);
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        List<StoredRun> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < FIXED_RUN_COLUMNS.size(); i++) sql.append(i == 0 ? "" : ", ").append(quote(FIXED_RUN_COLUMNS.get(i)));
        for (ParamColumn p : params.values()) sql.append(", ").append(quote(p.column()));
        sql.append(" FROM runs").append(where).append(" ORDER BY run_id");
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            if (onlyRunId != null) ps.setString(1, onlyRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String runId = rs.getString("run_id");
                    Map<CurveKind, TreeMap<Integer, Double>> c = curves.getOrDefault(runId, Map.of());
                    RunMetrics m = new RunMetrics(rs.getLong("steps"), nullableDouble(rs, "mean_loss"),
                            nullableDouble(rs, "mean_excess_loss"), nullableDouble(rs, "objective"),
                            nullableDouble(rs, "objective_total"),
                            rs.getInt("switches"), rs.getInt("resets"), rs.getInt("detections"),
                            nullableDouble(rs, "mean_detection_delay"), rs.getInt("false_alarms"),
                            rs.getInt("missed_switches"), nullableDouble(rs, "final_distance"),
                            rs.getBoolean("diverged"), rs.getLong("diverged_at_step"),
                            doubles(c.get(CurveKind.BINNED_LOSS)), doubles(c.get(CurveKind.BINNED_EXCESS)),
                            doubles(c.get(CurveKind.ALIGNED_EXCESS)), longs(c.get(CurveKind.SWITCH)),
                            longs(c.get(CurveKind.RESET)), doubles(c.get(CurveKind.EFFECTIVE_RANK)),
                            doubles(c.get(CurveKind.DEAD_FRACTION)));
                    long wallNanos = Math.round(rs.getDouble("wall_ms") * 1e6);
                    RunResult r = new RunResult(runId, rs.getString("condition_id"), rs.getInt("seed"), m, wallNanos,
                            rs.getString("node"));
                    Map<String, Object> values = new LinkedHashMap<>();
                    int col = FIXED_RUN_COLUMNS.size() + 1;
                    for (ParamColumn p : params.values()) {
                        Object v = p.numeric() ? (Object) rs.getDouble(col) : rs.getString(col);
                        if (!rs.wasNull()) values.put(p.key(), v);
                        col++;
                    }
                    out.add(new StoredRun(rs.getString("sweep"), r, values));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return out;
    }

    private static double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static double[] doubles(TreeMap<Integer, Double> byIndex) {
        if (byIndex == null) return new double[0];
        double[] out = new double[byIndex.size()];
        int i = 0;
        for (double v : byIndex.values()) out[i++] = v;
        return out;
    }

    private static long[] longs(TreeMap<Integer, Double> byIndex) {
        if (byIndex == null) return new long[0];
        long[] out = new long[byIndex.size()];
        int i = 0;
        for (double v : byIndex.values()) out[i++] = (long) v;
        return out;
    }

    /**
     * Writes {@code table} to {@code target} in {@code format} with DuckDB's COPY (the target is overwritten;
     * callers wanting atomicity write to a temporary sibling and move it).
     */
    public synchronized void copyTo(StoreTable table, Path target, CopyFormat format) {
        checkOpen();
        String path = target.toAbsolutePath().toString().replace("'", "''");
        try {
            execute("COPY (" + table.query() + ") TO '" + path + "' " + format.options());
            if (!readOnly) conn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException(file, "cannot export " + table.name().toLowerCase(Locale.ROOT) + " to " + target
                    + " (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Set<String> storedIds() {
        checkOpen();
        if (storedIds == null) {
            Set<String> ids = new HashSet<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id FROM runs")) {
                while (rs.next()) ids.add(rs.getString(1));
            } catch (SQLException e) {
                throw readFailure(e);
            }
            storedIds = ids;
        }
        return storedIds;
    }

    private StoreException readFailure(SQLException e) {
        return new StoreException(file, "cannot read (" + firstLine(e.getMessage()) + ")", e);
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("results store " + file + " is closed");
    }

    private void checkWritable() {
        checkOpen();
        if (readOnly) throw new IllegalStateException("results store " + file + " was opened read-only");
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private int queryInt(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void rollbackQuietly() {
        try {
            if (!conn.getAutoCommit()) conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller must see
        }
    }

    private void closeInserts() {
        for (PreparedStatement ps : inserts.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // a statement that cannot close holds nothing we still need
            }
        }
        inserts.clear();
        if (curvesInsert != null) {
            try {
                curvesInsert.close();
            } catch (SQLException ignored) {
                // as above
            }
            curvesInsert = null;
        }
    }

    private void closeQuietly() {
        closeInserts();
        try {
            conn.close();
        } catch (SQLException ignored) {
            // already failing
        }
        closed = true;
    }

    /** Closes the connection; committed results are durable. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closeInserts();
        try {
            if (!readOnly) conn.commit();
            conn.close();
        } catch (SQLException e) {
            throw new StoreException(file, "cannot close (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            closed = true;
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The driftlab version recorded with each sweep (from the build). */
    static String toolVersion() {
        try (InputStream in = ResultStore.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
