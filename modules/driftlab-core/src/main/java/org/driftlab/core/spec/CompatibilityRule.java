package org.driftlab.core.spec;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.check.Require;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.stream.StreamSpec;

/**
 * One rule on how the blocks of a condition fit together (each block being valid on its own): the config
 * {@code key} a violation is reported at (e.g. {@code reset.type}), the rule in words for docs and
 * {@code driftlab help config}, when it is broken, and the message for a broken one. Checked once per condition
 * when a config loads ({@link CompatibilityRules}); a spec that reaches a worker has passed every rule.
 */
public record CompatibilityRule(String key, String doc, Predicate<Blocks> broken, Function<Blocks, String> message) {
    public CompatibilityRule {
        Require.nonNull("key", key);
        Require.nonNull("doc", doc);
        Require.nonNull("broken", broken);
        Require.nonNull("message", message);
    }

    /** A condition's blocks, each valid alone, and its resolved config tree (for the type names as written). */
    public record Blocks(
            StreamSpec stream, RuleSpec rule, BeliefSpec belief, ResetSpec reset, Map<String, Object> resolved) {
        /** The {@code type} of block {@code block} (e.g. {@code "reset"}) as the config resolves it. */
        @SuppressWarnings("unchecked")
        public String type(String block) {
            Object node = resolved;
            for (String part : block.split("\\.")) node = node instanceof Map<?, ?> m ? m.get(part) : null;
            return node instanceof Map<?, ?> m
                    ? String.valueOf(((Map<String, Object>) m).get("type"))
                    : String.valueOf(node);
        }
    }
}
