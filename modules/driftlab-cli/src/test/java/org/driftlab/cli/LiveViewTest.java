package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live view's server and its wiring into {@code run} (the browser test is {@link LiveViewBrowserTest}). */
class LiveViewTest {
    @TempDir
    Path dir;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageTheLibraryAndTheStateReadOnlyOnLoopback() throws Exception {
        SweepSpec sweep = SweepLoader.load(SweepConfigs.write(dir, "view", 2, 200));
        long[] now = {0};
        LiveView view = new LiveView(sweep, dir.resolve("view.duckdb"), () -> now[0]);
        try (LiveServer server = LiveServer.start(InetAddress.getLoopbackAddress(), 0, view)) {
            URI uri = server.uri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(get(uri).body())
                    .contains("<canvas id=\"curves\"", "<table id=\"conditions\">", "chart.umd.min.js");
            HttpResponse<String> lib = get(uri.resolve("chart.umd.min.js"));
            assertThat(lib.statusCode()).isEqualTo(200);
            assertThat(lib.body()).startsWith("/*!").contains("Chart.js v4.4.9").hasSizeGreaterThan(100_000);
            assertThat(get(uri.resolve("LICENSE-chart.js.md")).body()).contains("MIT");
            assertThat(get(uri.resolve("nothing")).statusCode()).isEqualTo(404);
            HttpResponse<String> post = HTTP.send(
                    HttpRequest.newBuilder(uri.resolve("state.json"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);

            assertThat(get(uri.resolve("state.json")).body())
                    .contains(
                            "\"done\":0",
                            "\"warmingUp\":true",
                            "{\"name\":\"reset=none\",\"runs\":0}",
                            "{\"name\":\"reset=oracle\",\"runs\":0}");
            RunSpec first = sweep.runs().get(0);
            int runs = sweep.runs().size();
            view.onResult(Simulation.run(first, 16).withNode("n1"));
            view.onProgress(new Progress(1, runs, 0, 0, 16, 16L * runs, 0.0, 1));
            now[0] = LiveView.WARMUP_NANOS; // the warm-up ends with this report
            view.onResult(Simulation.run(sweep.runs().get(1), 16).withNode("n1"));
            view.onProgress(new Progress(2, runs, 0, 0, 32, 16L * runs, 0.0, 1));
            now[0] = 2 * LiveView.WARMUP_NANOS;
            String state = get(uri.resolve("state.json")).body();
            assertThat(state)
                    .contains(
                            "\"nodes\":[{\"node\":\"n1\",\"stored\":2,\"failed\":0,\"redispatched\":0}]",
                            "\"name\":\"reset=none\",\"runs\":2",
                            "\"curve\":[[10.0,",
                            "\"warmingUp\":false");
            // 0 steps since the warm-up ended: a rate of 0 and no ETA yet
            assertThat(state).contains("\"stepsPerSecond\":0.0", "\"etaSeconds\":null");
        }
    }

    @Test
    void countsFailedAndReDispatchedRunsPerNodeAndReDispatchesNotTiedToANode() throws Exception {
        SweepSpec sweep = SweepLoader.load(SweepConfigs.write(dir, "view", 2, 200));
        LiveView view = new LiveView(sweep, dir.resolve("view.duckdb"), () -> 0);
        // as the session wires it: the view first, then the terminal's listener, both told everything
        List<ClusterNotice> toldNext = new ArrayList<>();
        ProgressListener session = view.andThen(new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {}

            @Override
            public void onNotice(ClusterNotice notice) {
                toldNext.add(notice);
            }
        });
        view.onResult(Simulation.run(sweep.runs().get(0), 16).withNode("a:1#1"));
        session.onFailed("run-x", "b:2#2", "IllegalStateException: boom");
        session.onNotice(
                new ClusterNotice(ClusterNotice.Kind.REDISPATCHING, "member a:1#1 is unreachable", 3, "a:1#1"));
        session.onNotice(new ClusterNotice(ClusterNotice.Kind.REDISPATCHING, "not started within PT30S", 2));
        session.onNotice(new ClusterNotice(ClusterNotice.Kind.UNREACHABLE, "a:1#1", 0));
        assertThat(view.json())
                .contains(
                        "\"nodes\":[{\"node\":\"a:1#1\",\"stored\":1,\"failed\":0,\"redispatched\":3},"
                                + "{\"node\":\"b:2#2\",\"stored\":0,\"failed\":1,\"redispatched\":0}]",
                        "\"redispatchedUntied\":2");
        assertThat(toldNext).hasSize(3);
    }

    @Test
    void runPrintsTheAddressServesTheSweepWhileItRunsAndStopsAtTheEnd() throws Exception {
        // what the page shows mid-sweep is LiveViewBrowserTest's (it holds the sweep); here: the wiring of run
        Path config = SweepConfigs.write(dir, "serve", 6, 3000);
        Path store = dir.resolve("serve.duckdb");
        CliHarness cli = CliHarness.installed();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> cli.run("run", config.toString(), "--results", store.toString(), "--no-plots"));
        Pattern address = Pattern.compile("live view: (http://127\\.0\\.0\\.1:\\d+/)");
        URI uri = null;
        String state = null;
        while (!run.isDone() && state == null) { // the address is printed before the cluster starts
            Matcher m = address.matcher(cli.err.toString());
            if (m.find()) {
                uri = URI.create(m.group(1));
                state = get(uri.resolve("state.json")).body();
            }
            Thread.sleep(10);
        }
        assertThat(run.get()).as(cli.err.toString()).isZero();
        assertThat(uri).as(cli.err.toString()).isNotNull();
        assertThat(state).contains("\"sweep\":\"serve\"", "\"total\":12", "\"name\":\"reset=oracle\"");
        assertThat(cli.err.toString())
                .containsSubsequence("sweep 'serve': 12 runs", "live view: " + uri, "done: 12 runs");
        URI gone = uri;
        assertThat(catchThrowable(() -> get(gone.resolve("state.json"))))
                .as("stopped with the command")
                .isInstanceOf(IOException.class);

        CliHarness off = CliHarness.installed();
        Path other = SweepConfigs.write(dir, "off", 1, 100);
        assertThat(off.run(
                        "run",
                        other.toString(),
                        "--results",
                        dir.resolve("off.duckdb").toString(),
                        "--no-plots",
                        "--no-live"))
                .isZero();
        assertThat(off.err.toString()).doesNotContain("live view");
    }

    @Test
    void aLargeGridShowsItsFirstConditionsAndCurvesOnly() throws Exception {
        StringBuilder lrs = new StringBuilder();
        for (int i = 1; i <= LiveView.TABLE_ROWS + 1; i++)
            lrs.append(i == 1 ? "" : ", ").append(i * 1e-4);
        SweepSpec sweep = SweepLoader.load(Files.writeString(
                dir.resolve("grid.conf"),
                Files.readString(SweepConfigs.write(dir, "grid", 1, 50))
                        .replace(
                                "sweep { reset = [ { type = none }, { type = oracle } ] }",
                                "sweep { \"rule.lr\" = [" + lrs + "] }")));
        LiveView view = new LiveView(sweep, dir.resolve("grid.duckdb"), System::nanoTime);
        for (RunSpec r : sweep.runs().subList(0, LiveView.CURVES + 1)) view.onResult(Simulation.run(r, 16));
        String state = view.json();
        assertThat(state).contains("\"conditionsTotal\":" + (LiveView.TABLE_ROWS + 1));
        assertThat(state.split("\"name\":", -1)).hasSize(LiveView.TABLE_ROWS + 1);
        assertThat(state.split("\"curve\":", -1)).hasSize(LiveView.CURVES + 1);
    }

    @Test
    void aLivePortInUseIsOneLineAndLeavesNoStore() throws Exception {
        Path config = SweepConfigs.write(dir, "busy", 1, 100);
        Path store = dir.resolve("busy.duckdb");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliHarness cli = CliHarness.installed();
            assertThat(cli.run(
                            "run",
                            config.toString(),
                            "--results",
                            store.toString(),
                            "--live-port",
                            String.valueOf(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(cli.err.toString())
                    .startsWith("driftlab: --live-port " + taken.getLocalPort() + " on 127.0.0.1: ")
                    .contains("--no-live")
                    .hasLineCount(1);
        }
        assertThat(store).doesNotExist();
        assertThat(Files.exists(dir.resolve("busy-report"))).isFalse();
    }
}
