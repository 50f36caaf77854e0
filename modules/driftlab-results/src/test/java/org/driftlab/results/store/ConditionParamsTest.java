package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.junit.jupiter.api.Test;

class ConditionParamsTest {
    @Test
    void everyLeafOfTheResolvedConfigKeepsItsType() {
        SweepSpec sweep = SweepLoader.parse(StoreFixtures.simulatedConfig("p", "bocpd", 1), "p.conf");
        String id = sweep.runs().get(1).conditionId();
        Map<String, Object> leaves =
                ConditionParams.ofConfig(sweep.conditionConfigs().get(id));
        assertThat(leaves)
                .containsEntry("steps", 400L)
                .containsEntry("stream.dim", 3L)
                .containsEntry("stream.gradient-noise", 0.5)
                .containsEntry("stream.rotated", false)
                .containsEntry("rule.type", "adam")
                .containsEntry("rule.lr", 0.05)
                .containsEntry("reset.type", "belief-threshold")
                .containsEntry("reset.tau", 0.3)
                .containsEntry("belief.hazard", 0.02);
        assertThat(leaves).containsKey("rule.beta1"); // a default the config never wrote
    }

    @Test
    void sweptValuesAloneAreReadByTheConfigParser() {
        Map<String, Object> leaves = ConditionParams.ofSwept(List.of(
                new SweptValue("rule.lr", "1e-2"),
                new SweptValue("reset", "{\"tau\":0.5,\"type\":\"belief-threshold\"}"),
                new SweptValue("name", "a b:c")));
        assertThat(leaves)
                .containsExactly(
                        Map.entry("rule.lr", 0.01),
                        Map.entry("reset.tau", 0.5),
                        Map.entry("reset.type", "belief-threshold"),
                        Map.entry("name", "a b:c"));
    }
}
