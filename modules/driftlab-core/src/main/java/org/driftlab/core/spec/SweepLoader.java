package org.driftlab.core.spec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.driftlab.core.spec.ConditionReader.Condition;
import org.driftlab.core.spec.ConfigProblem.Kind;

/**
 * Loads an experiment config (HOCON) into a validated {@link SweepSpec} (DESIGN §1–3, STYLE C10.1; the schema
 * is declared in {@link ConfigSchema}).
 *
 * <p>Sweeps are grids in the style of Ray Tune: {@code sweep { "rule.lr" = [0.01, 0.1], reset = [none, oracle] }}
 * maps config paths to lists of values (numbers, strings or whole objects; a value replaces what the base
 * config has at that path). A {@code zip { a = [...], b = [...] }} inside {@code sweep} links lists of equal
 * length that vary together (the i-th values of each form one axis value); {@code zip = [{...}, {...}]} gives
 * several linked groups. Conditions are the cartesian product of the axes (each plain key, each zip), the first
 * varying slowest. Axes are taken in the order of their lines, which the parser's origins give; HOCON objects do
 * not keep key order, so keys written on one line are taken in the order of their paths. Only the order of runs
 * and of {@link SweepSpec#sweptKeys()} follows from this; ids do not. Runs are conditions × seeds, seeds
 * varying fastest.
 *
 * <p>Ids: each condition's canonical resolved config (every default filled in, keys sorted, numbers
 * normalised; {@code name}, {@code seeds} and {@code sweep} excluded) is hashed by {@link ConditionIds}. The
 * same config gives the same ids on any machine; writing a default out explicitly does not change them.
 *
 * <p>Every problem of the file and of every condition is collected first and thrown as one
 * {@link ConfigProblems}; nothing is returned when there is any. Substitutions see no environment variables,
 * so a config means the same everywhere.
 */
public final class SweepLoader {
    /** Upper bounds that catch a runaway grid before it allocates millions of specs. */
    static final int MAX_CONDITIONS = 100_000;

    static final long MAX_RUNS = 10_000_000;

    static final Key NAME = Key.other(
            "name",
            Key.Presence.OPTIONAL,
            "the file name without extension",
            "sweep name; names the results file `results/<name>.duckdb` (letters, digits, `.`, `_`, `-`)");
    static final Key SEEDS = Key.integer(
            "seeds",
            1,
            1,
            1_000_000,
            "a count N (seed indices 0…N−1) or a list of distinct"
                    + " seed indices ≥ 0; seed i gives the same switches, noise and init in every condition (paired comparisons)");
    /** The list form of {@code seeds} (its documented form is {@link #SEEDS}). */
    private static final Key SEED_LIST = Key.reals("seeds", Range.NON_NEGATIVE, "", "");

    static final Key SWEEP = Key.other(
            "sweep",
            Key.Presence.OPTIONAL,
            "none",
            "values to sweep: a grid, with linked `zip` groups (see [Sweeps](#sweeps)); a value may carry a `label`");

    private static final ConfigResolveOptions RESOLVE =
            ConfigResolveOptions.defaults().setUseSystemEnvironment(false);
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The key under {@code sweep} that links lists (not a config path: no top-level key is called zip). */
    private static final String ZIP = "zip";
    /** Positions where a string is shorthand for {@code { type = string }}. */
    private static final List<String> TYPED_POSITIONS =
            List.of("stream", "rule", "belief", "reset", "stream.switching", "rule.metric", "belief.model");

    private SweepLoader() {}

    /**
     * Loads {@code file} ({@code include}s resolve relative to it). The sweep's default name is the file's
     * base name without extension.
     *
     * @throws ConfigProblems every problem found, with file, line and key (also: the file is not UTF-8)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SweepSpec load(Path file) {
        return load(file, StrictIncluder.Sources.RELATIVE_FILES);
    }

    /** As {@link #load(Path)}; {@code includes} says where its includes may come from ({@link StrictIncluder}). */
    public static SweepSpec load(Path file, StrictIncluder.Sources includes) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ConfigProblems(List.of(new ConfigProblem(
                    file.toString(), 0, "", Kind.SYNTAX, "not UTF-8 text (a config is a UTF-8 HOCON file)")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
        }
        ConfigParseOptions options = StrictIncluder.options(file, includes);
        return fromText(
                () -> ConfigFactory.parseFile(file.toFile(), options),
                text,
                file.toString(),
                baseName(String.valueOf(file.getFileName())));
    }

    /**
     * Loads config text; {@code originName} (e.g. {@code "test.conf"}) stands for the file in problems and
     * gives the default sweep name.
     *
     * @throws ConfigProblems every problem found
     */
    public static SweepSpec parse(String text, String originName) {
        ConfigParseOptions options =
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(originName);
        String fileName = originName.substring(Math.max(originName.lastIndexOf('/'), originName.lastIndexOf('\\')) + 1);
        return fromText(() -> ConfigFactory.parseString(text, options), text, originName, baseName(fileName));
    }

    private static SweepSpec fromText(Supplier<Config> parser, String text, String label, String defaultName) {
        Problems problems = new Problems(label);
        Config parsed;
        Config resolved;
        try {
            parsed = parser.get();
            resolved = parsed.resolve(RESOLVE);
        } catch (ConfigException e) {
            problems.add(e.origin(), "", Kind.SYNTAX, parserMessage(e));
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        return expand(parsed, resolved, text, defaultName, problems);
    }

    // ---- expansion ----------------------------------------------------------------------------------------

    /** One swept key: its config path, its values, where it is written ({@code within}: sweep or sweep.zip). */
    private record Entry(String path, List<String> parts, String within, ConfigList values, ConfigOrigin origin) {
        String display() {
            return within + "." + (path.contains(".") ? ConfigUtil.quoteString(path) : path);
        }
    }

    /** One axis of the grid: a swept key, or the keys of a zip (all lists of the same length), in line order. */
    private record Axis(List<Entry> entries, ConfigOrigin origin) {
        int size() {
            return entries.get(0).values().size();
        }
    }

    private static final Comparator<ConfigOrigin> BY_LINE = Comparator.comparingInt(Problems::line);

    /**
     * {@code parsed} is the config before substitution: swept values are set in it and each condition is resolved
     * afterwards, so a substitution such as {@code belief.hazard = ${stream.switching.hazard}} follows the sweep.
     */
    private static SweepSpec expand(Config parsed, Config root, String text, String defaultName, Problems problems) {
        ConfigNode top = new ConfigNode(problems, "", root.root());
        String name = top.string(NAME.name(), defaultName);
        if (name != null && !NAME_PATTERN.matcher(name).matches()) {
            problems.add(
                    top.originOf(NAME.name()),
                    NAME.name(),
                    Kind.OUT_OF_RANGE,
                    "must be letters, digits, '.', '_' or '-' (it names the results file), got \"" + name + "\"");
        }
        List<Integer> seeds = seeds(top);
        List<Axis> axes = sweepAxes(root.root(), problems);
        ConditionLabels labels = withoutLabels(top, axes);
        List<Entry> entries = axes.stream().flatMap(a -> a.entries().stream()).toList();
        if (seeds == null) seeds = List.of(0); // a problem is recorded; expand anyway to find the others

        Config base = normalize(parsed.withoutPath("sweep"));
        long count = 1;
        for (Axis a : axes) count *= a.size();
        if (count > MAX_CONDITIONS || count * seeds.size() > MAX_RUNS) {
            problems.add(
                    entries.isEmpty() ? top.originOf("seeds") : entries.get(0).origin(),
                    "sweep",
                    Kind.BAD_SWEEP,
                    "the grid has " + count + " conditions × " + seeds.size() + " seeds; at most " + MAX_CONDITIONS
                            + " conditions and " + MAX_RUNS + " runs are allowed");
            problems.throwIfAny();
        }

        List<Condition> conditions = new ArrayList<>();
        List<List<SweptValue>> params = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] index = new int[axes.size()];
        int[] entryIndex = new int[entries.size()]; // index of each entry's value: its axis's index
        Set<String> unsettable = new HashSet<>();
        for (long c = 0; c < count; c++) {
            Config config = base;
            List<SweptValue> swept = new ArrayList<>(entries.size());
            for (int k = 0; k < axes.size(); k++) {
                for (Entry e : axes.get(k).entries()) {
                    entryIndex[swept.size()] = index[k];
                    ConfigValue value = e.values().get(index[k]);
                    swept.add(new SweptValue(e.path(), sweptText(value)));
                    if (config == null) continue;
                    try {
                        config = normalize(config.withValue(ConfigUtil.joinPath(e.parts()), value));
                    } catch (ConfigException ex) {
                        // e.g. a path below a value that is still a substitution (rule += x): reported at the entry
                        if (unsettable.add(e.path())) {
                            problems.add(
                                    e.origin(),
                                    e.display(),
                                    Kind.BAD_SWEEP,
                                    "cannot set this path: " + parserMessage(ex));
                        }
                        config = null;
                    }
                }
            }
            String label = labels.of(entryIndex, swept);
            if (label != null) swept.add(new SweptValue(ConditionLabels.KEY, label));
            int mark = problems.count();
            Condition condition = null;
            try {
                if (config != null)
                    condition = ConditionReader.read(
                            problems, config.resolve(RESOLVE).root());
            } catch (ConfigException ex) {
                problems.add(
                        ex.origin(), "", Kind.SYNTAX, parserMessage(ex) + " (in condition " + describe(swept) + ")");
            }
            relocateSweepProblems(problems, mark, entries);
            if (condition != null) {
                Integer twin = seen.putIfAbsent(condition.canonical(), conditions.size());
                if (twin != null) {
                    problems.add(
                            entries.get(0).origin(),
                            "sweep",
                            Kind.BAD_SWEEP,
                            "conditions " + describe(params.get(twin)) + " and " + describe(swept)
                                    + " are the same experiment (identical resolved config)");
                }
            }
            conditions.add(condition);
            params.add(swept);
            for (int k = axes.size() - 1; k >= 0; k--) { // odometer: the last axis varies fastest
                if (++index[k] < axes.get(k).size()) break;
                index[k] = 0;
            }
        }
        problems.throwIfAny();

        List<RunSpec> runs = new ArrayList<>(conditions.size() * seeds.size());
        Map<String, String> canonicals = new HashMap<>();
        for (int c = 0; c < conditions.size(); c++) {
            Condition k = conditions.get(c);
            String conditionId = ConditionIds.conditionId(k.canonical());
            canonicals.put(conditionId, k.canonical());
            for (int seed : seeds) {
                runs.add(new RunSpec(
                        ConditionIds.runId(k.canonical(), seed),
                        conditionId,
                        seed,
                        k.masterSeed(),
                        k.steps(),
                        k.dt(),
                        k.stream(),
                        k.rule(),
                        k.belief(),
                        k.reset(),
                        k.metrics(),
                        withMismatch(params.get(c), k)));
            }
        }
        List<String> sweptKeys =
                new ArrayList<>(entries.stream().map(Entry::path).toList());
        if (labels.named()) sweptKeys.add(ConditionLabels.KEY); // the store and the report show it as a column
        return new SweepSpec(name, text, sweptKeys, runs, canonicals);
    }

    /** Reads the condition labels, replacing each axis (in place) by one whose values carry no label. */
    private static ConditionLabels withoutLabels(ConfigNode top, List<Axis> axes) {
        List<Entry> entries = axes.stream().flatMap(a -> a.entries().stream()).toList();
        List<ConfigList> values =
                new ArrayList<>(entries.stream().map(Entry::values).toList());
        ConditionLabels labels = ConditionLabels.read(
                top,
                entries.stream().map(Entry::path).toList(),
                values,
                entries.stream().map(Entry::origin).toList());
        int i = 0;
        for (int k = 0; k < axes.size(); k++) {
            List<Entry> stripped = new ArrayList<>();
            for (Entry e : axes.get(k).entries()) {
                stripped.add(new Entry(e.path(), e.parts(), e.within(), values.get(i++), e.origin()));
            }
            axes.set(k, new Axis(List.copyOf(stripped), axes.get(k).origin()));
        }
        return labels;
    }

    /**
     * The run's params, plus {@link RunSpec#BELIEF_MISMATCH} naming the belief parameters set to other values
     * than the stream's (DESIGN §6: a mis-set belief is recorded, never a silent "non-ideal ideal").
     */
    private static List<SweptValue> withMismatch(List<SweptValue> params, Condition k) {
        String mismatch = StreamDefaults.mismatch(k.stream(), k.rule(), k.belief());
        if (mismatch.isEmpty()) return params;
        List<SweptValue> out = new ArrayList<>(params);
        out.add(new SweptValue(RunSpec.BELIEF_MISMATCH, mismatch));
        return out;
    }

    /** Seed indices: {@code seeds = N} means 0 … N−1; a list gives them explicitly. Null on a problem. */
    private static List<Integer> seeds(ConfigNode top) {
        ConfigValueType type = top.typeOf(SEEDS.name());
        if (type == null) return List.of(0);
        if (type == ConfigValueType.LIST) {
            List<Double> given = top.reals(SEED_LIST);
            if (given == null) return null;
            List<Integer> out = new ArrayList<>();
            Set<Integer> distinct = new HashSet<>();
            for (double d : given) {
                if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
                    top.problems()
                            .add(
                                    top.originOf("seeds"),
                                    "seeds",
                                    Kind.WRONG_TYPE,
                                    "seed indices must be integers in [0, 2^31), got " + CanonicalJson.display(d));
                    return null;
                }
                if (!distinct.add((int) d)) {
                    top.problems()
                            .add(
                                    top.originOf("seeds"),
                                    "seeds",
                                    Kind.OUT_OF_RANGE,
                                    "seed " + (int) d + " is listed twice");
                    return null;
                }
                out.add((int) d);
            }
            if (out.isEmpty()) {
                top.problems()
                        .add(top.originOf("seeds"), "seeds", Kind.OUT_OF_RANGE, "the list of seeds must not be empty");
                return null;
            }
            return out;
        }
        if (type != ConfigValueType.NUMBER) {
            top.wrongType("seeds", root(top, "seeds"), "a count or a list of seed indices");
            return null;
        }
        int mark = top.problems().count();
        long n = top.integer(SEEDS);
        if (top.problems().count() > mark) return null;
        List<Integer> out = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    private static ConfigValue root(ConfigNode top, String key) {
        return ((ConfigObject) top.originObject()).get(key);
    }

    /** The sweep's axes in file order; problems for malformed entries (which are left out). */
    private static List<Axis> sweepAxes(ConfigObject root, Problems problems) {
        ConfigValue sweep = root.get("sweep");
        List<Axis> axes = new ArrayList<>();
        if (sweep == null || sweep.valueType() == ConfigValueType.NULL) return axes;
        if (sweep.valueType() != ConfigValueType.OBJECT) {
            problems.add(
                    sweep.origin(),
                    "sweep",
                    Kind.WRONG_TYPE,
                    "expected an object of config paths to lists of values, got " + ConfigNode.describe(sweep));
            return axes;
        }
        ConfigObject grid = (ConfigObject) sweep;
        List<Entry> plain = new ArrayList<>();
        collect(grid.withoutKey(ZIP), new ArrayList<>(), "sweep", plain, problems);
        for (Entry e : plain) axes.add(new Axis(List.of(e), e.origin()));
        ConfigValue zip = grid.get(ZIP);
        if (zip instanceof ConfigObject group) {
            zipAxis(group, problems, axes);
        } else if (zip instanceof ConfigList groups && groups.stream().allMatch(g -> g instanceof ConfigObject)) {
            for (ConfigValue g : groups) zipAxis((ConfigObject) g, problems, axes);
        } else if (zip != null && zip.valueType() != ConfigValueType.NULL) {
            problems.add(
                    zip.origin(),
                    "sweep.zip",
                    Kind.BAD_SWEEP,
                    "expected an object of config paths to lists of equal" + " length (or a list of such objects), got "
                            + ConfigNode.describe(zip));
        }
        axes.sort(Comparator.comparing(Axis::origin, BY_LINE)
                .thenComparing(a -> a.entries().get(0).path()));
        Set<String> paths = new HashSet<>();
        List<Axis> valid = new ArrayList<>();
        for (Axis a : axes) {
            boolean ok = true;
            for (Entry e : a.entries()) ok &= validEntry(e, paths, problems);
            if (ok) valid.add(a);
        }
        return valid;
    }

    /** The keys of one {@code zip} group as one axis; a problem when their lists differ in length. */
    private static void zipAxis(ConfigObject group, Problems problems, List<Axis> axes) {
        List<Entry> entries = new ArrayList<>();
        collect(group, new ArrayList<>(), "sweep.zip", entries, problems);
        if (entries.isEmpty()) {
            problems.add(
                    group.origin(),
                    "sweep.zip",
                    Kind.BAD_SWEEP,
                    "a zip needs at least one config path and its list of values");
            return;
        }
        entries.sort(Comparator.comparing(Entry::origin, BY_LINE).thenComparing(Entry::path));
        int size = entries.get(0).values().size();
        for (Entry e : entries) {
            if (e.values().size() != size) {
                problems.add(
                        e.origin(),
                        e.display(),
                        Kind.BAD_SWEEP,
                        "the lists of a zip vary together and must have the"
                                + " same length: " + entries.get(0).path() + " has " + size + " values, " + e.path()
                                + " has "
                                + e.values().size());
                return;
            }
        }
        axes.add(new Axis(List.copyOf(entries), group.origin()));
    }

    /** Checks one entry (a sweepable path, swept once, with values); records a problem when it is not. */
    private static boolean validEntry(Entry e, Set<String> paths, Problems problems) {
        String head = e.parts().get(0);
        if (!paths.add(e.path())) {
            problems.add(e.origin(), e.display(), Kind.BAD_SWEEP, "this path is swept twice");
        } else if (e.parts().stream().anyMatch(String::isEmpty)) {
            problems.add(e.origin(), e.display(), Kind.BAD_SWEEP, "not a config path");
        } else if (!ConditionReader.SWEEPABLE.contains(head)) {
            String why = ConfigSchema.TOP.keys().stream().anyMatch(k -> k.name().equals(head))
                    ? head + " cannot be swept"
                            + (head.equals("seeds") ? " (list the seeds in seeds = [...] instead)" : "")
                    : "no such config key '" + head + "'" + ConfigNode.suggestion(head, ConditionReader.SWEEPABLE)
                            + "; sweepable: " + String.join(", ", ConditionReader.SWEEPABLE);
            problems.add(e.origin(), e.display(), Kind.BAD_SWEEP, why);
        } else if (e.values().isEmpty()) {
            problems.add(e.origin(), e.display(), Kind.BAD_SWEEP, "the list of values must not be empty");
        } else {
            return true;
        }
        return false;
    }

    private static void collect(
            ConfigObject object, List<String> prefix, String within, List<Entry> out, Problems problems) {
        for (Map.Entry<String, ConfigValue> kv : object.entrySet()) {
            List<String> parts = new ArrayList<>(prefix);
            parts.addAll(Arrays.asList(kv.getKey().split("\\.", -1)));
            ConfigValue v = kv.getValue();
            if (v.valueType() == ConfigValueType.OBJECT) {
                collect((ConfigObject) v, parts, within, out, problems);
            } else if (v.valueType() == ConfigValueType.LIST) {
                out.add(new Entry(String.join(".", parts), List.copyOf(parts), within, (ConfigList) v, v.origin()));
            } else {
                String path = String.join(".", parts);
                problems.add(
                        v.origin(),
                        within + "." + (path.contains(".") ? ConfigUtil.quoteString(path) : path),
                        Kind.BAD_SWEEP,
                        "expected a list of values to sweep, got " + ConfigNode.describe(v)
                                + " (write [value] for one value)");
            }
        }
    }

    /**
     * A problem caused by a sweep path rather than by a value (an unknown key at the swept path, or a swept path
     * that goes below a number) is reported at the sweep entry, as a bad sweep path.
     */
    private static void relocateSweepProblems(Problems problems, int mark, List<Entry> entries) {
        if (entries.isEmpty() || problems.count() == mark) return;
        List<ConfigProblem> found = problems.since(mark);
        problems.truncate(mark);
        for (ConfigProblem q : found) {
            ConfigProblem moved = q;
            for (Entry e : entries) {
                if (q.key().equals(e.path()) && q.kind() == Kind.UNKNOWN_KEY) {
                    moved = new ConfigProblem(
                            problems.file(e.origin()),
                            Problems.line(e.origin()),
                            e.display(),
                            Kind.BAD_SWEEP,
                            "no such config key " + e.path()
                                    + qualifiedHint(q.message().substring("unknown key".length()), e.path()));
                    break;
                }
                if (e.path().startsWith(q.key() + ".") && !q.key().isEmpty()) {
                    moved = new ConfigProblem(
                            problems.file(e.origin()),
                            Problems.line(e.origin()),
                            e.display(),
                            Kind.BAD_SWEEP,
                            "no such config key " + e.path() + " (" + q.key() + ": " + q.message() + ")");
                    break;
                }
            }
            problems.add(moved);
        }
    }

    /** Qualifies a relative "did you mean x?" hint with the parent path of {@code path}. */
    private static String qualifiedHint(String hint, String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot + 1);
        return hint.replaceAll(
                "did you mean ([^?]+)\\?", "did you mean " + java.util.regex.Matcher.quoteReplacement(parent) + "$1?");
    }

    /** Rewrites type-name shorthand ({@code reset = oracle}) as objects so that swept sub-paths apply. */
    private static Config normalize(Config config) {
        Config out = config;
        for (String position : TYPED_POSITIONS) {
            ConfigValue v = valueAt(out.root(), position.split("\\."));
            if (v != null && v.valueType() == ConfigValueType.STRING) {
                out = out.withValue(position, ConfigNode.typeObject((String) v.unwrapped(), v.origin()));
            }
        }
        return out;
    }

    private static ConfigValue valueAt(ConfigObject root, String[] parts) {
        ConfigValue v = root;
        try {
            for (String p : parts) {
                if (!(v instanceof ConfigObject o)) return null;
                v = o.get(p);
                if (v == null) return null;
            }
            v.valueType(); // a substitution not yet resolved throws: it is left to resolve
            return v;
        } catch (ConfigException.NotResolved e) {
            return null;
        }
    }

    /** A swept value as it appears in the results: strings bare, numbers canonical, objects as canonical JSON. */
    static String sweptText(ConfigValue value) {
        if (value.valueType() == ConfigValueType.STRING) return (String) value.unwrapped();
        if (value instanceof ConfigObject o
                && o.size() == 1
                && o.get("type") != null
                && o.get("type").valueType() == ConfigValueType.STRING) {
            return (String) o.get("type").unwrapped(); // { type = oracle } reads as oracle, like the shorthand
        }
        try {
            return CanonicalJson.render(value.unwrapped());
        } catch (IllegalArgumentException e) {
            // a literal beyond double range (1e309) reads as infinite: the condition's own check reports it, with its
            // line
            return value.render(ConfigRenderOptions.concise());
        }
    }

    static String describe(List<SweptValue> params) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(params.get(i).key()).append(" = ").append(params.get(i).value());
        }
        return s.append('}').toString();
    }

    private static String parserMessage(ConfigException e) {
        String msg = String.valueOf(e.getMessage());
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (msg.startsWith(prefix)) msg = msg.substring(prefix.length());
        }
        return msg;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
