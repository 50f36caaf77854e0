package org.driftlab.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared schema of an experiment config (STYLE C10.1): every block with its keys, types, units, defaults,
 * ranges and docs, and the cross-block {@link CompatibilityRules}. The readers take their defaults and ranges from it,
 * docs/CONFIG.md and {@code driftlab help config} are rendered from it ({@link ConfigDocs}), and a tool that plans a
 * sweep (bounds, memory) can walk it: {@link #blocks()} lists every block, {@link Key#min()}/{@link Key#max()} are
 * an integer key's bounds.
 */
public final class ConfigSchema {
    /** The top level of a config file. */
    public static final Block TOP = Block.untyped(
            "",
            "The keys of the file itself",
            "",
            SweepLoader.NAME,
            ConditionReader.STEPS,
            ConditionReader.DT,
            SweepLoader.SEEDS,
            ConditionReader.MASTER_SEED,
            ConditionReader.STREAM,
            ConditionReader.RULE,
            ConditionReader.BELIEF,
            ConditionReader.RESET,
            ConditionReader.METRICS_KEY,
            SweepLoader.SWEEP,
            ConditionLabels.TEMPLATE);

    private ConfigSchema() {}

    /** Every block, top level first, each followed by the sub-blocks its keys hold (depth first, once each). */
    public static List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        collect(TOP, out);
        return out;
    }

    /**
     * The block at {@code path} (e.g. {@code "reset"}, {@code "stream.switching"}).
     *
     * @throws IllegalArgumentException when no block has that path
     */
    public static Block block(String path) {
        for (Block b : blocks()) if (b.path().equals(path)) return b;
        throw new IllegalArgumentException("no config block " + path);
    }

    /** The cross-block compatibility rules. */
    public static List<CompatibilityRule> rules() {
        return CompatibilityRules.ALL;
    }

    /**
     * Settings a minimal condition is tried in, in order: each top-level block's text. A block's own example replaces
     * its entry; a sub-block's (e.g. {@code stream.switching}) is merged into it.
     */
    private static final List<Map<String, String>> CONTEXTS = List.of(
            context("stream { type = quadratic, dim = 2 }", ""),
            context("stream { type = quadratic, dim = 2 }", "belief { type = bocpd, hazard = 0.1 }"),
            context(
                    "stream { type = quadratic, dim = 2, switching { type = markov, tasks = 2, hazard = 0.1 } }",
                    "belief { type = hmm, hazard = 0.1 }"),
            context("stream { type = linear-regression, dim = 2 }", "belief { type = bocpd, hazard = 0.1 }"),
            context("stream { type = slowly-changing-regression, switching = none }", ""),
            context(
                    "stream { type = slowly-changing-regression, switching = none }",
                    "belief { type = bocpd, hazard = 0.1, model = variance-change }"));

    private static Map<String, String> context(String stream, String belief) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("steps", "steps = 10");
        c.put("stream", stream);
        c.put("rule", "rule = sgd");
        c.put("belief", belief);
        return c;
    }

    /**
     * The smallest config text the loader accepts with {@code type} of the typed {@code block}: the type with a value
     * in range for each required key, in the first of a few standard settings that fits its compatibility rules (a
     * reset that needs a belief gets one). What a new type needs to be read, documented and sent over the wire,
     * without a hand-written example; tests walk every type with it.
     *
     * @return the text, or null when a required key has no scalar form (a list, a matrix, a block) or no standard
     *     setting fits: such a type needs a hand-written example
     */
    public static String minimalCondition(Block block, String type) {
        Variant variant = block.variant(type);
        StringBuilder example =
                new StringBuilder(block.path()).append(" { type = ").append(type);
        for (Key k : variant.keys()) {
            if (k.presence() != Key.Presence.REQUIRED) continue;
            String value = sampleValue(k);
            if (value == null) return null;
            example.append(", ").append(k.name()).append(" = ").append(value);
        }
        example.append(" }");
        String top = block.path().contains(".") ? null : block.path();
        for (Map<String, String> c : CONTEXTS) {
            Map<String, String> blocks = new LinkedHashMap<>(c);
            if (top != null) blocks.put(top, example.toString());
            else blocks.put(block.path(), example.toString());
            String text = String.join("\n", blocks.values()) + "\n";
            try {
                SweepLoader.parse(text, "minimal.conf");
                return text;
            } catch (ConfigProblems tooMinimal) {
                // this setting breaks a compatibility rule of the type: try the next
            }
        }
        return null;
    }

    /** A value of a required scalar key inside its range, as config text; null for lists, matrices and blocks. */
    private static String sampleValue(Key k) {
        return switch (k.type()) {
            case REAL -> {
                for (double v : new double[] {0.5, 1.0, 2.0, 0.0, -1.0})
                    if (k.range().contains(v)) yield "" + v;
                yield null;
            }
            case INTEGER -> Long.toString(Math.max(k.min(), Math.min(k.max(), 2)));
            case BOOLEAN -> "true";
            case CHOICE -> k.options().get(0);
            default -> null;
        };
    }

    private static void collect(Block block, List<Block> out) {
        if (out.contains(block)) return;
        out.add(block);
        for (Variant v : block.variants()) {
            for (Key k : v.keys()) if (k.block() != null) collect(k.block(), out);
        }
    }
}
