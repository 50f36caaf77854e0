package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void numbersRenderByValue() {
        assertThat(CanonicalJson.number(8)).isEqualTo("8");
        assertThat(CanonicalJson.number(8.0)).isEqualTo("8");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.number(0.01)).isEqualTo("0.01");
        assertThat(CanonicalJson.number(1e-2)).isEqualTo("0.01");
        assertThat(CanonicalJson.number(1e-8)).isEqualTo("1E-8");
        assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CanonicalJson.number(1e300)).isEqualTo("1E+300");
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRenderedNumberReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) continue;
            assertThat(Double.parseDouble(CanonicalJson.number(v))).isEqualTo(v);
        }
    }

    @Test
    void objectsRenderWithSortedKeysAndEscapedStrings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1, 2.5, "a\"b\n"));
        m.put("a", Map.of("y", true, "x", 3L));
        assertThat(CanonicalJson.render(m)).isEqualTo("{\"a\":{\"x\":3,\"y\":true},\"z\":[1,2.5,\"a\\\"b\\n\"]}");
    }
}
