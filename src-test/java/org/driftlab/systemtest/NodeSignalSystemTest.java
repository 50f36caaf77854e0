package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.driftlab.childjvm.ChildJvm;
import org.driftlab.cli.DriftlabCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftlab node} in a child JVM leaves and exits within a few seconds of SIGTERM, even when the rest of
 * its cluster is gone (its seed killed), so that the leave can never be seen by a leader: the coordinated
 * shutdown's phases that wait on other members (the shard hand-off, the leave, the exit) are bounded in
 * driftlab-cluster's reference.conf, where Pekko's defaults held the exit for 10 s and more.
 */
class NodeSignalSystemTest {
    /** The bounded phases (reference.conf) plus room for the JVM to exit on a loaded machine. */
    private static final int EXIT_BOUND_SECONDS = 8;

    @TempDir
    Path dir;

    @Test
    void aWorkerNodeWhoseSeedIsGoneExitsWithinAFewSecondsOfSigterm() throws Exception {
        int seedPort = freePort(), port = freePort();
        String seed = "127.0.0.1:" + seedPort;
        Process seedNode = startNode(seedPort, seed);
        Process node = null;
        StringBuilder seen = new StringBuilder();
        try {
            awaitUp(seedNode, new StringBuilder());
            node = startNode(port, seed);
            BufferedReader r = awaitUp(node, seen);
            seedNode.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no leave, just gone
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-TERM", Long.toString(node.pid()))
                    .start()
                    .waitFor();
            boolean exited = node.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (exited) r.lines().forEach(l -> seen.append(l).append('\n'));
            assertThat(exited)
                    .as("exited within " + EXIT_BOUND_SECONDS + " s (" + seconds + " s): " + seen)
                    .isTrue();
        } finally {
            seedNode.destroyForcibly();
            if (node != null) node.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** {@code driftlab node} on 127.0.0.1:{@code port} joining through {@code seed}, output and errors merged. */
    private Process startNode(int port, String seed) throws IOException {
        List<String> cmd = ChildJvm.ofThisJvm(
                        DriftlabCommand.class.getName(),
                        List.of("-Xmx256m"),
                        List.of(
                                "node",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(port),
                                "--seed",
                                seed,
                                "--health-port",
                                "0"))
                .command();
        return new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the node's output into {@code seen} until its "up" line; the reader, for what follows. */
    private static BufferedReader awaitUp(Process node, StringBuilder seen) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("driftlab node up at ")) return r;
        }
        throw new AssertionError("the node ended before it was up: " + seen);
    }
}
