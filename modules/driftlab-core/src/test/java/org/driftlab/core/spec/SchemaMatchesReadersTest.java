package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The declared schema is what the readers read: for a minimal condition of every type of every block, the keys of
 * each resolved block are exactly the declared keys of its type (optional ones only when given), with the declared
 * defaults.
 */
class SchemaMatchesReadersTest {
    private static final Set<String> PER_SWEEP = Set.of("name", "seeds", "sweep");

    @Test
    void resolvedBlocksHaveExactlyTheDeclaredKeys() {
        List<String> texts = new ArrayList<>(PinnedDefaultsTest.CONDITIONS.values());
        texts.add(
                "steps = 10\nstream { type = quadratic, dim = 2 }\nrule { type = optimal-control, gamma = 0.1, metric { type = dense, values = [2, 0, 0, 2] } }\n");
        Set<String> seen = new HashSet<>();
        for (String text : texts) check(text, seen);
        // every other type: the minimal condition its schema entry gives, so a new type needs no line here
        for (Block b : ConfigSchema.blocks()) {
            if (!b.typed()) continue;
            for (String type : b.types()) {
                if (seen.contains(b.path() + ":" + type)) continue;
                String text = ConfigSchema.minimalCondition(b, type);
                assertThat(text)
                        .as(
                                "%s = %s has no minimal condition of its own: add one to PinnedDefaultsTest",
                                b.path(), type)
                        .isNotNull();
                check(text, seen);
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Block b : ConfigSchema.blocks()) for (Variant v : b.variants()) declared.add(b.path() + ":" + v.type());
        assertThat(seen)
                .as("every type of every block is read by some minimal condition")
                .containsAll(declared);
    }

    @Test
    void everyResetPolicyHasAMinimalConditionFromItsSchemaEntryAlone() {
        Block reset = ConfigSchema.block("reset");
        for (String type : reset.types()) {
            String text = ConfigSchema.minimalCondition(reset, type);
            assertThat(text).as(type).isNotNull();
            assertThat(ConfigFactory.parseString(PinnedDefaultsTest.canonical(text))
                            .getString("reset.type"))
                    .as(text)
                    .isEqualTo(type);
        }
    }

    private static void check(String text, Set<String> seen) {
        Map<String, Object> resolved = ConfigFactory.parseString(PinnedDefaultsTest.canonical(text))
                .root()
                .unwrapped();
        check(ConfigSchema.TOP, resolved, text, seen);
    }

    @SuppressWarnings("unchecked")
    private static void check(Block block, Map<String, Object> node, String text, Set<String> seen) {
        String type = block.typed() ? (String) node.get("type") : "";
        seen.add(block.path() + ":" + type);
        Variant variant = block.variant(type);
        Set<String> expected = new TreeSet<>();
        for (Key k : variant.keys()) {
            if (k.presence() == Key.Presence.OPTIONAL && !node.containsKey(k.name())
                    || block == ConfigSchema.TOP && PER_SWEEP.contains(k.name())) continue;
            expected.add(k.name());
            Object value = node.get(k.name());
            if (k.type() == Key.Type.BLOCK) {
                if (value instanceof Map<?, ?>)
                    check(k.block(), (Map<String, Object>) value, text, seen); // else a list form (eigenvalues)
            } else if (k.presence() == Key.Presence.DEFAULT && k.type() != Key.Type.OTHER) {
                // the canonical form renders numbers by value: compare as doubles
                Object dflt = k.dflt();
                if (dflt instanceof Number n && value instanceof Number v) {
                    if (text.contains(k.name() + " =")) continue; // given in the text, not defaulted
                    assertThat(v.doubleValue())
                            .as(block.path() + "." + k.name() + " in\n" + text)
                            .isEqualTo(n.doubleValue());
                }
            }
        }
        Set<String> actual = new TreeSet<>(node.keySet());
        actual.remove("type");
        assertThat(actual)
                .as("keys of " + (block.path().isEmpty() ? "the top level" : block.path()) + " " + type + " in\n"
                        + text)
                .isEqualTo(expected);
    }
}
