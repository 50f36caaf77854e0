package org.driftlab.core.spec;

import java.util.List;
import java.util.Map;
import org.driftlab.core.check.Require;

/**
 * A validated experiment: its name (the config file's base name unless set), the config text it came
 * from, the swept keys in order, every run (conditions × seeds) in a deterministic order, and each
 * condition's canonical resolved config (JSON, every default filled in; the text its id is hashed from) by
 * condition id. {@code conditionConfigs} may lack conditions of a hand-built sweep (benchmarks, tests); the
 * loader gives every one.
 */
public record SweepSpec(
        String name,
        String configText,
        List<String> sweptKeys,
        List<RunSpec> runs,
        Map<String, String> conditionConfigs) {
    public SweepSpec {
        Require.nonNull("name", name);
        Require.nonNull("configText", configText);
        sweptKeys = List.copyOf(Require.nonNull("sweptKeys", sweptKeys));
        runs = List.copyOf(Require.nonNull("runs", runs));
        conditionConfigs = Map.copyOf(Require.nonNull("conditionConfigs", conditionConfigs));
    }

    /** A hand-built sweep without condition configs. */
    public SweepSpec(String name, String configText, List<String> sweptKeys, List<RunSpec> runs) {
        this(name, configText, sweptKeys, runs, Map.of());
    }
}
