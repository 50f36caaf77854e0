package org.driftlab.results.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {
    @TempDir
    Path dir;

    ConditionTable table;

    @BeforeEach
    void fixture() {
        try (ResultStore s = ResultStore.open(dir.resolve("t.duckdb"))) {
            StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("t", 3), 0);
            table = ConditionTable.of(s.runs(), s.sweptKeys(null));
        }
    }

    @Test
    void theAlignedTableHasEqualWidthRows() {
        String text = TableWriter.render(table, Metric.MEAN_EXCESS_LOSS, TableFormat.TABLE);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3 + 6 + 1); // the fixture's first run diverged: a note under the table
        assertThat(lines.get(0)).startsWith("mean excess loss [loss] per condition");
        assertThat(lines.get(1)).startsWith("stream.switching.hazard  reset").contains("ci95_low");
        int ruleWidth = lines.get(2).length();
        assertThat(lines.subList(3, lines.size()))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(ruleWidth));
        // the mean column is right-aligned: every row ends at the same column
        assertThat(lines.get(3)).contains("0.001", "belief-threshold");
        assertThat(lines.get(3).length()).isEqualTo(ruleWidth);
        assertThat(lines).filteredOn(l -> l.contains("†")).hasSize(2); // one row and the note
        assertThat(lines.get(lines.size() - 1)).startsWith("† some runs diverged");
    }

    @Test
    void csvJsonAndMarkdownCarryTheSameNumbers() {
        double mean = table.conditions().get(0).of(Metric.MEAN_LOSS).mean();
        String csv = TableWriter.render(table, Metric.MEAN_LOSS, TableFormat.CSV);
        assertThat(csv.lines().toList()).hasSize(7);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "stream.switching.hazard,reset,runs,diverged,n,mean,sd,se,ci95_low,ci95_high,median,median_all");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith("0.001,belief-threshold,3,")
                .contains("," + mean + ",");
        String json = TableWriter.render(table, Metric.MEAN_LOSS, TableFormat.JSON);
        assertThat(json)
                .startsWith("[\n  {\"stream.switching.hazard\": 0.001, \"reset\": \"belief-threshold\", \"runs\": 3")
                .contains("\"mean\": " + mean)
                .endsWith("}\n]\n");
        String md = TableWriter.render(table, Metric.MEAN_LOSS, TableFormat.MD);
        assertThat(md.lines().filter(l -> l.startsWith("|")).count()).isEqualTo(2 + 6);
    }
}
