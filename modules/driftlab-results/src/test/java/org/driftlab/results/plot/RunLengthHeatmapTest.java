package org.driftlab.results.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.sim.RunLengthPosterior;
import org.driftlab.core.sim.RunLengthRecorder;
import org.driftlab.core.sim.TestRuns;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class RunLengthHeatmapTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static RunLengthPosterior posterior(long steps, int maxColumns) {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, true, 0.5, new HazardSwitchSpec(0.02)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 1e-8, 80),
                new BeliefThresholdSpec(new BeliefTrigger(0.3, 5, ResetTarget.PRIOR_MEAN, true)),
                steps);
        return RunLengthRecorder.record(spec, maxColumns);
    }

    @Test
    void writesPngAndSvgWithTheSwitchAndResetMarkers() throws Exception {
        RunLengthPosterior p = posterior(600, 2000);
        assertThat(p.result().metrics().switches()).isPositive();
        assertThat(p.result().metrics().resets()).isPositive();
        List<Path> files = RunLengthHeatmap.write(p, dir);
        if (System.getProperty("heatmap.keep") != null)
            java.nio.file.Files.copy(
                    files.get(0),
                    Path.of(System.getProperty("heatmap.keep")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(files).containsExactly(dir.resolve("run-length-run.png"), dir.resolve("run-length-run.svg"));
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        assertThat(img.getWidth()).isEqualTo(RunLengthHeatmap.WIDTH);
        assertThat(img.getHeight()).isEqualTo(RunLengthHeatmap.HEIGHT);
        assertThat(count(img, RunLengthHeatmap.SWITCH_COLOR.getRGB())).isGreaterThan(300);
        assertThat(count(img, RunLengthHeatmap.RESET_COLOR.getRGB())).isGreaterThan(100);
        // the map: high-probability (yellow end) and low-probability (purple end) pixels both present
        int confident = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                // the viridis end above P = 0.1: red > 150, green > 200, blue < 110
                if ((rgb >> 16 & 0xFF) > 150 && (rgb >> 8 & 0xFF) > 200 && (rgb & 0xFF) < 110) confident++;
            }
        }
        assertThat(confident).isGreaterThan(500);
        assertThat(count(img, RunLengthHeatmap.colour(0.0).getRGB())).isGreaterThan(10_000);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = f.newDocumentBuilder().parse(files.get(1).toFile());
        assertThat(svg.getElementsByTagName("image").getLength()).isEqualTo(1);
        assertThat(svg.getDocumentElement().getAttribute("width")).startsWith(String.valueOf(RunLengthHeatmap.WIDTH));
        String text = java.nio.file.Files.readString(files.get(1));
        assertThat(text).contains("rgb(213,94,0)", "rgb(86,180,233)", "run-length posterior".substring(4));
    }

    @Test
    void downsampledColumnsAreSaidInTheTitleAndLogColoursAreMonotone() throws Exception {
        RunLengthPosterior p = posterior(3000, 700);
        assertThat(p.stepsPerColumn()).isEqualTo(5);
        List<Path> files = RunLengthHeatmap.write(p, dir);
        assertThat(java.nio.file.Files.readString(files.get(1))).contains("mean over 5 steps (600 columns)");
        assertThat(RunLengthHeatmap.colour(1e-9)).isEqualTo(RunLengthHeatmap.colour(RunLengthHeatmap.FLOOR));
        int previousGreen = -1;
        for (int k = 6; k >= 0; k--) {
            int green = RunLengthHeatmap.colour(Math.pow(10, -k)).getGreen();
            assertThat(green).isGreaterThan(previousGreen);
            previousGreen = green;
        }
        assertThat(RunLengthHeatmap.ticks(600)).containsExactly(0, 100, 200, 300, 400, 500, 600);
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) n++;
        }
        return n;
    }
}
