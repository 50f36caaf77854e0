package org.driftlab.results.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB results store (DESIGN §10; schema in the package docs) and the {@link ResultSink} that fills it:
 * opening, locking and closing here, the schema and its migrations in {@link StoreSchema}, writes in
 * {@link StoreWriter}, reads in {@link StoreReader}.
 *
 * <p>{@link #open} creates or migrates a store for writing; {@link #openReadOnly} opens an existing one for
 * the report and export. Each {@link #acceptAll} (and {@link #accept}, a batch of one) is one transaction
 * holding the batch's run rows and all their curves, committed before it returns; a run id already stored is
 * skipped. Several sweeps may share one store (one process at a time: DuckDB locks the file). Every failure
 * is a {@link StoreException} naming the file.
 *
 * <p>Thread-safe: every method is synchronized on the store (one JDBC connection).
 */
public final class ResultStore implements ResultSink {
    /** The schema version this build writes and reads; older stores are migrated, newer ones refused. */
    public static final int SCHEMA_VERSION = StoreSchema.VERSION;

    private final StoreDb db;
    private final boolean readOnly;
    private ParamColumns params;
    private StoreWriter writer;
    private StoreReader reader;
    private boolean closed;

    private ResultStore(Path file, DuckDBConnection conn, boolean readOnly) {
        this.db = new StoreDb(file, conn);
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
                throw new StoreException(
                        file, "cannot create its directory " + parent + " (" + e.getMessage() + ")", e);
            }
        }
        return new ResultStore(file, connect(file, false), false).initialise();
    }

    /**
     * Opens an existing store for reading only (report, export). StoreException when it does not exist or
     * would need creating or migrating, and for the same faults as {@link #open}.
     */
    public static ResultStore openReadOnly(Path file) {
        if (Files.isDirectory(file)) throw new StoreException(file, "is a directory, not a results store file");
        if (!Files.exists(file)) throw new StoreException(file, "no results store here (the file does not exist)");
        return new ResultStore(file, connect(file, true), true).initialise();
    }

    /** The store file. */
    public Path file() {
        return db.file;
    }

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
        String msg = StoreDb.firstLine(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("not a valid duckdb database file")) return "not a DuckDB database file";
        if (lower.contains("corrupt") || lower.contains("checksum") || lower.contains("could not read enough bytes")) {
            return "corrupt DuckDB file (" + msg + ")";
        }
        if (lower.contains("lock")) return "in use by another process (" + msg + ")";
        return "cannot open (" + msg + ")";
    }

    private ResultStore initialise() {
        try {
            int version = StoreSchema.version(db);
            if (version > SCHEMA_VERSION) {
                throw new StoreException(
                        db.file,
                        "written by a newer driftlab (store schema version " + version + ", this build reads up to "
                                + SCHEMA_VERSION + ")");
            }
            if (readOnly && version < SCHEMA_VERSION) {
                throw new StoreException(
                        db.file,
                        version == 0
                                ? "an empty DuckDB database, not a driftlab results store"
                                : "store schema version " + version + " needs migrating to " + SCHEMA_VERSION
                                        + "; open it for writing once first (run or submit its sweep again: stored runs are skipped)");
            }
            if (version == 0) StoreSchema.create(db);
            else if (version < SCHEMA_VERSION) StoreSchema.migrate(db, version);
            if (!readOnly) StoreSchema.addDeclaredMetricColumns(db);
            params = new ParamColumns(db);
            reader = new StoreReader(db, params);
            if (!readOnly) {
                db.conn.setAutoCommit(false);
                writer = new StoreWriter(db, params);
                if (version > 0 && version < 2) writer.fillMigratedRuns();
            }
            return this;
        } catch (SQLException e) {
            closeQuietly();
            throw new StoreException(db.file, describeOpenFailure(e), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    // ---------------------------------------------------------------- ResultSink

    @Override
    public synchronized void beginSweep(SweepSpec sweep) {
        checkWritable();
        try {
            writer.beginSweep(sweep);
        } catch (SQLException e) {
            db.rollbackQuietly();
            writer.closeInserts();
            throw db.failure("cannot record sweep '" + sweep.name() + "'", e);
        }
    }

    @Override
    public synchronized Set<String> storedRunIds(SweepSpec sweep) {
        checkWritable();
        try {
            return Collections.unmodifiableSet(writer.storedRunIds(sweep));
        } catch (SQLException e) {
            throw db.failure("cannot read", e);
        }
    }

    /**
     * Stores {@code result} with the parameters of {@code spec} in one transaction, committed on return; a
     * no-op when its run id is already stored. The run must belong to a sweep begun on this store
     * (IllegalStateException otherwise); {@code spec.runId()} must equal {@code result.runId()}.
     */
    @Override
    public synchronized void accept(RunSpec spec, RunResult result) {
        acceptAll(List.of(new Entry(spec, result)));
    }

    /**
     * Stores every entry not already stored in ONE transaction, committed on return: all of them or, when
     * anything fails, none (StoreException; the store is as before the call). Entries already stored, or
     * repeating a run id earlier in the list, are skipped. Every entry is checked before anything is written:
     * each run must belong to a sweep begun on this store (IllegalStateException) and its spec's run id must
     * equal its result's (IllegalArgumentException). One commit per batch is the point: a DuckDB commit costs
     * milliseconds (WAL write and fsync), far more than inserting one run's rows.
     */
    @Override
    public synchronized void acceptAll(List<Entry> entries) {
        checkWritable();
        writer.acceptAll(entries);
    }

    // ---------------------------------------------------------------- reading

    /** The sweeps begun on this store, oldest first, with the runs stored of each. */
    public synchronized List<SweepRecord> sweeps() {
        checkOpen();
        try {
            return reader.sweeps();
        } catch (SQLException e) {
            throw db.failure("cannot read", e);
        }
    }

    /** The parameter columns of {@code runs} (every leaf of every stored condition's config), in position order. */
    public synchronized List<ParamColumn> paramColumns() {
        checkOpen();
        return params.all();
    }

    /** The swept keys of the sweeps named {@code sweep} (null: of every sweep), in order of first appearance. */
    public synchronized List<String> sweptKeys(String sweep) {
        List<String> out = new ArrayList<>();
        for (SweepRecord s : sweeps()) {
            if (sweep != null && !s.name().equals(sweep)) continue;
            for (String k : s.sweptKeys()) if (!out.contains(k)) out.add(k);
        }
        return out;
    }

    /** The number of stored runs. */
    public synchronized int runCount() {
        checkOpen();
        try {
            return reader.runCount();
        } catch (SQLException e) {
            throw db.failure("cannot read", e);
        }
    }

    /** Every stored run with its curves, ordered by run id. Allocates all of them. */
    public synchronized List<StoredRun> runs() {
        return runs(null);
    }

    /** The stored runs of the sweeps named {@code sweep} (null: every run), ordered by run id. */
    public synchronized List<StoredRun> runs(String sweep) {
        return read(sweep, null);
    }

    /** The stored run {@code runId}, if any. */
    public synchronized Optional<StoredRun> run(String runId) {
        List<StoredRun> one = read(null, runId);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private List<StoredRun> read(String sweep, String runId) {
        checkOpen();
        try {
            return reader.runs(sweep, runId);
        } catch (SQLException e) {
            throw db.failure("cannot read", e);
        }
    }

    /**
     * Writes {@code table} (of the runs of sweep {@code sweep}, or all when null) to {@code target} in
     * {@code format} with DuckDB's COPY (the target is overwritten; callers wanting atomicity write to a
     * temporary sibling and move it).
     */
    public synchronized void copyTo(StoreTable table, String sweep, Path target, CopyFormat format) {
        checkOpen();
        copy(table.query(sweep), table.name(), target, format);
    }

    /**
     * Writes {@code rows} (each as many values as {@code columns}, of the given SQL types) to {@code target} in
     * {@code format} with DuckDB's COPY, through a temporary table on this connection: the tool's own tables
     * (statistics) leave in the same formats as the store's.
     */
    public synchronized void copyRows(
            List<String> columns, List<String> types, List<Object[]> rows, Path target, CopyFormat format) {
        checkOpen();
        StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TEMP TABLE export_rows (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ")
                    .append(StoreDb.quote(columns.get(i)))
                    .append(' ')
                    .append(types.get(i));
            marks.append(i == 0 ? "?" : ", ?");
        }
        try {
            db.execute(ddl.append(')').toString());
            try (PreparedStatement ps = db.conn.prepareStatement("INSERT INTO export_rows VALUES (" + marks + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) ps.setObject(i + 1, row[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            copy("SELECT * FROM export_rows", "rows", target, format);
            db.execute("DROP TABLE export_rows");
        } catch (SQLException e) {
            db.rollbackQuietly();
            throw db.failure("cannot export to " + target, e);
        }
    }

    private void copy(String query, String what, Path target, CopyFormat format) {
        String path = target.toAbsolutePath().toString().replace("'", "''");
        try {
            db.execute("COPY (" + query + ") TO '" + path + "' " + format.options());
            if (!readOnly) db.conn.commit();
        } catch (SQLException e) {
            db.rollbackQuietly();
            throw db.failure("cannot export " + what.toLowerCase(Locale.ROOT) + " to " + target, e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void checkOpen() {
        if (closed) throw new IllegalStateException("results store " + db.file + " is closed");
    }

    private void checkWritable() {
        checkOpen();
        if (readOnly) throw new IllegalStateException("results store " + db.file + " was opened read-only");
    }

    private void closeQuietly() {
        if (writer != null) writer.closeInserts();
        try {
            db.conn.close();
        } catch (SQLException ignored) {
            // already failing
        }
        closed = true;
    }

    /** Closes the connection; committed results are durable. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        if (writer != null) writer.closeInserts();
        try {
            if (!readOnly) db.conn.commit();
            db.conn.close();
        } catch (SQLException e) {
            throw db.failure("cannot close", e);
        } finally {
            closed = true;
        }
    }
}
