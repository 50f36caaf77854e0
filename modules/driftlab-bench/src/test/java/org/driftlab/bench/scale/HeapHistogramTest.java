package org.driftlab.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {
    private static final String EARLIER = String.join(
            "\n",
            "12345:",
            " num     #instances         #bytes  class name (module)",
            "-------------------------------------------------------",
            "   1:          1000         800000  [D (java.base@17.0.15)",
            "   2:           500          24000  java.lang.String (java.base@17.0.15)",
            "   3:            10            640  org.driftlab.core.sim.Learner",
            "Total          1510         824640");
    private static final String LATER = String.join(
            "\n",
            " num     #instances         #bytes  class name (module)",
            "   1:           400          12000  java.lang.String (java.base@17.0.15)",
            "   2:          3000        2400000  [D (java.base@17.0.15)",
            "   3:             7            224  org.driftlab.cluster.learner.LearnerEntity",
            "Total          3407        2412224");

    @Test
    void parsesRowsLargestFirstAndTotalsThem() {
        HeapHistogram h = HeapHistogram.parse(LATER);
        assertThat(h.rows())
                .extracting(HeapHistogram.Row::className)
                .containsExactly("[D", "java.lang.String", "org.driftlab.cluster.learner.LearnerEntity");
        assertThat(h.totalBytes()).isEqualTo(2_412_224);
        assertThat(h.row("java.lang.String")).isEqualTo(new HeapHistogram.Row("java.lang.String", 400, 12000));
        assertThat(h.row("absent.Class")).isEqualTo(new HeapHistogram.Row("absent.Class", 0, 0));
    }

    @Test
    void growthListsOnlyClassesThatGrewLargestFirst() {
        HeapHistogram earlier = HeapHistogram.parse(EARLIER);
        HeapHistogram later = HeapHistogram.parse(LATER);
        assertThat(later.grownSince(earlier, 5))
                .containsExactly(
                        new HeapHistogram.Row("[D", 2000, 1_600_000),
                        new HeapHistogram.Row("org.driftlab.cluster.learner.LearnerEntity", 7, 224));
        assertThat(later.grownSince(earlier, 1)).hasSize(1);
    }

    @Test
    void textWithoutRowsIsRejected() {
        assertThatThrownBy(() -> HeapHistogram.parse("nothing here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing here");
    }

    @Test
    void takesTheHistogramOfThisJvm() {
        HeapHistogram h = HeapHistogram.take();
        assertThat(h.totalBytes()).isPositive();
        assertThat(h.row("java.lang.String").instances()).isPositive();
    }
}
