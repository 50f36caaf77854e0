package org.driftlab.core.spec;

import java.util.ArrayList;
import java.util.List;

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

    /** The cross-block compatibility rules. */
    public static List<CompatibilityRule> rules() {
        return CompatibilityRules.ALL;
    }

    private static void collect(Block block, List<Block> out) {
        if (out.contains(block)) return;
        out.add(block);
        for (Variant v : block.variants()) {
            for (Key k : v.keys()) if (k.block() != null) collect(k.block(), out);
        }
    }
}
