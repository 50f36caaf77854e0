package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.SweepClient;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view in a real headless browser (Debian's {@code chromium}) during a sweep: the page is loaded
 * twice while the sweep runs (the sweep is held after its 3rd and its 8th stored run until the page has been
 * read, so both loads surely land mid-sweep), and the per-condition table and the loss curves must appear and
 * then change. Skipped, with the reason, where chromium is not installed ({@code .ci/run} installs it). With
 * {@code -Ddriftlab.live.screenshot=FILE} the second load also saves a screenshot (docs/img/live-view.png).
 */
class LiveViewBrowserTest {
    @TempDir
    Path dir;

    private static final Pattern RUNS = Pattern.compile("<td class=\"runs\">(\\d+)</td>");
    private static final Pattern POINTS = Pattern.compile("<canvas id=\"curves\" data-points=\"(\\d+)\"");

    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    @Test
    void aHeadlessBrowserSeesTheTableAndTheCurvesAppearAndUpdateDuringASweep() throws Exception {
        Path chromium = chromium();
        assumeTrue(
                chromium != null,
                "chromium is not installed (apt-get install -y chromium): the live view's browser test is skipped");
        SweepSpec sweep = SweepLoader.load(SweepConfigs.write(dir, "live", 6, 400));
        Path storeFile = dir.resolve("live.duckdb");
        CountDownLatch atThird = new CountDownLatch(1);
        CountDownLatch atEighth = new CountDownLatch(1);
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        try (ResultStore store = ResultStore.open(storeFile);
                EmbeddedCluster cluster = EmbeddedCluster.start(
                        1,
                        com.typesafe.config.ConfigFactory.parseString("driftlab.sweep { store-batch-size = 1 }")
                                .withFallback(ClusterConfig.load()))) {
            store.beginSweep(sweep);
            SweepSession session = new SweepSession(sweep, store, new PrintWriter(new StringWriter()));
            LiveView view = new LiveView(sweep, storeFile, System::nanoTime);
            session.showLive(view);
            SweepSession.SweepCluster side = new SweepSession.SweepCluster() {
                public SweepClient client() {
                    return cluster.client();
                }

                public int workersUp() {
                    return 1;
                }

                public List<String> members() {
                    return ClusterMembers.of(cluster.nodes().get(0).system());
                }

                public void close() {}
            };
            session.attach(side);
            view.members(side::members); // as runOn does
            try (LiveServer server = LiveServer.start(InetAddress.getLoopbackAddress(), 0, view)) {
                // the submitter's thread waits here until the page has been read: the sweep is held mid-way
                CompletableFuture<SweepOutcome> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return session.run(cluster.client(), p -> {
                            if (p.done() == 3) hold(atThird, firstRead);
                            if (p.done() == 8) hold(atEighth, secondRead);
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(atThird.await(60, TimeUnit.SECONDS))
                        .as("3 runs stored")
                        .isTrue();
                String first = dumpDom(chromium, server, null);
                firstRead.countDown();
                assertThat(atEighth.await(60, TimeUnit.SECONDS))
                        .as("8 runs stored")
                        .isTrue();
                String screenshot = System.getProperty("driftlab.live.screenshot");
                String second = dumpDom(chromium, server, screenshot == null ? null : Path.of(screenshot));
                secondRead.countDown();
                assertThat(run.get(120, TimeUnit.SECONDS).failures()).isEmpty();

                assertThat(first)
                        .contains(
                                "data-condition=\"reset=none\"",
                                "data-condition=\"reset=oracle\"",
                                "<b id=\"done\">3</b> / 12 runs done",
                                "127.0.0.1:",
                                "Up [worker]");
                assertThat(runs(first)).as(first).isEqualTo(3);
                assertThat(points(first)).as(first).isPositive();
                assertThat(second).contains("<b id=\"done\">8</b> / 12 runs done");
                assertThat(runs(second)).as(second).isEqualTo(8);
                assertThat(points(second)).as(second).isPositive();
                assertThat(tableOf(second)).isNotEqualTo(tableOf(first));
            }
        }
    }

    private static void hold(CountDownLatch reached, CountDownLatch release) {
        reached.countDown();
        try {
            release.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The page's DOM after it has run its script for a few (virtual) seconds; a screenshot too when asked. */
    private String dumpDom(Path chromium, LiveServer server, Path screenshot) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=3000",
                "--window-size=1200,1000"));
        if (screenshot != null) {
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            Process shot = new ProcessBuilder(concat(
                            command,
                            "--screenshot=" + screenshot.toAbsolutePath(),
                            server.uri().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("screenshot.log").toFile())
                    .start();
            assertThat(shot.waitFor(60, TimeUnit.SECONDS))
                    .as("chromium --screenshot within 60 s")
                    .isTrue();
        }
        Path out = dir.resolve("dom-" + System.nanoTime() + ".html");
        Process p = new ProcessBuilder(
                        concat(command, "--dump-dom", server.uri().toString()))
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium --dump-dom did not finish within 60 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    private static int runs(String dom) {
        int sum = 0;
        Matcher m = RUNS.matcher(dom);
        while (m.find()) sum += Integer.parseInt(m.group(1));
        return sum;
    }

    private static int points(String dom) {
        Matcher m = POINTS.matcher(dom);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String tableOf(String dom) {
        int a = dom.indexOf("<table id=\"conditions\">");
        return dom.substring(a, dom.indexOf("</table>", a));
    }
}
