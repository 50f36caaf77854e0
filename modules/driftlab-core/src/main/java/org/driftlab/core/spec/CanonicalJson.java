package org.driftlab.core.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical rendering of a resolved config tree: concise JSON, object keys sorted, numbers in a form that
 * depends only on their value (so {@code 0.01}, {@code 1e-2} and {@code 1.0E-2} render alike, and {@code 8}
 * and {@code 8.0} too). Condition and run ids are hashes of this text, so it must never change for a given
 * value: integral values below 2^53 render as integers, others as the shortest decimal that reads back to the
 * same double (found with {@link BigDecimal}, not {@link Double#toString}, whose output changed in Java 19).
 */
final class CanonicalJson {
    private static final double EXACT_INTEGERS = 9007199254740992.0; // 2^53

    private CanonicalJson() {}

    /**
     * Renders {@code value}: a {@link Map} with String keys (rendered in sorted order), a {@link List}, a
     * {@link String}, a {@link Boolean}, a {@link Number} (finite), or null.
     */
    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * A number as messages show it: canonical when finite; "Infinity", "-Infinity" or "NaN" otherwise (HOCON
     * reads a literal beyond double range, such as 1e309, as infinite), so that a message never fails.
     */
    static String display(double v) {
        return Double.isFinite(v) ? number(v) : Double.toString(v);
    }

    /** The canonical text of one number (see the class comment). */
    static String number(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("config numbers must be finite, got " + v);
        if (v == Math.rint(v) && Math.abs(v) < EXACT_INTEGERS) return Long.toString((long) v);
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits));
            if (rounded.doubleValue() == v) return rounded.stripTrailingZeros().toString();
        }
        return exact.stripTrailingZeros().toString(); // unreachable: 17 digits always round-trip
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) sorted.put((String) e.getKey(), e.getValue());
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else {
            throw new IllegalArgumentException(
                    "cannot render " + value.getClass().getName() + " canonically");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
