package org.driftlab.core.spec;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.core.spec.ConfigProblem.Kind;

/**
 * User-chosen condition labels (docs/CONFIG.md, "Condition labels"). A swept value may carry a label: an
 * object value takes a {@code label} key ({@code { type = oracle, label = "oracle reset" }}), any value may
 * be written {@code { value = 0.01, label = slow }}. A top-level {@code label} template names each condition
 * from its swept values: {@code label = "{reset} at lr {rule.lr}"}, each {@code {key}} replaced by that value's
 * label, or its rendering when it has none. Without a template a condition's label joins its values' labels
 * (a value without one shows as {@code key=value}); with neither, conditions have no label of their own
 * and are shown by their swept values, as before. A label is recorded with each run as the swept parameter
 * {@link #KEY}; it is not part of the condition's identity (ids do not change with it).
 */
public final class ConditionLabels {
    /** The parameter key under which a condition's label is recorded with its runs (never a config key). */
    public static final String KEY = "label";
    /** The top-level template, declared in the schema's top level (the per-value form is documented with it). */
    static final Key TEMPLATE = Key.other(
            KEY,
            Key.Presence.OPTIONAL,
            "none",
            "a template naming each condition from its"
                    + " swept values, e.g. `\"{reset} at lr {rule.lr}\"`; a swept value may carry its own `label` (see"
                    + " [Condition labels](#condition-labels)); not part of a condition's id");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String template;
    private final List<String> paths;
    private final List<List<String>> valueLabels; // per swept key, per value: the label or null
    private final boolean any;
    private final Problems problems;
    private final ConfigOrigin origin;
    private final Map<String, List<SweptValue>> seen = new HashMap<>();

    private ConditionLabels(
            String template,
            List<String> paths,
            List<List<String>> valueLabels,
            boolean any,
            Problems problems,
            ConfigOrigin origin) {
        this.template = template;
        this.paths = paths;
        this.valueLabels = valueLabels;
        this.any = any;
        this.problems = problems;
        this.origin = origin;
    }

    /**
     * Takes the labels out of the swept values: {@code values} are replaced in place by the values without
     * their labels. Problems (a label that is not text, a template naming a key that is not swept) are
     * recorded in {@code problems}.
     *
     * @param top    the config's top level (its {@code label} template is read here)
     * @param paths  the swept keys in sweep order
     * @param values the list of values of each swept key, in the same order
     */
    static ConditionLabels read(
            ConfigNode top, List<String> paths, List<ConfigList> values, List<ConfigOrigin> origins) {
        Problems problems = top.problems();
        String template = top.has(KEY) ? top.string(KEY, "") : null;
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!paths.contains(m.group(1))) {
                    problems.add(
                            top.originOf(KEY),
                            KEY,
                            Kind.OUT_OF_RANGE,
                            "the template names {" + m.group(1)
                                    + "}, which is not a swept key"
                                    + (paths.isEmpty()
                                            ? " (nothing is swept)"
                                            : "; swept: " + String.join(", ", paths)));
                }
            }
        }
        List<List<String>> labels = new ArrayList<>();
        boolean any = template != null;
        for (int k = 0; k < paths.size(); k++) {
            List<String> own = new ArrayList<>();
            List<Object> stripped = new ArrayList<>();
            boolean changed = false;
            for (ConfigValue v : values.get(k)) {
                String label = null;
                ConfigValue value = v;
                if (v instanceof ConfigObject o && o.containsKey(KEY)) {
                    ConfigValue l = o.get(KEY);
                    if (l.valueType() != ConfigValueType.STRING && l.valueType() != ConfigValueType.NUMBER) {
                        problems.add(
                                l.origin(),
                                "sweep." + paths.get(k) + "." + KEY,
                                Kind.WRONG_TYPE,
                                "a label is text, got " + ConfigNode.describe(l));
                    } else {
                        label = String.valueOf(l.unwrapped());
                    }
                    value = o.size() == 2 && o.containsKey("value") ? o.get("value") : o.withoutKey(KEY);
                    changed = true;
                }
                own.add(label);
                stripped.add(value);
            }
            if (changed) {
                values.set(
                        k,
                        ConfigValueFactory.fromIterable(stripped, "sweep." + paths.get(k))
                                .withOrigin(origins.get(k)));
                any = true;
            }
            labels.add(own);
        }
        ConfigOrigin where = template != null ? top.originOf(KEY) : origins.isEmpty() ? null : origins.get(0);
        return new ConditionLabels(template, List.copyOf(paths), labels, any, problems, where);
    }

    /** True when the config names its conditions (a template or a labelled value): every condition has a label. */
    boolean named() {
        return any;
    }

    /**
     * The label of the condition whose swept values are {@code params} (sweep order), taken at value
     * {@code index[k]} of each key; null when the config chose no labels. Two conditions with one label are
     * a problem (a label must tell its condition apart).
     */
    String of(int[] index, List<SweptValue> params) {
        if (!any) return null;
        Map<String, String> parts = new HashMap<>();
        List<String> joined = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            String own = valueLabels.get(k).get(index[k]);
            String rendered = params.get(k).value();
            parts.put(paths.get(k), own != null ? own : rendered);
            joined.add(own != null ? own : paths.get(k) + "=" + rendered);
        }
        String label;
        if (template == null) {
            label = String.join(", ", joined);
        } else {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find())
                m.appendReplacement(out, Matcher.quoteReplacement(parts.getOrDefault(m.group(1), m.group())));
            m.appendTail(out);
            label = out.toString();
        }
        List<SweptValue> twin = seen.putIfAbsent(label, List.copyOf(params));
        if (twin != null) {
            problems.add(
                    origin,
                    template != null ? KEY : "sweep",
                    Kind.BAD_SWEEP,
                    "conditions " + SweepLoader.describe(twin) + " and " + SweepLoader.describe(params)
                            + " have the same label \"" + label + "\"; labels must tell conditions apart");
        }
        return label;
    }
}
