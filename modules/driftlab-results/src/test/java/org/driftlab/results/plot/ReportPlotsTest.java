package org.driftlab.results.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportPlotsTest {
    @TempDir
    Path dir;

    @TempDir
    Path storeDir;

    @Test
    void plotsOfAFixtureStoreAreValidPngAndSvg() throws Exception {
        ConditionTable table = fixtureTable(StoreFixtures.hazardByReset("p", 4));
        StoredRun marked = runs.get(0);
        String by = ReportPlots.defaultByKey(table);
        assertThat(by).isEqualTo("stream.switching.hazard");
        List<Path> files = ReportPlots.write(table, Metric.MEAN_EXCESS_LOSS, by, marked, dir);
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "binned-loss.png",
                        "binned-loss.svg",
                        "aligned-excess-loss.png",
                        "aligned-excess-loss.svg",
                        "mean-excess-loss-vs-hazard.png",
                        "mean-excess-loss-vs-hazard.svg");
        for (Path f : files) {
            if (f.toString().endsWith(".png")) checkPng(f, 2);
            else checkSvg(f);
        }
        assertThat(dir.toFile().list()).hasSize(6); // no temporary files left
    }

    @Test
    void aTextParameterOnTheXAxisGivesACategoryPlot() throws Exception {
        ConditionTable table = fixtureTable(StoreFixtures.hazardByReset("q", 3));
        String by = ReportPlots.resolveKey(table, "reset");
        List<Path> files = ReportPlots.write(table, Metric.MEAN_LOSS, by, null, dir);
        assertThat(files.get(4).getFileName().toString()).isEqualTo("mean-loss-vs-reset.png");
        checkPng(files.get(4), 3);
        checkSvg(files.get(5));
    }

    @Test
    void oneConditionHasNoParameterPlot() throws Exception {
        ConditionTable table =
                fixtureTable(StoreFixtures.sweep("one", List.of("x"), List.of(List.of(new SweptValue("x", "1"))), 3));
        assertThat(ReportPlots.defaultByKey(table)).isNull();
        List<Path> files = ReportPlots.write(table, Metric.MEAN_LOSS, null, runs.get(0), dir);
        assertThat(files).hasSize(4);
        checkPng(files.get(0), 1);
    }

    @Test
    void unknownOrAmbiguousKeysAreNamed() {
        ConditionTable table = fixtureTable(StoreFixtures.hazardByReset("k", 2));
        assertThat(ReportPlots.resolveKey(table, "hazard")).isEqualTo("stream.switching.hazard");
        assertThatThrownBy(() -> ReportPlots.resolveKey(table, "lr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown swept parameter 'lr' (swept: stream.switching.hazard, reset)");
    }

    private List<StoredRun> runs;

    private ConditionTable fixtureTable(SweepSpec sweep) {
        Path file = storeDir.resolve(sweep.name() + ".duckdb");
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, sweep, 1);
            runs = store.runs();
            return ConditionTable.of(runs, store.sweptKeys(null));
        }
    }

    /** Right size, and the first {@code series} palette colours drawn (opaque line pixels). */
    static void checkPng(Path png, int series) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as(png.toString()).isNotNull();
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        for (int s = 0; s < series; s++) {
            Color c = Palette.color(s);
            assertThat(countPixels(img, c))
                    .as("pixels of series colour " + s + " in " + png.getFileName())
                    .isGreaterThan(50);
        }
    }

    private static int countPixels(BufferedImage img, Color c) {
        int rgb = c.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
            }
        }
        return n;
    }

    static void checkSvg(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength())
                .as("path elements in " + svg.getFileName())
                .isGreaterThan(10);
    }
}
