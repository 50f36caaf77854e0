package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * One declared key of a config block: its name (kebab-case, relative to the block), the {@link Type} of its value,
 * whether it is {@link Presence required, defaulted or optional}, its default (a {@code Double}, {@code Long},
 * {@code Boolean} or {@code String}; for a block, its default type, {@code ""} for an untyped block whose keys all
 * default; null unless {@link Presence#DEFAULT}), its allowed values (a real {@link Range};
 * integer bounds {@code min}..{@code max} inclusive; the {@code options} of a choice; for a {@link Type#BLOCK}, the
 * declared {@code block}), the unit of its value (empty when it has none), a note on the default (its source, or what
 * an absent optional key means) and one line of documentation. The readers take defaults and ranges from here, and
 * the defaults enter the canonical form that run ids are hashed from: changing one changes ids.
 */
public record Key(
        String name,
        Type type,
        Presence presence,
        Object dflt,
        Range range,
        long min,
        long max,
        List<String> options,
        Block block,
        String unit,
        String note,
        String doc) {
    /** The kind of value a key holds. */
    public enum Type {
        REAL,
        INTEGER,
        BOOLEAN,
        CHOICE,
        STRING,
        REAL_LIST,
        MATRIX,
        /** An object read as a declared {@link Block} (a typed block also accepts a bare type name). */
        BLOCK,
        /** A value with a shape of its own, read by hand; its {@code doc} states the shape. */
        OTHER
    }

    /** Whether a key must be given, takes a default, or may be absent (then it is not part of the canonical form). */
    public enum Presence {
        REQUIRED,
        DEFAULT,
        OPTIONAL
    }

    public Key {
        Require.nonNull("name", name);
        Require.nonNull("type", type);
        Require.nonNull("presence", presence);
        options = List.copyOf(Require.nonNull("options", options));
        Require.nonNull("unit", unit);
        Require.nonNull("note", note);
        Require.nonNull("doc", doc);
        if ((presence == Presence.DEFAULT) != (dflt != null)) {
            throw new IllegalArgumentException("key " + name + ": a default is given exactly when presence is DEFAULT");
        }
        if (type == Type.REAL && (range == null || dflt != null && !range.contains((Double) dflt))) {
            throw new IllegalArgumentException("key " + name + ": a real needs a range holding its default");
        }
        if (type == Type.INTEGER && (min > max || dflt != null && ((Long) dflt < min || (Long) dflt > max))) {
            throw new IllegalArgumentException("key " + name + ": integer bounds must hold the default");
        }
        if (type == Type.CHOICE && (options.isEmpty() || dflt != null && !options.contains(dflt))) {
            throw new IllegalArgumentException("key " + name + ": a choice needs options holding its default");
        }
        if ((type == Type.BLOCK) != (block != null)) {
            throw new IllegalArgumentException("key " + name + ": a block key names its block, and only it");
        }
        if (type == Type.BLOCK
                && dflt != null
                && !(block.typed() ? block.types().contains(dflt) : dflt.equals(""))) {
            throw new IllegalArgumentException(
                    "key " + name + ": default type " + dflt + " is not a type of " + block.path());
        }
    }

    // ---- declarations, for the blocks' schema -------------------------------------------------------------

    static Key real(String name, double dflt, Range range, String doc) {
        return new Key(name, Type.REAL, Presence.DEFAULT, dflt, range, 0, 0, List.of(), null, "", "", doc);
    }

    static Key requiredReal(String name, Range range, String doc) {
        return new Key(name, Type.REAL, Presence.REQUIRED, null, range, 0, 0, List.of(), null, "", "", doc);
    }

    /** A real that may be absent; {@code absent} says what absence means. */
    static Key optionalReal(String name, Range range, String absent, String doc) {
        return new Key(name, Type.REAL, Presence.OPTIONAL, null, range, 0, 0, List.of(), null, "", absent, doc);
    }

    static Key integer(String name, long dflt, long min, long max, String doc) {
        return new Key(name, Type.INTEGER, Presence.DEFAULT, dflt, null, min, max, List.of(), null, "", "", doc);
    }

    static Key requiredInteger(String name, long min, long max, String doc) {
        return new Key(name, Type.INTEGER, Presence.REQUIRED, null, null, min, max, List.of(), null, "", "", doc);
    }

    /** An integer that may be absent; {@code absent} says what absence means. */
    static Key optionalInteger(String name, long min, long max, String absent, String doc) {
        return new Key(name, Type.INTEGER, Presence.OPTIONAL, null, null, min, max, List.of(), null, "", absent, doc);
    }

    static Key bool(String name, boolean dflt, String doc) {
        return new Key(name, Type.BOOLEAN, Presence.DEFAULT, dflt, null, 0, 0, List.of(), null, "", "", doc);
    }

    static Key choice(String name, String dflt, List<String> options, String doc) {
        return new Key(name, Type.CHOICE, Presence.DEFAULT, dflt, null, 0, 0, options, null, "", "", doc);
    }

    /**
     * A key with one value, not a setting: declared so that the value enters every canonical form of its variant
     * (and so the run ids) and is documented; a config may only repeat it. It versions a variant's semantics: a
     * store made before the semantics changed holds runs under other ids, which therefore run again.
     */
    static Key fixed(String name, String value, String doc) {
        return new Key(name, Type.CHOICE, Presence.DEFAULT, value, null, 0, 0, List.of(value), null, "", "fixed", doc);
    }

    /** An optional list of reals, each in {@code range}; {@code absent} says what absence means. */
    static Key reals(String name, Range range, String absent, String doc) {
        return new Key(name, Type.REAL_LIST, Presence.OPTIONAL, null, range, 0, 0, List.of(), null, "", absent, doc);
    }

    /** A list of reals that must be given. */
    static Key requiredReals(String name, Range range, String doc) {
        return new Key(name, Type.REAL_LIST, Presence.REQUIRED, null, range, 0, 0, List.of(), null, "", "", doc);
    }

    static Key matrix(String name, String absent, String doc) {
        return new Key(
                name, Type.MATRIX, Presence.OPTIONAL, null, Range.FINITE, 0, 0, List.of(), null, "", absent, doc);
    }

    /** A typed sub-block that takes {@code defaultType} when absent. */
    static Key block(String name, Block block, String defaultType, String doc) {
        return new Key(name, Type.BLOCK, Presence.DEFAULT, defaultType, null, 0, 0, List.of(), block, "", "", doc);
    }

    /** An untyped sub-block whose keys all take their defaults when it is absent. */
    static Key block(String name, Block block, String doc) {
        return new Key(name, Type.BLOCK, Presence.DEFAULT, "", null, 0, 0, List.of(), block, "", "", doc);
    }

    /** A sub-block that may be absent; {@code note} says when it is needed. */
    static Key optionalBlock(String name, Block block, String note, String doc) {
        return new Key(name, Type.BLOCK, Presence.OPTIONAL, null, null, 0, 0, List.of(), block, "", note, doc);
    }

    /** A typed sub-block that must be given. */
    static Key requiredBlock(String name, Block block, String doc) {
        return new Key(name, Type.BLOCK, Presence.REQUIRED, null, null, 0, 0, List.of(), block, "", "", doc);
    }

    /** A key read by hand ({@code doc} states its shape); {@code presence} and {@code note} as for the others. */
    static Key other(String name, Presence presence, String note, String doc) {
        return new Key(name, Type.OTHER, presence, null, null, 0, 0, List.of(), null, "", note, doc);
    }

    /** This key with a unit, e.g. {@code "steps"}. */
    Key unit(String unit) {
        return new Key(name, type, presence, dflt, range, min, max, options, block, unit, note, doc);
    }

    /** This key with a note on its default, e.g. {@code "PyTorch"}. */
    Key note(String note) {
        return new Key(name, type, presence, dflt, range, min, max, options, block, unit, note, doc);
    }

    /** This key with another default (the same key with a variant's own default). */
    Key withDefault(Object dflt) {
        return new Key(name, type, presence, dflt, range, min, max, options, block, unit, note, doc);
    }

    /** This key with another line of documentation (the same key read in another variant). */
    Key withDoc(String doc) {
        return new Key(name, type, presence, dflt, range, min, max, options, block, unit, note, doc);
    }

    /** The default as a double (a REAL key with presence DEFAULT). */
    double realDefault() {
        return (Double) dflt;
    }

    /** The allowed values in words, as docs show them: {@code "> 0"}, {@code "int 1 .. 512"}, {@code "relu, tanh"}. */
    public String rangeText() {
        return switch (type) {
            case REAL, REAL_LIST, MATRIX ->
                range == Range.FINITE ? "finite" : range.text().replace("in ", "");
            case INTEGER ->
                min == Long.MIN_VALUE
                        ? "any int (64-bit)"
                        : "int ≥ " + min + (max >= Integer.MAX_VALUE ? "" : ", ≤ " + max);
            case BOOLEAN -> "boolean";
            case CHOICE -> String.join(", ", options);
            default -> "";
        };
    }
}
