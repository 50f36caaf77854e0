package org.driftlab.core.spec;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.driftlab.core.spec.ConfigProblem.Kind;

/**
 * Reads one HOCON object of an experiment config by the declared {@link Key}s its reader asks for (defaults, ranges
 * and bounds come from the declaration; see {@link ConfigSchema}). Each typed getter checks type and range and, on a
 * mistake, records a problem at the value's line and returns a placeholder (the caller builds no spec once a problem
 * was recorded). Every value read, given or defaulted, goes into {@link #resolved()}: the canonical tree that ids are
 * hashed from. {@link #finish()} reports the keys nobody asked for. Confined to one load.
 */
final class ConfigNode {
    private final Problems problems;
    private final String path;
    private final ConfigObject object;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, Object> resolved = new TreeMap<>();

    ConfigNode(Problems problems, String path, ConfigObject object) {
        this.problems = problems;
        this.path = path;
        this.object = object;
    }

    String path() {
        return path;
    }

    /** The HOCON object this node reads. */
    ConfigObject originObject() {
        return object;
    }

    ConfigOrigin origin() {
        return object.origin();
    }

    Problems problems() {
        return problems;
    }

    /** The effective values read so far, keys sorted. */
    Map<String, Object> resolved() {
        return resolved;
    }

    /** The full dotted path of a key of this node. */
    String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    /** True when {@code k} is present with a non-null value (marks it known). */
    boolean has(String k) {
        return raw(k) != null;
    }

    // ---- declared keys (the readers' API: defaults and ranges come from the declaration) -------------------

    /** A required or defaulted real. */
    double real(Key k) {
        return k.presence() == Key.Presence.REQUIRED
                ? requiredNumber(k.name(), k.range())
                : number(k.name(), k.realDefault(), k.range());
    }

    /** An optional real; null (and not resolved) when absent. */
    Double optionalReal(Key k) {
        return optionalNumber(k.name(), k.range());
    }

    /**
     * An optional real whose value when absent, {@code dflt}, is known only at load (e.g. the stream's hazard,
     * {@link StreamDefaults}); resolved either way, so the value used enters the canonical form.
     */
    double real(Key k, double dflt) {
        return number(k.name(), dflt, k.range());
    }

    /** A required or defaulted integer within the key's bounds. */
    long integer(Key k) {
        return k.presence() == Key.Presence.REQUIRED
                ? requiredInteger(k.name(), k.min(), k.max())
                : integer(k.name(), (Long) k.dflt(), k.min(), k.max());
    }

    /** An optional integer within the key's bounds whose value when absent, {@code dflt}, is known only at load. */
    long integer(Key k, long dflt) {
        return integer(k.name(), dflt, k.min(), k.max());
    }

    boolean bool(Key k) {
        return bool(k.name(), (Boolean) k.dflt());
    }

    /** One of the key's options; null on a problem. */
    String choice(Key k) {
        return choice(k.name(), (String) k.dflt(), k.options());
    }

    /** A list of reals in the key's range; null (and not resolved) when absent, a problem too when required. */
    List<Double> reals(Key k) {
        List<Double> values = numbers(k.name(), k.range());
        if (values == null && k.presence() == Key.Presence.REQUIRED && !has(k.name())) missing(k.name());
        return values;
    }

    /** An optional list of lists of finite numbers; null (and not resolved) when absent. */
    List<List<Double>> matrix(Key k) {
        return matrix(k.name());
    }

    /**
     * Reads every key of {@code variant} (scalars and lists only), reports the keys it does not declare, and builds
     * the variant's spec with {@link Variant#spec()} when no problem was recorded since {@code mark}; null when not built.
     */
    <T> T buildVariant(int mark, Variant variant, Class<T> as) {
        if (variant.spec() == null)
            throw new IllegalStateException("type " + variant.type() + " declares no spec builder");
        Map<String, Object> values = new HashMap<>();
        for (Key k : variant.keys()) {
            Object value =
                    switch (k.type()) {
                        case REAL -> k.presence() == Key.Presence.OPTIONAL ? optionalReal(k) : (Object) real(k);
                        case INTEGER -> integer(k);
                        case BOOLEAN -> bool(k);
                        case CHOICE -> choice(k);
                        case REAL_LIST -> reals(k);
                        case MATRIX -> matrix(k);
                        default ->
                            throw new IllegalStateException(
                                    "key " + k.name() + " of " + variant.type() + " is read by hand");
                    };
            values.put(k.name(), value);
        }
        finish();
        Values read = new Values(variant.type(), values);
        return build(mark, () -> as.cast(variant.spec().apply(read)));
    }

    /** The {@code type} of this node: one of {@code block}'s types; null on a problem. */
    String type(Block block) {
        return choice("type", null, block.types());
    }

    /** The typed sub-block at {@code k} (see {@link #child(String, String)}); null on a problem. */
    ConfigNode child(Key k) {
        return child(k.name(), (String) k.dflt());
    }

    /** The untyped sub-block at {@code k} (see {@link #object(String)}); null on a problem. */
    ConfigNode object(Key k) {
        return object(k.name());
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    /** A real number in {@code range}, {@code dflt} when absent. */
    private double number(String k, double dflt, Range range) {
        ConfigValue v = raw(k);
        if (v == null) {
            resolved.put(k, dflt);
            return dflt;
        }
        return checkedNumber(k, v, range);
    }

    /** A required real number in {@code range}. */
    private double requiredNumber(String k, Range range) {
        ConfigValue v = raw(k);
        if (v == null) {
            missing(k);
            return Double.NaN;
        }
        return checkedNumber(k, v, range);
    }

    /** An optional real number in {@code range}; null (and not resolved) when absent. */
    private Double optionalNumber(String k, Range range) {
        ConfigValue v = raw(k);
        return v == null ? null : checkedNumber(k, v, range);
    }

    private double checkedNumber(String k, ConfigValue v, Range range) {
        Double d = asNumber(key(k), v);
        if (d == null) return Double.NaN;
        if (!range.contains(d)) {
            problems.add(
                    v.origin(),
                    key(k),
                    Kind.OUT_OF_RANGE,
                    "must be " + range.text() + ", got " + CanonicalJson.display(d));
            return Double.NaN;
        }
        resolved.put(k, d);
        return d;
    }

    /** An integer ≥ {@code min} and ≤ {@code max}, {@code dflt} when absent. */
    private long integer(String k, long dflt, long min, long max) {
        ConfigValue v = raw(k);
        if (v == null) {
            resolved.put(k, dflt);
            return dflt;
        }
        return checkedInteger(k, v, min, max);
    }

    /** A required integer ≥ {@code min} and ≤ {@code max}. */
    private long requiredInteger(String k, long min, long max) {
        ConfigValue v = raw(k);
        if (v == null) {
            missing(k);
            return min;
        }
        return checkedInteger(k, v, min, max);
    }

    private long checkedInteger(String k, ConfigValue v, long min, long max) {
        Long n = asInteger(key(k), v);
        if (n == null) return min;
        if (n < min || n > max) {
            problems.add(
                    v.origin(),
                    key(k),
                    Kind.OUT_OF_RANGE,
                    "must be " + (n < min ? ">= " + min : "<= " + max) + ", got " + n);
            return min;
        }
        resolved.put(k, n);
        return n;
    }

    /** A list of real numbers each in {@code range}; null (and not resolved) when absent. */
    private List<Double> numbers(String k, Range range) {
        ConfigValue v = raw(k);
        return v == null ? null : numberList(key(k), v, range, k, true);
    }

    /** A list of lists of finite numbers; null (and not resolved) when absent. */
    private List<List<Double>> matrix(String k) {
        ConfigValue v = raw(k);
        if (v == null) return null;
        if (v.valueType() != ConfigValueType.LIST) {
            wrongType(key(k), v, "a list of lists of numbers");
            return null;
        }
        ConfigList list = (ConfigList) v;
        List<List<Double>> rows = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            List<Double> row = numberList(key(k) + "[" + i + "]", list.get(i), Range.FINITE, null, false);
            if (row == null) ok = false;
            rows.add(row);
        }
        if (!ok) return null;
        resolved.put(k, rows);
        return rows;
    }

    private List<Double> numberList(String fullKey, ConfigValue v, Range range, String resolveAs, boolean record) {
        if (v.valueType() != ConfigValueType.LIST) {
            wrongType(fullKey, v, "a list of numbers");
            return null;
        }
        ConfigList list = (ConfigList) v;
        List<Double> out = new ArrayList<>(list.size());
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String elementKey = fullKey + "[" + i + "]";
            Double d = asNumber(elementKey, list.get(i));
            if (d == null) {
                ok = false;
            } else if (!range.contains(d)) {
                problems.add(
                        list.get(i).origin(),
                        elementKey,
                        Kind.OUT_OF_RANGE,
                        "must be " + range.text() + ", got " + CanonicalJson.display(d));
                ok = false;
            }
            out.add(d);
        }
        if (!ok) return null;
        if (record) resolved.put(resolveAs, out);
        return out;
    }

    // ---- other scalars ------------------------------------------------------------------------------------

    private boolean bool(String k, boolean dflt) {
        ConfigValue v = raw(k);
        if (v == null) {
            resolved.put(k, dflt);
            return dflt;
        }
        if (v.valueType() != ConfigValueType.BOOLEAN) {
            wrongType(key(k), v, "true or false");
            return dflt;
        }
        boolean b = (Boolean) v.unwrapped();
        resolved.put(k, b);
        return b;
    }

    /** A string, {@code dflt} when absent (a required value when {@code dflt} is null); null on a problem. */
    String string(String k, String dflt) {
        ConfigValue v = raw(k);
        if (v == null) {
            if (dflt == null) missing(k);
            else resolved.put(k, dflt);
            return dflt;
        }
        if (v.valueType() != ConfigValueType.STRING) {
            wrongType(key(k), v, "a string");
            return null;
        }
        String s = (String) v.unwrapped();
        resolved.put(k, s);
        return s;
    }

    /** One of {@code options}, {@code dflt} when absent (required when null); null on a problem. */
    private String choice(String k, String dflt, List<String> options) {
        ConfigValue v = raw(k);
        if (v == null) {
            if (dflt == null) {
                missing(k);
                return null;
            }
            resolved.put(k, dflt);
            return dflt;
        }
        if (v.valueType() != ConfigValueType.STRING) {
            wrongType(key(k), v, "one of " + String.join(", ", options));
            return null;
        }
        String s = (String) v.unwrapped();
        if (!options.contains(s)) {
            String what = k.equals("type") ? "type" : "value";
            String hint = suggestion(s, options);
            problems.add(
                    v.origin(),
                    key(k),
                    Kind.UNKNOWN_TYPE,
                    "unknown " + what + " '" + s + "'" + hint + (hint.isEmpty() ? "; known: " : " Known: ")
                            + String.join(", ", options));
            return null;
        }
        resolved.put(k, s);
        return s;
    }

    // ---- children -----------------------------------------------------------------------------------------

    /**
     * The object at {@code k} as a node; a string {@code s} there is shorthand for {@code { type = s }}. When
     * absent: a node {@code { type = dfltType }} (located at this node), or, with a null default, a missing-value
     * problem and null. Call {@link #adopt} with the child once it has been read.
     */
    private ConfigNode child(String k, String dfltType) {
        ConfigValue v = raw(k);
        if (v == null) {
            if (dfltType == null) {
                missing(k);
                return null;
            }
            return new ConfigNode(problems, key(k), typeObject(dfltType, object.origin()));
        }
        if (v.valueType() == ConfigValueType.STRING) {
            return new ConfigNode(problems, key(k), typeObject((String) v.unwrapped(), v.origin()));
        }
        if (v.valueType() != ConfigValueType.OBJECT) {
            wrongType(key(k), v, "an object or a type name");
            return null;
        }
        return new ConfigNode(problems, key(k), (ConfigObject) v);
    }

    /** A plain object child (no type shorthand); absent gives an empty object at this node's origin. */
    private ConfigNode object(String k) {
        ConfigValue v = raw(k);
        if (v == null)
            return new ConfigNode(
                    problems, key(k), ConfigValueFactory.fromMap(Map.of()).withOrigin(object.origin()));
        if (v.valueType() != ConfigValueType.OBJECT) {
            wrongType(key(k), v, "an object");
            return null;
        }
        return new ConfigNode(problems, key(k), (ConfigObject) v);
    }

    /** Records a read child's effective values under {@code k}. */
    void adopt(String k, ConfigNode child) {
        resolved.put(k, child.resolved());
    }

    static ConfigObject typeObject(String type, ConfigOrigin origin) {
        // the type string carries the origin too, so a problem with it points at the shorthand's line
        return ConfigValueFactory.fromMap(
                        Map.of("type", ConfigValueFactory.fromAnyRef(type).withOrigin(origin)))
                .withOrigin(origin);
    }

    // ---- checks and reporting -----------------------------------------------------------------------------

    /** Reports {@code k} as not applicable (with {@code why}) when it is present. */
    void notApplicable(String k, String why) {
        ConfigValue v = raw(k);
        if (v != null) problems.add(v.origin(), key(k), Kind.INCONSISTENT, why);
    }

    /** Reports every present key that no getter asked for, suggesting the closest known key. */
    void finish() {
        for (String k : object.keySet()) {
            if (known.contains(k)) continue;
            ConfigValue v = object.get(k);
            String hint = suggestion(k, known);
            if (hint.isEmpty()) hint = known.isEmpty() ? "" : "; known keys: " + String.join(", ", known);
            problems.add(v.origin(), key(k), Kind.UNKNOWN_KEY, "unknown key" + hint);
        }
    }

    /** Known keys of this node so far (those the reader asked for). */
    Set<String> knownKeys() {
        return known;
    }

    /**
     * Turns a spec constructor's {@link IllegalArgumentException} into a problem. Its message starts with the
     * field's config name relative to this node ({@code lr}, {@code prior.mean}, {@code eigenvalues[2]}), so
     * the problem lands on that key's line, or on this node's line when the key is absent.
     */
    void rejected(IllegalArgumentException e) {
        String msg = String.valueOf(e.getMessage());
        int space = msg.indexOf(' ');
        String field = space > 0 ? msg.substring(0, space) : "";
        String bare = field.replaceAll("\\[\\d+]", "");
        ConfigOrigin where = object.origin();
        String k = path;
        String text = msg;
        if (!bare.isEmpty() && bare.matches("[a-z0-9.-]+")) {
            ConfigValue v = lookup(bare);
            if (v != null || known.contains(bare.split("\\.")[0])) {
                k = key(field);
                text = msg.substring(space + 1);
                if (v != null) where = v.origin();
            }
        }
        problems.add(where, k, msg.contains(" must be ") ? Kind.OUT_OF_RANGE : Kind.INCONSISTENT, text);
    }

    /**
     * Builds a spec when no problem was recorded since {@code mark}; a constructor's
     * {@link IllegalArgumentException} becomes a problem (see {@link #rejected}). Null when not built.
     */
    <T> T build(int mark, java.util.function.Supplier<T> make) {
        if (problems.count() > mark) return null;
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            rejected(e);
            return null;
        }
    }

    /** The HOCON type of the value at {@code k} (marks it known), or null when absent. */
    ConfigValueType typeOf(String k) {
        ConfigValue v = raw(k);
        return v == null ? null : v.valueType();
    }

    /** The origin of the value at the dotted path {@code k} below this node, else of this node. */
    ConfigOrigin originOf(String k) {
        ConfigValue v = lookup(k);
        return v == null ? object.origin() : v.origin();
    }

    private ConfigValue lookup(String dotted) {
        ConfigValue v = object;
        for (String part : dotted.split("\\.")) {
            if (!(v instanceof ConfigObject o)) return null;
            v = o.get(part);
            if (v == null) return null;
        }
        return v;
    }

    void missing(String k) {
        problems.add(object.origin(), key(k), Kind.MISSING, "missing required value");
    }

    void wrongType(String fullKey, ConfigValue v, String expected) {
        problems.add(v.origin(), fullKey, Kind.WRONG_TYPE, "expected " + expected + ", got " + describe(v));
    }

    private ConfigValue raw(String k) {
        known.add(k);
        ConfigValue v = object.get(k);
        return v == null || v.valueType() == ConfigValueType.NULL ? null : v;
    }

    private Double asNumber(String fullKey, ConfigValue v) {
        if (v.valueType() != ConfigValueType.NUMBER) {
            wrongType(fullKey, v, "a number");
            return null;
        }
        return ((Number) v.unwrapped()).doubleValue();
    }

    private Long asInteger(String fullKey, ConfigValue v) {
        if (v.valueType() != ConfigValueType.NUMBER) {
            wrongType(fullKey, v, "an integer");
            return null;
        }
        Number n = (Number) v.unwrapped();
        if (n instanceof Integer || n instanceof Long) return n.longValue();
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) >= 9.0e15) {
            wrongType(fullKey, v, "an integer");
            return null;
        }
        return (long) d;
    }

    static String describe(ConfigValue v) {
        return switch (v.valueType()) {
            case LIST -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + v.unwrapped() + "\"";
            case NUMBER -> "the number " + CanonicalJson.display(((Number) v.unwrapped()).doubleValue());
            case BOOLEAN -> "the boolean " + v.unwrapped();
            case NULL -> "null";
        };
    }

    /** "; did you mean X?" for the closest of {@code candidates} within a small edit distance, else "". */
    static String suggestion(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(given, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean " + best + "?" : "";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
