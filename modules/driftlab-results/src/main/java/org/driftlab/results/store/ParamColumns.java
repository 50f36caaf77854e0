package org.driftlab.results.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter columns of {@code runs}, mirrored from the {@code params} table: one per leaf key seen in the
 * store, typed by its values ({@link ParamType}). Adding a key adds a column; a value of a wider type widens
 * the column (ALTER TABLE, inside the caller's transaction). Not thread-safe.
 */
final class ParamColumns {
    private final StoreDb db;
    private final Map<String, ParamColumn> byKey = new LinkedHashMap<>();

    ParamColumns(StoreDb db) throws SQLException {
        this.db = db;
        try (Statement st = db.conn.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT key, column_name, type, position FROM params ORDER BY position")) {
            while (rs.next()) {
                byKey.put(
                        rs.getString(1),
                        new ParamColumn(
                                rs.getString(1), rs.getString(2), ParamType.valueOf(rs.getString(3)), rs.getInt(4)));
            }
        }
    }

    List<ParamColumn> all() {
        return List.copyOf(byKey.values());
    }

    ParamColumn get(String key) {
        return byKey.get(key);
    }

    /** Gives every key of {@code leaves} a column that holds its value; says whether any column changed. */
    boolean ensure(Map<String, Object> leaves) throws SQLException {
        boolean changed = false;
        for (Map.Entry<String, Object> e : leaves.entrySet()) {
            if (e.getValue() == null) continue;
            ParamType type = ParamType.of(e.getValue());
            ParamColumn have = byKey.get(e.getKey());
            if (have == null) {
                ParamColumn col = new ParamColumn(e.getKey(), columnNameFor(e.getKey()), type, byKey.size());
                db.execute("ALTER TABLE runs ADD COLUMN " + StoreDb.quote(col.column()) + " " + type);
                db.update(
                        "INSERT INTO params VALUES (?, ?, ?, ?)", col.key(), col.column(), type.name(), col.position());
                byKey.put(col.key(), col);
                changed = true;
            } else if (have.type().join(type) != have.type()) {
                ParamType wider = have.type().join(type);
                db.execute("ALTER TABLE runs ALTER COLUMN " + StoreDb.quote(have.column()) + " TYPE " + wider);
                db.update("UPDATE params SET type = ? WHERE key = ?", wider.name(), have.key());
                byKey.put(have.key(), new ParamColumn(have.key(), have.column(), wider, have.position()));
                changed = true;
            }
        }
        return changed;
    }

    /** Drops the column of {@code key} (a v1 column of a swept object, now stored as its leaves). */
    void drop(String key) throws SQLException {
        ParamColumn col = byKey.remove(key);
        if (col == null) return;
        db.execute("ALTER TABLE runs DROP COLUMN " + StoreDb.quote(col.column()));
        db.update("DELETE FROM params WHERE key = ?", key);
    }

    private String columnNameFor(String key) {
        String name = key;
        for (int attempt = 0; clashes(name); attempt++) name = "param." + key + (attempt == 0 ? "" : "." + attempt);
        return name;
    }

    private boolean clashes(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (RunColumns.Column fixed : RunColumns.fixedColumns()) {
            if (fixed.name().equals(lower)) return true;
        }
        for (ParamColumn p : byKey.values()) {
            if (p.column().toLowerCase(Locale.ROOT).equals(lower)) return true;
        }
        return false;
    }
}
