package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SweepsCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SweepsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void listsEachSweepWithItsSizeDateAndConfig() {
        Path store = dir.resolve("s.duckdb");
        SweepSpec b = StoreFixtures.sweep(
                "lr",
                List.of("rule.lr"),
                List.of(List.of(new SweptValue("rule.lr", "0.1")), List.of(new SweptValue("rule.lr", "0.2"))),
                3);
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("hazard", 2), -1);
            s.beginSweep(b);
            s.accept(b.runs().get(0), StoreFixtures.resultFor(b.runs().get(0)));
        }
        assertThat(run(store.toString(), "--configs")).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("2 sweeps in " + store);
        assertThat(lines.get(1))
                .contains("sweep", "begun", "version", "swept keys", "conditions", "runs", "config sha256");
        assertThat(lines.get(3))
                .startsWith("hazard ")
                .contains("stream.switching.hazard, reset", " UTC ", " 6 ", " 12/12 ");
        assertThat(lines.get(4)).startsWith("lr ").contains("rule.lr", " 1 ", " 1/6 ");
        assertThat(out.toString()).contains("# ---- sweep lr, config sha256 ", b.configText());
    }

    @Test
    void aMissingStoreIsOneLineExitTwo() {
        assertThat(run(dir.resolve("none.duckdb").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("driftlab: ").contains("no results store here");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
