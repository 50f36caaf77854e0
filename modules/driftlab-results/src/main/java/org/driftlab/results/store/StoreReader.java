package org.driftlab.results.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunResult;

/**
 * Reads the store back (package docs): the sweeps with their sizes, and runs with their metrics, curves and
 * typed parameters, all of them or one sweep's. Built from {@link RunColumns} and {@link ParamColumns} like
 * the writer. Not thread-safe (the store synchronizes).
 */
final class StoreReader {
    /** Restricts a query on {@code runs} or {@code curves} to one sweep's runs (its parameter: the name). */
    static final String IN_SWEEP = "run_id IN (SELECT run_id FROM sweep_runs WHERE sweep = ?)";

    private final StoreDb db;
    private final ParamColumns params;

    StoreReader(StoreDb db, ParamColumns params) {
        this.db = db;
        this.params = params;
    }

    List<SweepRecord> sweeps() throws SQLException {
        List<SweepRecord> out = new ArrayList<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT s.name, s.config_sha256, s.config_text, s.version, s.created_at, "
                                + "s.swept_keys, s.planned_runs, (SELECT count(*) FROM sweep_runs w JOIN runs r USING (run_id) "
                                + "WHERE w.sweep = s.name), (SELECT count(DISTINCT r.condition_id) FROM sweep_runs w JOIN runs r "
                                + "USING (run_id) WHERE w.sweep = s.name) FROM sweeps s ORDER BY s.created_at, s.name")) {
            while (rs.next()) {
                List<String> keys = new ArrayList<>();
                Array arr = rs.getArray(6);
                for (Object o : (Object[]) arr.getArray()) keys.add((String) o);
                Instant created = rs.getObject(5, OffsetDateTime.class).toInstant();
                out.add(new SweepRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        created,
                        keys,
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9)));
            }
        }
        return out;
    }

    int runCount() throws SQLException {
        return (int) db.queryLong("SELECT count(*) FROM runs");
    }

    /** The runs of sweep {@code sweep} (null: every run), or the one run {@code runId} (when not null), by run id. */
    List<StoredRun> runs(String sweep, String runId) throws SQLException {
        String where = runId != null ? " WHERE run_id = ?" : sweep != null ? " WHERE " + IN_SWEEP : "";
        String arg = runId != null ? runId : sweep;
        Map<String, List<double[]>> curves = readCurves(where, arg);
        List<RunColumns.Column> fixed = RunColumns.fixedColumns();
        List<ParamColumn> cols = params.all();
        Set<String> present = new HashSet<>();
        try (Statement st = db.conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'runs'")) {
            while (rs.next()) present.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fixed.size(); i++) {
            // a metric declared after this store was last opened for writing: NULL, read as for older runs
            String name = fixed.get(i).name();
            sql.append(i == 0 ? "" : ", ").append(present.contains(name) ? StoreDb.quote(name) : "NULL");
        }
        for (ParamColumn p : cols) sql.append(", ").append(StoreDb.quote(p.column()));
        sql.append(" FROM runs").append(where).append(" ORDER BY run_id");
        List<StoredRun> out = new ArrayList<>();
        try (PreparedStatement ps = db.conn.prepareStatement(sql.toString())) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs, fixed.size(), cols, curves));
            }
        }
        return out;
    }

    private StoredRun read(ResultSet rs, int fixedCount, List<ParamColumn> cols, Map<String, List<double[]>> curves)
            throws SQLException {
        String runId = rs.getString(1);
        int identity = RunColumns.IDENTITY.size();
        Object[] scalars = new Object[RunColumns.SCALARS.size()];
        for (int i = 0; i < scalars.length; i++) scalars[i] = rs.getObject(identity + 1 + i);
        List<double[]> c = curves.get(runId);
        double[][] arrays = new double[RunColumns.CURVES.size()][];
        for (int i = 0; i < arrays.length; i++) arrays[i] = c == null ? new double[0] : c.get(i);
        RunMetrics m = RunColumns.construct(scalars, arrays);
        RunResult r = new RunResult(
                runId, rs.getString(3), rs.getInt(4), m, Math.round(rs.getDouble(8) * 1e6), rs.getString(6));
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            Object v = rs.getObject(fixedCount + 1 + i);
            if (v != null)
                values.put(
                        cols.get(i).key(),
                        v instanceof Number n && cols.get(i).type() == ParamType.BIGINT ? (Object) n.longValue() : v);
        }
        return new StoredRun(rs.getString(2), r, values);
    }

    /** Each run's curves in {@link RunColumns#CURVES} order (empty where it has none). */
    private Map<String, List<double[]>> readCurves(String where, String arg) throws SQLException {
        Map<String, Integer> kindIndex = new HashMap<>();
        for (int i = 0; i < RunColumns.CURVES.size(); i++)
            kindIndex.put(RunColumns.CURVES.get(i).kind(), i);
        Map<String, List<List<Double>>> byRun = new HashMap<>();
        try (PreparedStatement ps = db.conn.prepareStatement(
                "SELECT run_id, kind, value FROM curves" + where + " ORDER BY run_id, kind, idx")) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer k = kindIndex.get(rs.getString(2));
                    if (k == null) continue; // a curve of a metric this build does not declare
                    double v = rs.getDouble(3);
                    if (rs.wasNull()) v = Double.NaN;
                    byRun.computeIfAbsent(rs.getString(1), id -> {
                                List<List<Double>> l = new ArrayList<>();
                                for (int i = 0; i < kindIndex.size(); i++) l.add(new ArrayList<>());
                                return l;
                            })
                            .get(k)
                            .add(v);
                }
            }
        }
        Map<String, List<double[]>> out = new HashMap<>();
        for (Map.Entry<String, List<List<Double>>> e : byRun.entrySet()) {
            List<double[]> arrays = new ArrayList<>();
            for (List<Double> l : e.getValue())
                arrays.add(l.stream().mapToDouble(Double::doubleValue).toArray());
            out.put(e.getKey(), arrays);
        }
        return out;
    }
}
