package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.results.store.ResultStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftlab node} and {@code driftlab submit} in one JVM, every port 0: a founding worker, a second worker
 * started by the node command (which blocks until it leaves), and a submitting client.
 */
class NodeSubmitTest {
    @TempDir
    Path dir;

    private DriftlabNode founder;

    @AfterEach
    void stop() {
        if (founder != null) founder.close();
    }

    @Test
    void aNodeJoinsASubmitterStoresEveryRunAndTheNodeLeavesCleanly() throws Exception {
        founder = DriftlabNode.worker("127.0.0.1", 0, List.of(), Set.of(), ClusterConfig.load());
        founder.awaitWorkersUp(1, Duration.ofSeconds(30));
        CliHarness node = CliHarness.installed();
        CompletableFuture<Integer> nodeExit = CompletableFuture.supplyAsync(
                () -> node.run("node", "--port", "0", "--seed", founder.hostPort(), "--health-port", "0"));
        founder.awaitWorkersUp(2, Duration.ofSeconds(30));

        Path config = SweepConfigs.write(dir, "submitted", 2, 300);
        Path store = dir.resolve("submitted.duckdb");
        CliHarness submit = CliHarness.installed();
        assertThat(submit.run(
                        "submit",
                        config.toString(),
                        "--contact",
                        founder.hostPort(),
                        "--workers",
                        "2",
                        "--results",
                        store.toString(),
                        "--no-plots"))
                .as(submit.err.toString())
                .isZero();
        assertThat(submit.err.toString()).contains("joining the cluster at " + founder.hostPort(), "4 stored now");
        assertThat(submit.out.toString()).startsWith("mean excess loss [loss] per condition");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            assertThat(s.runCount()).isEqualTo(4);
        }

        // the node command printed its address; make that member leave: the command returns 0
        String line = node.out.toString().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("driftlab node up at 127.0.0.1:").contains("roles: worker");
        String hostPort =
                line.substring("driftlab node up at ".length(), line.indexOf(' ', "driftlab node up at ".length()));
        // --health-port 0 served the read-only endpoints on a free loopback port, named in the up line
        java.util.regex.Matcher health = java.util.regex.Pattern.compile(
                        "health: (http://127\\.0\\.0\\.1:\\d+/health/ready)")
                .matcher(line);
        assertThat(health.find()).as(line).isTrue();
        java.net.HttpURLConnection ready =
                (java.net.HttpURLConnection) new java.net.URL(health.group(1)).openConnection();
        assertThat(ready.getResponseCode()).isEqualTo(200);
        ready.disconnect();
        Cluster.get(founder.system()).manager().tell(new Leave(DriftlabNode.address(hostPort)));
        assertThat(nodeExit.get(60, TimeUnit.SECONDS)).as(node.err.toString()).isZero();
    }

    @Test
    void submitWithoutACLusterFailsWithinTheWaitAndAClearMessage() throws Exception {
        Path config = SweepConfigs.write(dir, "lonely", 1, 300);
        CliHarness submit = CliHarness.installed();
        assertThat(submit.run(
                        "submit",
                        config.toString(),
                        "--contact",
                        "127.0.0.1:1",
                        "--wait",
                        "6",
                        "--results",
                        dir.resolve("lonely.duckdb").toString(),
                        "--quiet"))
                .isEqualTo(2);
        assertThat(submit.err.toString())
                .contains("driftlab: waiting for 1 worker at 127.0.0.1:1 (0 up, 5 s of --wait 6)")
                .contains("no cluster with 1 worker reachable at 127.0.0.1:1 within 6 s");
        assertThat(dir.resolve("lonely.duckdb"))
                .as("the store it created and stored nothing in")
                .doesNotExist();
        assertThat(dir.resolve("lonely.duckdb.wal")).doesNotExist();
    }

    @Test
    void aNodeOnATakenPortIsOneLineExitTwo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliHarness node = CliHarness.installed();
            assertThat(node.run("node", "--port", String.valueOf(port), "--seed", "127.0.0.1:" + port))
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(node.err.toString().trim())
                    .isEqualTo(
                            "driftlab: --port " + port + ": 127.0.0.1:" + port
                                    + " is already in use (another driftlab node?); choose another --port, or 0 for any free port");
        }
    }

    @Test
    void aNodeWhoseSeedsAreAllDownSaysSoAndGivesUpAtItsDeadline() {
        CliHarness node = CliHarness.installed();
        long t0 = System.nanoTime();
        assertThat(node.run("node", "--port", "0", "--seed", "127.0.0.1:1", "--join-timeout", "6"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat((System.nanoTime() - t0) / 1e9)
                .as("seconds until it gave up")
                .isLessThan(40);
        String err = node.err.toString();
        assertThat(err)
                .contains("driftlab: still joining through 127.0.0.1:1 (5 s of 6; no seed has answered yet)")
                .contains("driftlab: could not join the cluster through 127.0.0.1:1 within 6 s (--join-timeout)")
                .doesNotContain("\tat ");
        assertThat(node.out.toString()).isEmpty();
    }
}
