package org.driftlab.results.store;

/** The per-run curves kept in the {@code curves} table, by their {@code kind} value. */
public enum CurveKind {
    /** RunMetrics.binnedLoss: mean loss per bin of consecutive steps. */
    BINNED_LOSS("binned_loss"),
    /** RunMetrics.binnedExcessLoss: mean excess loss per bin. */
    BINNED_EXCESS("binned_excess"),
    /** RunMetrics.alignedExcessLoss: mean excess loss at lag idx after a true switch. */
    ALIGNED_EXCESS("aligned_excess"),
    /** RunMetrics.switchSteps: the steps of the true task switches. */
    SWITCH("switch"),
    /** RunMetrics.resetSteps: the steps at which a reset fired. */
    RESET("reset"),
    /** RunMetrics.effectiveRank: effective rank of the MLP's hidden representation at each bin end. */
    EFFECTIVE_RANK("effective_rank"),
    /** RunMetrics.deadFraction: fraction of dead hidden units at each bin end. */
    DEAD_FRACTION("dead_fraction");

    private final String sqlName;

    CurveKind(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The value of the {@code kind} column. */
    public String sqlName() {
        return sqlName;
    }

    /** The kind whose {@link #sqlName()} is {@code name}; IllegalArgumentException naming it otherwise. */
    public static CurveKind ofSqlName(String name) {
        for (CurveKind k : values()) {
            if (k.sqlName.equals(name)) return k;
        }
        throw new IllegalArgumentException("unknown curve kind '" + name + "'");
    }
}
