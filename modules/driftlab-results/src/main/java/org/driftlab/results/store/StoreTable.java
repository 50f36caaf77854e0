package org.driftlab.results.store;

/**
 * What {@link ResultStore#copyTo} can write out: the runs or the curves (the per-condition statistics are
 * computed by the tool, not by SQL: see {@code org.driftlab.results.export.Exporter}).
 */
public enum StoreTable {
    RUNS("SELECT * FROM runs", "sweep, condition_id, seed, run_id"),
    CURVES("SELECT * FROM curves", "run_id, kind, idx"),
    STATS(null, null);

    private final String select;
    private final String order;

    StoreTable(String select, String order) {
        this.select = select;
        this.order = order;
    }

    /** The query of this table, of one sweep's runs when {@code sweep} is not null (its name, SQL-quoted). */
    String query(String sweep) {
        if (select == null) throw new IllegalStateException(this + " is not a table of the store");
        String where = sweep == null
                ? ""
                : " WHERE " + StoreReader.IN_SWEEP.replace("?", "'" + sweep.replace("'", "''") + "'");
        return select + where + " ORDER BY " + order;
    }
}
