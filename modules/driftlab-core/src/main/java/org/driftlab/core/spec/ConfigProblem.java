package org.driftlab.core.spec;

import org.driftlab.core.check.Require;

/**
 * One mistake found in an experiment config (STYLE C10.1): where it is ({@code file}, 1-based
 * {@code line}; 0 when the parser could not tell), which config {@code key} it concerns (a dotted path such
 * as {@code rule.lr}; empty for syntax errors), what kind of mistake it is, and a message for a person.
 */
public record ConfigProblem(String file, int line, String key, Kind kind, String message) {
    /** The kinds of mistakes the loader reports. */
    public enum Kind {
        /** HOCON that does not parse, or a substitution that does not resolve. */
        SYNTAX,
        /** A key the schema does not know (the message suggests the closest known key). */
        UNKNOWN_KEY,
        /** A required value is absent. */
        MISSING,
        /** A value of the wrong type, e.g. a list where a number belongs. */
        WRONG_TYPE,
        /** A number outside its allowed range. */
        OUT_OF_RANGE,
        /** A {@code type = ...} discriminator (or other choice) that is not one of the known names. */
        UNKNOWN_TYPE,
        /** A {@code sweep} entry whose path is not a sweepable config key, or whose values are not a list. */
        BAD_SWEEP,
        /** Values that are each valid but do not fit together, e.g. a belief-driven reset without a belief. */
        INCONSISTENT
    }

    public ConfigProblem {
        Require.nonNull("file", file);
        Require.nonNull("key", key);
        Require.nonNull("kind", kind);
        Require.nonNull("message", message);
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
    }

    /** {@code file:line: key: message} (the key part omitted when empty, the line when 0). */
    public String render() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(':').append(line);
        s.append(": ");
        if (!key.isEmpty()) s.append(key).append(": ");
        return s.append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
