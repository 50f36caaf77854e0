package org.driftlab.results.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsLinesTest {
    @Test
    void leavesOutPointsALogAxisCannotShowAndSkipsEmptyLines() {
        XYChart chart = Charts.lines(
                "t",
                "x",
                "y",
                false,
                true,
                List.of(
                        new Charts.Line(
                                "a", new double[] {0, 1, 2, 3}, new double[] {1, -1, Double.NaN, 0.5}, new double[] {
                                    2, 0.1, 0.1, Double.NaN
                                }),
                        new Charts.Line("empty", new double[] {0, 1}, new double[] {0, -2}, null)));
        assertThat(chart.getSeriesMap()).containsOnlyKeys("a");
        XYSeries a = chart.getSeriesMap().get("a");
        assertThat(a.getXData()).containsExactly(0.0, 3.0);
        assertThat(a.getYData()).containsExactly(1.0, 0.5);
        assertThat(a.getExtraValues()).containsExactly(0.99, 0.0);
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> new Charts.Line("b", new double[] {1, 2}, new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 'b'");
    }
}
