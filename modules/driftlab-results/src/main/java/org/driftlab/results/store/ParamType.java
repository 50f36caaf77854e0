package org.driftlab.results.store;

/**
 * The SQL type of a parameter column, from the values' own types in the resolved config: integers BIGINT,
 * other numbers DOUBLE, booleans BOOLEAN, strings and lists (as canonical JSON) VARCHAR. A column whose
 * values differ in type takes the narrowest type that holds them all ({@link #join}): BIGINT widens to DOUBLE,
 * anything else mixed to VARCHAR.
 */
public enum ParamType {
    BIGINT,
    DOUBLE,
    BOOLEAN,
    VARCHAR;

    /** The narrowest type holding values of both types. */
    public ParamType join(ParamType other) {
        if (this == other) return this;
        if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) return DOUBLE;
        return VARCHAR;
    }

    /** The type of one value as {@link ConditionParams} gives it. */
    static ParamType of(Object value) {
        if (value instanceof Long) return BIGINT;
        if (value instanceof Double) return DOUBLE;
        if (value instanceof Boolean) return BOOLEAN;
        return VARCHAR;
    }

    /** {@code value} as an element of a JDBC array of this type. */
    Object convert(Object value) {
        if (value == null) return null;
        return switch (this) {
            case DOUBLE -> ((Number) value).doubleValue();
            case VARCHAR -> value instanceof Double d ? ConditionParams.render(d) : value.toString();
            default -> value;
        };
    }
}
