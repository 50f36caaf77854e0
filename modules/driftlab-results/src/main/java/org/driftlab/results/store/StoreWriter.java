package org.driftlab.results.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.ResultSink.Entry;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.ConditionLabels;
import org.driftlab.core.spec.ConfigProblems;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;

/**
 * Writes sweeps and runs (package docs): a sweep's record, its conditions' typed parameters and the list of
 * its runs at {@link #beginSweep}; each batch of runs with their curves in one transaction at
 * {@link #acceptAll}. Every statement is built from {@link RunColumns} and the {@link ParamColumns}; nothing
 * lists the metrics. Not thread-safe (the store synchronizes).
 */
final class StoreWriter {
    private final StoreDb db;
    private final ParamColumns params;
    private final Map<String, String> sweepOfRun = new HashMap<>();
    /**
     * Where each begun condition's parameters come from, by condition id: its canonical config (a String, or a
     * {@link Mismatched} when the run spec also names a mis-set belief) or, in a hand-built sweep, its swept values
     * (a List of SweptValue); all are held by the sweep anyway. The
     * parsed leaves are cached for the conditions in use only: a sweep may have 10^5 conditions of ~40 leaves.
     */
    private final Map<String, Object> sourceOf = new HashMap<>();
    /** A condition's label (ConditionLabels): not part of its config, stored as the parameter {@code label}. */
    private final Map<String, String> labelOf = new HashMap<>();

    private final Map<String, Map<String, Object>> leavesCache = new LinkedHashMap<>(LEAVES_CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > LEAVES_CACHED;
        }
    };
    private static final int LEAVES_CACHED = 1024;
    private final Map<List<String>, PreparedStatement> inserts = new HashMap<>();
    private PreparedStatement curvesInsert;
    private Set<String> storedIds;

    StoreWriter(StoreDb db, ParamColumns params) {
        this.db = db;
        this.params = params;
    }

    /**
     * Records {@code sweep} (once per name and config text), its runs and its conditions; commits (new
     * parameter columns commit on their own first, so a later failure cannot roll them back).
     */
    void beginSweep(SweepSpec sweep) throws SQLException {
        String sha = sha256(sweep.configText());
        db.update(
                "INSERT INTO sweeps VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?) ON CONFLICT DO NOTHING",
                sweep.name(),
                sha,
                sweep.configText(),
                toolVersion(),
                Instant.now().toString(),
                db.conn.createArrayOf("VARCHAR", sweep.sweptKeys().toArray()),
                sweep.runs().size());
        String[] ids = new String[sweep.runs().size()];
        for (int i = 0; i < ids.length; i++) ids[i] = sweep.runs().get(i).runId();
        try (PreparedStatement ps = db.conn.prepareStatement(
                "INSERT INTO sweep_runs SELECT ?, unnest(CAST(? AS VARCHAR[])) " + "ON CONFLICT DO NOTHING")) {
            ps.setString(1, sweep.name());
            ps.setArray(2, db.conn.createArrayOf("VARCHAR", ids));
            ps.executeUpdate();
        }
        registerConditions(sweep, false);
        db.conn.commit();
        for (RunSpec r : sweep.runs()) sweepOfRun.put(r.runId(), sweep.name());
    }

    /**
     * Gives each condition of {@code sweep} its parameter columns and its {@code conditions} row (with its
     * config when the sweep has it); with {@code fillStoredRuns}, also writes the parameters into the runs of
     * those conditions already stored (a store migrated from version 1). Inside the caller's transaction.
     */
    private void registerConditions(SweepSpec sweep, boolean fillStoredRuns) throws SQLException {
        Map<String, RunSpec> firstRun = new LinkedHashMap<>();
        for (RunSpec r : sweep.runs()) firstRun.putIfAbsent(r.conditionId(), r);
        // conditions stored with their config before (a resumed sweep) have their columns: not parsed again
        Set<String> known = new HashSet<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT condition_id FROM conditions WHERE config IS NOT NULL")) {
            while (rs.next()) known.add(rs.getString(1));
        }
        boolean changed = false;
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<String, RunSpec> c : firstRun.entrySet()) {
            String config = sweep.conditionConfigs().get(c.getKey());
            String mismatch = beliefMismatch(c.getValue());
            sourceOf.put(
                    c.getKey(),
                    config == null
                            ? c.getValue().params()
                            : mismatch == null ? config : new Mismatched(config, mismatch));
            labelOf.remove(c.getKey());
            for (SweptValue v : c.getValue().params())
                if (v.key().equals(ConditionLabels.KEY)) labelOf.put(c.getKey(), v.value());
            leavesCache.remove(c.getKey());
            if (known.contains(c.getKey())) continue;
            fresh.add(c.getKey());
            changed |= params.ensure(leavesOf(c.getKey()));
        }
        if (changed) {
            // DuckDB refuses rows written to a table altered in the same transaction: new columns commit first
            db.conn.commit();
            closeInserts();
        }
        for (String id : fresh) {
            db.update(
                    "INSERT INTO conditions VALUES (?, ?) ON CONFLICT (condition_id) DO UPDATE SET config = "
                            + "coalesce(conditions.config, excluded.config)",
                    id,
                    sweep.conditionConfigs().get(id));
            if (fillStoredRuns) fillStoredRuns(id, leavesOf(id));
        }
    }

    /** The parameter leaves of a begun condition (parsed from its source, cached while in use). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> leavesOf(String conditionId) {
        return leavesCache.computeIfAbsent(conditionId, id -> {
            Object source = sourceOf.get(id);
            Map<String, Object> leaves;
            if (source instanceof String config) {
                leaves = ConditionParams.ofConfig(config);
            } else if (source instanceof Mismatched m) {
                leaves = ConditionParams.ofConfig(m.config());
                leaves.put(RunSpec.BELIEF_MISMATCH, m.mismatch());
            } else {
                leaves = ConditionParams.ofSwept((List<SweptValue>) source);
            }
            String label = labelOf.get(id);
            if (label != null) leaves.put(ConditionLabels.KEY, label); // as written: text, never parsed as HOCON
            return leaves;
        });
    }

    /**
     * A canonical config and the {@link RunSpec#BELIEF_MISMATCH} its runs carry: not a config path, so not among
     * the config's leaves, yet a parameter column of the runs (DESIGN §6: a mis-set belief is recorded).
     */
    private record Mismatched(String config, String mismatch) {}

    /** The run's {@link RunSpec#BELIEF_MISMATCH} value, or null when it has none. */
    private static String beliefMismatch(RunSpec run) {
        for (SweptValue v : run.params()) if (v.key().equals(RunSpec.BELIEF_MISMATCH)) return v.value();
        return null;
    }

    private void fillStoredRuns(String conditionId, Map<String, Object> leaves) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (Map.Entry<String, Object> e : leaves.entrySet()) {
            ParamColumn col = params.get(e.getKey());
            if (col == null) continue;
            set.append(set.length() == 0 ? "" : ", ")
                    .append(StoreDb.quote(col.column()))
                    .append(" = CAST(? AS ")
                    .append(col.type())
                    .append(')');
            args.add(col.type().convert(e.getValue()));
        }
        if (set.length() == 0) return;
        args.add(conditionId);
        db.update("UPDATE runs SET " + set + " WHERE condition_id = ?", args.toArray());
    }

    /**
     * Fills the parameters of the runs a version-1 store holds, from each stored sweep's config text where it
     * still loads on its own (a config with includes may not), then drops the version-1 column of a swept
     * block (e.g. {@code reset}, stored as JSON text) once every condition has its leaves. Commits.
     */
    void fillMigratedRuns() throws SQLException {
        List<String[]> sweeps = new ArrayList<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, config_text FROM sweeps ORDER BY created_at, name")) {
            while (rs.next()) sweeps.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] s : sweeps) {
            SweepSpec sweep;
            try {
                sweep = SweepLoader.parse(s[1], s[0] + ".conf");
            } catch (ConfigProblems e) {
                continue; // its runs keep the swept values version 1 stored
            }
            registerConditions(sweep, true);
        }
        db.conn.commit();
        if (db.queryLong("SELECT count(*) FROM conditions WHERE config IS NULL") == 0) {
            for (ParamColumn p : params.all()) {
                boolean block = params.all().stream().anyMatch(q -> q.key().startsWith(p.key() + "."));
                if (block) params.drop(p.key());
            }
            db.conn.commit();
            closeInserts();
        }
    }

    /** Run ids of {@code sweep} already stored. */
    Set<String> storedRunIds(SweepSpec sweep) throws SQLException {
        Set<String> all = storedIds();
        Set<String> mine = new java.util.LinkedHashSet<>();
        for (RunSpec r : sweep.runs()) if (all.contains(r.runId())) mine.add(r.runId());
        return mine;
    }

    /** See {@link ResultStore#acceptAll}. */
    void acceptAll(List<Entry> entries) {
        List<Entry> fresh = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        Set<String> stored;
        try {
            stored = storedIds();
        } catch (SQLException e) {
            throw db.failure("cannot read", e);
        }
        for (Entry e : entries) {
            String runId = e.result().runId();
            if (!e.spec().runId().equals(runId)) {
                throw new IllegalArgumentException("result runId " + runId + " does not match spec runId "
                        + e.spec().runId());
            }
            if (stored.contains(runId) || !seen.add(runId)) continue;
            if (!sweepOfRun.containsKey(runId)) {
                throw new IllegalStateException("run " + runId + " belongs to no sweep begun on " + db.file);
            }
            fresh.add(e);
        }
        if (fresh.isEmpty()) return;
        try {
            int rows = insertRuns(fresh);
            // storedIds mirrors the table (the file is locked to this process), so a conflict means corruption
            if (rows != fresh.size()) {
                throw new SQLException("runs insert wrote " + rows + " rows, expected " + fresh.size()
                        + ": some runs are in the table but were not known as stored");
            }
            insertCurves(fresh);
            db.conn.commit();
        } catch (SQLException e) {
            db.rollbackQuietly();
            closeInserts(); // DuckDB closes a statement that failed; the next batch prepares them afresh
            String what = fresh.size() == 1
                    ? "run " + fresh.get(0).result().runId()
                    : fresh.size() + " runs (" + fresh.get(0).result().runId() + " ...; none stored)";
            throw db.failure("cannot store " + what, e);
        }
        for (Entry e : fresh) stored.add(e.result().runId());
    }

    /**
     * Inserts the runs rows of a batch (this opens the transaction the curves join): one statement per set of
     * parameter columns, each column passed as a list and unnested, as statements cost far more than rows
     * here. Returns the rows written.
     */
    private int insertRuns(List<Entry> batch) throws SQLException {
        Map<List<String>, List<Entry>> byKeys = new LinkedHashMap<>();
        for (Entry e : batch) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, Object> p : leavesOf(e.spec().conditionId()).entrySet()) {
                if (p.getValue() != null) keys.add(p.getKey());
            }
            byKeys.computeIfAbsent(keys, k -> new ArrayList<>()).add(e);
        }
        int rows = 0;
        for (Map.Entry<List<String>, List<Entry>> g : byKeys.entrySet()) rows += insertRuns(g.getValue(), g.getKey());
        return rows;
    }

    private int insertRuns(List<Entry> group, List<String> keys) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (RunColumns.Column c : RunColumns.fixedColumns()) {
            names.add(c.name());
            types.add(c.sqlType());
        }
        for (String k : keys) {
            names.add(params.get(k).column());
            types.add(params.get(k).type().name());
        }
        PreparedStatement ps = inserts.get(keys);
        if (ps == null) {
            StringBuilder sql = new StringBuilder("INSERT INTO runs (");
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(StoreDb.quote(names.get(i)));
                select.append(i == 0 ? "" : ", ")
                        .append("unnest(CAST(? AS ")
                        .append(types.get(i))
                        .append("[]))");
            }
            sql.append(") SELECT ").append(select).append(" ON CONFLICT DO NOTHING");
            ps = db.conn.prepareStatement(sql.toString());
            inserts.put(keys, ps);
        }
        int n = group.size();
        Object[][] columns = new Object[names.size()][n];
        for (int j = 0; j < n; j++) {
            RunSpec spec = group.get(j).spec();
            RunResult r = group.get(j).result();
            RunMetrics m = r.metrics();
            Object[] identity = {
                r.runId(),
                sweepOfRun.get(r.runId()),
                r.conditionId(),
                r.seed(),
                spec.masterSeed(),
                r.node(),
                m.diverged() ? "diverged" : "ok",
                r.wallNanos() / 1e6
            };
            int c = 0;
            for (Object v : identity) columns[c++][j] = v;
            for (RunColumns.Scalar s : RunColumns.SCALARS) columns[c++][j] = s.valueOf(m);
            Map<String, Object> leaves = leavesOf(r.conditionId());
            for (String k : keys) columns[c++][j] = params.get(k).type().convert(leaves.get(k));
        }
        for (int c = 0; c < columns.length; c++) ps.setArray(c + 1, db.conn.createArrayOf(types.get(c), columns[c]));
        return ps.executeUpdate();
    }

    /**
     * Inserts all curves of the batch's runs with one statement (four parallel lists unnested), inside the
     * transaction the runs inserts opened. Not DuckDB's Appender: with JDBC 1.4.4 an appender used inside an
     * explicit transaction made later inserts on the connection vanish at random (seen in this store's tests).
     */
    private void insertCurves(List<Entry> batch) throws SQLException {
        List<double[]> curves = new ArrayList<>(batch.size() * RunColumns.CURVES.size());
        int total = 0;
        for (Entry e : batch) {
            for (RunColumns.Curve c : RunColumns.CURVES) {
                double[] values = c.valuesOf(e.result().metrics());
                curves.add(values);
                total += values.length;
            }
        }
        if (total == 0) return;
        String[] runIds = new String[total];
        String[] kinds = new String[total];
        Integer[] idx = new Integer[total];
        Double[] values = new Double[total];
        int at = 0;
        int k = 0;
        for (Entry e : batch) {
            int from = at;
            for (RunColumns.Curve c : RunColumns.CURVES) {
                double[] curve = curves.get(k++);
                for (int i = 0; i < curve.length; i++, at++) {
                    kinds[at] = c.kind();
                    idx[at] = i;
                    values[at] = Double.isNaN(curve[i]) ? null : curve[i];
                }
            }
            Arrays.fill(runIds, from, at, e.result().runId());
        }
        if (curvesInsert == null) {
            curvesInsert = db.conn.prepareStatement("INSERT INTO curves SELECT unnest(CAST(? AS VARCHAR[])), "
                    + "unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS DOUBLE[]))");
        }
        curvesInsert.setArray(1, db.conn.createArrayOf("VARCHAR", runIds));
        curvesInsert.setArray(2, db.conn.createArrayOf("VARCHAR", kinds));
        curvesInsert.setArray(3, db.conn.createArrayOf("INTEGER", idx));
        curvesInsert.setArray(4, db.conn.createArrayOf("DOUBLE", values));
        int rows = curvesInsert.executeUpdate();
        if (rows != total) throw new SQLException("curves insert wrote " + rows + " rows, expected " + total);
    }

    private Set<String> storedIds() throws SQLException {
        if (storedIds == null) {
            Set<String> ids = new HashSet<>();
            try (Statement st = db.conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT run_id FROM runs")) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            storedIds = ids;
        }
        return storedIds;
    }

    void closeInserts() {
        for (PreparedStatement ps : inserts.values()) closeQuietly(ps);
        inserts.clear();
        if (curvesInsert != null) closeQuietly(curvesInsert);
        curvesInsert = null;
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // a statement that cannot close holds nothing we still need
        }
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
        try (InputStream in = StoreWriter.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
