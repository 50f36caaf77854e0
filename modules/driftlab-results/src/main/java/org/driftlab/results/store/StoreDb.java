package org.driftlab.results.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/** The store's one JDBC connection and the SQL plumbing its schema, writer and reader share. Not thread-safe. */
final class StoreDb {
    final Path file;
    final DuckDBConnection conn;

    StoreDb(Path file, DuckDBConnection conn) {
        this.file = file;
        this.conn = conn;
    }

    void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs an update with string parameters. */
    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException(file, what + " (" + firstLine(e.getMessage()) + ")", e);
    }

    void rollbackQuietly() {
        try {
            if (!conn.getAutoCommit()) conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller must see
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
