package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionStatsTest {
    @Test
    void numbersLoseNeedlessDecimals() {
        assertThat(ConditionStats.render(0.002)).isEqualTo("0.002");
        assertThat(ConditionStats.render(500.0)).isEqualTo("500");
        assertThat(ConditionStats.render(8L)).isEqualTo("8");
    }

    @Test
    void sweptBlocksReadAsTypeWithFields() {
        Map<String, Object> threshold = new LinkedHashMap<>();
        threshold.put("type", "belief-threshold");
        threshold.put("tau", 0.5);
        threshold.put("window", 10L);
        assertThat(ConditionStats.render(threshold)).isEqualTo("belief-threshold(tau=0.5, window=10)");
        assertThat(ConditionStats.render(Map.of("type", "oracle"))).isEqualTo("oracle");
        assertThat(ConditionStats.render(Map.of("min", 0.1))).isEqualTo("{min=0.1}");
    }

    @Test
    void textAndBooleansAreKept() {
        assertThat(ConditionStats.render("adam")).isEqualTo("adam");
        assertThat(ConditionStats.render(Boolean.TRUE)).isEqualTo("true");
        assertThat(ConditionStats.render(null)).isEqualTo("—");
    }
}
