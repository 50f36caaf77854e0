package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.driftlab.core.series.SeriesCsv;
import org.junit.jupiter.api.Test;

class BeliefSeriesTest {
    static BeliefSeries.Options gaussian(double prune, int rMax) {
        return new BeliefSeries.Options(
                "gaussian", 0.05, new BeliefSeries.Priors(0.0, 4.0, 0.5, null, null, null), 20, 3, prune, rMax);
    }

    @Test
    void writesOneFullPrecisionRowPerStep() throws IOException {
        SeriesCsv series = SeriesCsv.read(new StringReader("x,y\n0.1,0.2\n0.0,-0.1\n3.1,2.9\n3.0,3.2\n"), "s.csv");
        StringBuilder out = new StringBuilder();
        BeliefSeries.run(series, gaussian(0, 100), out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("t,map_run_length,mean_run_length,p_change");
        Bocpd b = TaskBeliefs.gaussian(0.05, 0, 100, new double[] {0, 0}, 4.0, new double[] {0.5, 0.5});
        double[] v = series.values();
        for (int t = 1; t <= 4; t++) {
            b.observe(v, (t - 1) * 2);
            assertThat(lines[t])
                    .isEqualTo(t + "," + b.mapRunLength() + "," + Double.toString(b.meanRunLength()) + ","
                            + Double.toString(b.pChange(3)));
        }
        // the switch between rows 2 and 3 shows: at t = 4 the run is short
        assertThat(b.mapRunLength()).isEqualTo(2);
    }

    @Test
    void rowsMatchTheWrittenOutput() throws IOException {
        double[] v = {1.0, 1.2, 0.9, 5.0, 5.1};
        BeliefSeries.Options o = new BeliefSeries.Options(
                "normal-gamma", 0.1, new BeliefSeries.Priors(1.0, null, null, 1.0, 1.0, 1.0), 20, 2, 1e-10, 50);
        double[][] rows = BeliefSeries.rows(o.belief(1), v, 2);
        StringBuilder out = new StringBuilder();
        BeliefSeries.run(o.belief(1), v, 2, out);
        String[] lines = out.toString().split("\n");
        for (int t = 0; t < v.length; t++) {
            String[] cells = lines[t + 1].split(",");
            assertThat(Long.parseLong(cells[0])).isEqualTo((long) rows[t][0]).isEqualTo(t + 1);
            assertThat(Integer.parseInt(cells[1])).isEqualTo((int) rows[t][1]);
            assertThat(Double.parseDouble(cells[2])).isEqualTo(rows[t][2]);
            assertThat(Double.parseDouble(cells[3])).isEqualTo(rows[t][3]);
        }
    }

    @Test
    void optionsAreValidatedWithTheirNames() {
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "poisson", 0.1, new BeliefSeries.Priors(0.0, 1.0, 1.0, null, null, null), 20, 3, 0, 10))
                .hasMessageContaining("gaussian, normal-gamma, variance-change, log-normal-gamma");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "gaussian", 0.1, new BeliefSeries.Priors(0.0, null, 1.0, null, null, null), 20, 3, 0, 10))
                .hasMessageContaining("prior-var");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "normal-gamma", 0.1, new BeliefSeries.Priors(0.0, null, null, 1.0, null, 1.0), 20, 3, 0, 10))
                .hasMessageContaining("alpha0");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "gaussian", 1.5, new BeliefSeries.Priors(0.0, 1.0, 1.0, null, null, null), 20, 3, 0, 10))
                .hasMessageContaining("hazard");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "gaussian", 0.1, new BeliefSeries.Priors(0.0, 1.0, -1.0, null, null, null), 20, 3, 0, 10))
                .hasMessageContaining("noise-var");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "gaussian", 0.1, new BeliefSeries.Priors(0.0, 1.0, 1.0, null, null, null), 20, 0, 0, 10))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new BeliefSeries.Options(
                        "gaussian", 0.1, new BeliefSeries.Priors(0.0, 1.0, 1.0, null, null, null), 20, 3, 0, 0))
                .hasMessageContaining("r-max");
        BeliefSeries.Options ng = new BeliefSeries.Options(
                "normal-gamma", 0.1, new BeliefSeries.Priors(0.0, null, null, 1.0, 1.0, 1.0), 20, 3, 0, 10);
        assertThatThrownBy(() -> ng.belief(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 2");
    }
}
