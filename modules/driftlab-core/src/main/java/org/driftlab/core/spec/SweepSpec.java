package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * A validated experiment: its name (the config file's base name unless set), the config text it came
 * from, the swept keys in order, and every run (conditions × seeds) in a deterministic order.
 */
public record SweepSpec(String name, String configText, List<String> sweptKeys, List<RunSpec> runs) {
    public SweepSpec {
        Require.nonNull("name", name);
        Require.nonNull("configText", configText);
        sweptKeys = List.copyOf(Require.nonNull("sweptKeys", sweptKeys));
        runs = List.copyOf(Require.nonNull("runs", runs));
    }
}
