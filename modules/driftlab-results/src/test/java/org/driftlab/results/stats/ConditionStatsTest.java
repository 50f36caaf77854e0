package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionStatsTest {
    @Test
    void numbersLoseNeedlessDecimals() {
        assertThat(ConditionStats.render(0.002)).isEqualTo("0.002");
        assertThat(ConditionStats.render(500.0)).isEqualTo("500");
    }

    @Test
    void sweptBlocksReadAsTypeWithFields() {
        assertThat(ConditionStats.render("{\"target\":\"prior-mean\",\"tau\":0.5,\"type\":\"belief-threshold\",\"window\":10}"))
                .isEqualTo("belief-threshold(target=prior-mean, tau=0.5, window=10)");
        assertThat(ConditionStats.render("{\"type\":\"oracle\"}")).isEqualTo("oracle");
        assertThat(ConditionStats.render("{\"lr\":0.1,\"type\":\"sgd\"}")).isEqualTo("sgd(lr=0.1)");
    }

    @Test
    void nestedValuesStayWhole() {
        assertThat(ConditionStats.render("{\"metric\":{\"type\":\"hessian\"},\"type\":\"natural-gradient\"}"))
                .isEqualTo("natural-gradient(metric={type:hessian})");
        assertThat(ConditionStats.render("{\"a\":[1,2],\"b\":\"x,y\"}")).isEqualTo("{a=[1,2], b=x,y}");
    }

    @Test
    void quotedStringsAreUnquotedAndOtherTextKept() {
        assertThat(ConditionStats.render("\"adam\"")).isEqualTo("adam");
        assertThat(ConditionStats.render("plain")).isEqualTo("plain");
        assertThat(ConditionStats.render("{not json}")).isEqualTo("{not json}");
    }
}
