package org.driftlab.results.store;

/** What {@link ResultStore#copyTo} can write out: the runs, the curves, or the per-condition statistics view. */
public enum StoreTable {
    RUNS("SELECT * FROM runs ORDER BY sweep, condition_id, seed, run_id"),
    CURVES("SELECT * FROM curves ORDER BY run_id, kind, idx"),
    STATS("SELECT * FROM condition_stats ORDER BY condition_id, metric");

    private final String query;

    StoreTable(String query) {
        this.query = query;
    }

    String query() {
        return query;
    }
}
