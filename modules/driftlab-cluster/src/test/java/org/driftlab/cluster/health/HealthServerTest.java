package org.driftlab.cluster.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.core.input.BadInputException;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(InetSocketAddress at, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEachCheckAndIsReadOnly() throws Exception {
        AtomicReference<String> ready = new AtomicReference<>("member status Joining");
        try (HealthServer server =
                HealthServer.start(new HealthSettings(true, "127.0.0.1", 0), () -> null, ready::get)) {
            InetSocketAddress at = server.address();
            assertThat(at.getAddress().isLoopbackAddress()).isTrue();
            assertThat(send(at, "GET", "/health/alive").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = send(at, "GET", "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("not ready: member status Joining\n");
            ready.set(null);
            assertThat(send(at, "GET", "/health/ready").body()).isEqualTo("ready\n");
            assertThat(send(at, "HEAD", "/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> post = send(at, "POST", "/health/ready");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
            assertThat(send(at, "DELETE", "/health/alive").statusCode()).isEqualTo(405);
            assertThat(send(at, "GET", "/health").statusCode()).isEqualTo(404);
            assertThat(send(at, "GET", "/health/ready/../alive").statusCode()).isIn(200, 404);
        }
    }

    @Test
    void aThrowingCheckIsNotReadyNotAServerError() throws Exception {
        try (HealthServer server = HealthServer.start(new HealthSettings(true, "127.0.0.1", 0), () -> null, () -> {
            throw new IllegalStateException("boom");
        })) {
            HttpResponse<String> r = send(server.address(), "GET", "/health/ready");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("boom");
        }
    }

    @Test
    void aTakenPortIsAnIoError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> HealthServer.start(
                            new HealthSettings(true, "127.0.0.1", taken.getLocalPort()), () -> null, () -> null))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aNodeWhoseHealthPortIsTakenDoesNotStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Config config = ConfigFactory.parseString("pekko.remote.artery.canonical.port = 0\n"
                            + "driftlab.health { enabled = on, port = " + taken.getLocalPort() + " }")
                    .withFallback(ConfigFactory.load());
            assertThatThrownBy(() -> DriftlabNode.worker("127.0.0.1", 0, List.of(), Set.of(), config))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("DRIFTLAB_HEALTH_PORT");
        }
    }

    @Test
    void settingsComeFromTheHealthSectionAndAreCheckedAtTheBoundary() {
        HealthSettings defaults = HealthSettings.fromConfig(ConfigFactory.load());
        if (System.getenv("DRIFTLAB_HEALTH_ENABLED") == null)
            assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8558);
        assertThatThrownBy(() -> new HealthSettings(true, "127.0.0.1", 70_000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> new HealthSettings(true, " ", 1)).hasMessageContaining("bind-address");
    }

    /** A real worker node: alive at once; ready only once it is Up with its learner region; gone after close. */
    @Test
    void aWorkerNodeBecomesReadyWhenUp() throws Exception {
        Config config = ConfigFactory.parseString(
                        """
                pekko.remote.artery.canonical.port = 0
                driftlab.health { enabled = on, port = 0 }
                """)
                .withFallback(ConfigFactory.load());
        InetSocketAddress at;
        try (DriftlabNode node = DriftlabNode.worker("127.0.0.1", 0, List.of(), Set.of(), config)) {
            at = node.healthAddress();
            assertThat(at).isNotNull();
            assertThat(send(at, "GET", "/health/alive").statusCode()).isEqualTo(200);
            node.awaitWorkersUp(1, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> r = send(at, "GET", "/health/ready");
            while (r.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                r = send(at, "GET", "/health/ready");
            }
            assertThat(r.body()).isEqualTo("ready\n");
            assertThat(HealthServer.readiness(node.system(), "no-such-type"))
                    .isEqualTo("shard region 'no-such-type' not registered");
        }
        InetSocketAddress closed = at;
        assertThatThrownBy(() -> send(closed, "GET", "/health/alive")).isInstanceOf(IOException.class);
    }

    /** A client that cannot reach its contact point stays alive and not ready. */
    @Test
    void aNodeThatCannotJoinIsAliveButNotReady() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        Config config = ConfigFactory.parseString(
                        """
                pekko.remote.artery.canonical.port = 0
                driftlab.health { enabled = on, port = 0 }
                """)
                .withFallback(ConfigFactory.load());
        try (DriftlabNode node = DriftlabNode.client("127.0.0.1", 0, List.of("127.0.0.1:" + dead), config)) {
            InetSocketAddress at = node.healthAddress();
            assertThat(send(at, "GET", "/health/alive").statusCode()).isEqualTo(200);
            HttpResponse<String> r = send(at, "GET", "/health/ready");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).startsWith("not ready: member status");
        }
    }
}
