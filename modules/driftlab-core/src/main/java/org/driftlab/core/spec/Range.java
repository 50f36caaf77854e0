package org.driftlab.core.spec;

/** The allowed ranges of real-valued config numbers, with the wording used in problems and docs. */
public enum Range {
    FINITE("a finite number"),
    POSITIVE("> 0"),
    NON_NEGATIVE(">= 0"),
    /** (0, 1). */
    OPEN_UNIT("in (0, 1)"),
    /** [0, 1). */
    UNIT_FROM_ZERO("in [0, 1)"),
    /** [0, 1]. */
    CLOSED_UNIT("in [0, 1]");

    private final String text;

    Range(String text) {
        this.text = text;
    }

    /** The range as problems and docs word it, e.g. {@code "in (0, 1)"}. */
    public String text() {
        return text;
    }

    /** True when {@code v} is finite and in the range. */
    public boolean contains(double v) {
        if (!Double.isFinite(v)) return false;
        return switch (this) {
            case FINITE -> true;
            case POSITIVE -> v > 0;
            case NON_NEGATIVE -> v >= 0;
            case OPEN_UNIT -> v > 0 && v < 1;
            case UNIT_FROM_ZERO -> v >= 0 && v < 1;
            case CLOSED_UNIT -> v >= 0 && v <= 1;
        };
    }
}
