package org.driftlab.core.check;

import java.util.List;

/**
 * Argument checks for record constructors (STYLE C10.2). Each check names the field and the offending
 * value; the {@code !(…)} form also rejects NaN. Throws {@link IllegalArgumentException}.
 */
public final class Require {
    private Require() {}

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw bad(field, "must be a finite number > 0", value);
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw bad(field, "must be a finite number >= 0", value);
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) throw bad(field, "must be a finite number", value);
        return value;
    }

    /** Open unit interval (0, 1). */
    public static double openUnit(String field, double value) {
        if (!(value > 0 && value < 1)) throw bad(field, "must be in (0, 1)", value);
        return value;
    }

    /** Half-open interval [0, 1). */
    public static double unitFromZero(String field, double value) {
        if (!(value >= 0 && value < 1)) throw bad(field, "must be in [0, 1)", value);
        return value;
    }

    /** Closed unit interval [0, 1]. */
    public static double closedUnit(String field, double value) {
        if (!(value >= 0 && value <= 1)) throw bad(field, "must be in [0, 1]", value);
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) throw new IllegalArgumentException(field + " must be > 0, got " + value);
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) throw new IllegalArgumentException(field + " must be > 0, got " + value);
        return value;
    }

    public static <T> T nonNull(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " must be given");
        return value;
    }

    /** An immutable copy of a list of finite numbers, or null when {@code values} is null. */
    public static List<Double> finiteListOrNull(String field, List<Double> values) {
        if (values == null) return null;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(field + "[" + i + "] must be a finite number, got " + v);
            }
        }
        return List.copyOf(values);
    }

    /** Checks that a list, when given, has exactly {@code length} entries. */
    public static void lengthIfPresent(String field, List<?> values, int length) {
        if (values != null && values.size() != length) {
            throw new IllegalArgumentException(field + " must have " + length + " entries, got " + values.size());
        }
    }

    private static IllegalArgumentException bad(String field, String rule, double value) {
        return new IllegalArgumentException(field + " " + rule + ", got " + value);
    }
}
