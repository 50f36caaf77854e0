package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the cluster wire (driftlab.tls) with certificates made by deploy/tls/make-certs.sh: a node whose
 * certificate is signed by another CA cannot join a TLS cluster, nor can a node speaking plain TCP; a node
 * with a certificate from the cluster's CA joins. Mutual authentication: the founder checks the joiner's
 * certificate, and the joiner the founder's.
 */
class TlsSystemTest {
    private static final String PASSWORD = "driftlab-test";
    private static final Path SCRIPT = Path.of("../deploy/tls/make-certs.sh");

    /** Several systems in one JVM; short leave phases so that closing the nodes stays well inside close()'s bound. */
    private static final String TEARDOWN =
            """
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.coordinated-shutdown.phases.cluster-exiting.timeout = 2s
            pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 2s
            """;

    @TempDir
    Path dir;

    /** Runs make-certs.sh with this JVM's keytool; bounded. */
    private static void makeCerts(Path out, String... nodes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), out.toString()));
        cmd.addAll(List.of(nodes));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        pb.environment().put("DRIFTLAB_TLS_PASSWORD", PASSWORD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("make-certs.sh did not finish within 120 s");
        }
        assertThat(p.exitValue())
                .as(Files.readString(out.resolveSibling(out.getFileName() + ".log")))
                .isZero();
    }

    private static Config tls(Path keyStore, Path trustStore) {
        return ConfigFactory.parseString(TEARDOWN + "pekko.remote.artery.canonical.port = 0\n"
                        + "driftlab.tls { enabled = on, key-store-password = \"" + PASSWORD
                        + "\", trust-store-password = \""
                        + PASSWORD + "\" }")
                .withFallback(ConfigFactory.parseMap(java.util.Map.of(
                        "driftlab.tls.key-store",
                        keyStore.toString(),
                        "driftlab.tls.trust-store",
                        trustStore.toString())))
                .withFallback(ConfigFactory.load());
    }

    @Test
    void onlyANodeWithACertificateFromTheClusterCaJoins() throws Exception {
        Path good = dir.resolve("good");
        Path rogue = dir.resolve("rogue");
        makeCerts(good, "node-a", "node-b");
        makeCerts(rogue, "node-c");
        assertThatThrownBy(() -> makeCerts(good, "node-a")).hasMessageContaining("exists; not overwriting");

        DriftlabNode a = DriftlabNode.worker(
                "127.0.0.1", 0, List.of(), Set.of(), tls(good.resolve("node-a.p12"), good.resolve("truststore.p12")));
        try {
            a.awaitWorkersUp(1, Duration.ofSeconds(30));
            String seed = a.hostPort();

            // another CA's certificate, and no TLS at all: neither gets in within the bounded wait
            Config plain = ConfigFactory.parseString(TEARDOWN + "pekko.remote.artery.canonical.port = 0")
                    .withFallback(ConfigFactory.load());
            DriftlabNode c = DriftlabNode.worker(
                    "127.0.0.1",
                    0,
                    List.of(seed),
                    Set.of(),
                    tls(rogue.resolve("node-c.p12"), rogue.resolve("truststore.p12")));
            DriftlabNode d = DriftlabNode.worker("127.0.0.1", 0, List.of(seed), Set.of(), plain);
            try {
                assertThatThrownBy(() -> c.awaitWorkersUp(1, Duration.ofSeconds(8)))
                        .isInstanceOf(TimeoutException.class);
                assertThat(Cluster.get(c.system()).selfMember().status()).isNotEqualTo(MemberStatus.up());
                assertThat(Cluster.get(d.system()).selfMember().status()).isNotEqualTo(MemberStatus.up());
                assertThat(a.workersUp()).isEqualTo(1);
                assertThat(Cluster.get(a.system()).state().getMembers()).hasSize(1);
            } finally {
                stop(c);
                stop(d);
            }

            DriftlabNode b = DriftlabNode.worker(
                    "127.0.0.1",
                    0,
                    List.of(seed),
                    Set.of(),
                    tls(good.resolve("node-b.p12"), good.resolve("truststore.p12")));
            try {
                b.awaitWorkersUp(2, Duration.ofSeconds(30));
                a.awaitWorkersUp(2, Duration.ofSeconds(30));
            } finally {
                stop(b);
            }
        } finally {
            stop(a);
        }
    }

    /**
     * Stops a TLS node and waits up to 60 s for its actor system to terminate, without asserting that it does.
     * With tls-tcp, termination can hang in Pekko 1.7.0: Artery waits without a deadline for its streams to
     * complete (apache/pekko#3247, bounded by shutdown-streams-timeout in apache/pekko#3317, not in 1.7.0; the
     * same hang after a TLS failure is akka/akka-core#29162). It was seen in full suite runs, once for a refused
     * node and once for an admitted one, never in 14 runs of this class alone. What this test checks is who
     * joins. A node process is not held by the hang: on SIGTERM, Pekko's JVM shutdown hook waits for coordinated
     * shutdown at most the sum of its phase timeouts.
     */
    private static void stop(DriftlabNode node) {
        node.system().terminate();
        try {
            node.system().getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("TLS node " + node.hostPort() + " did not terminate within 60 s: " + e);
        }
    }
}
