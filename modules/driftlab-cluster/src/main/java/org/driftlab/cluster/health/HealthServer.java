package org.driftlab.cluster.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Serves {@code /health/alive} and {@code /health/ready} for one node (see the package docs). Only GET and
 * HEAD are answered (405 otherwise); every other path is 404. Each answer is a one-line plain-text reason,
 * e.g. {@code not ready: member status Joining}. One daemon thread serves the requests; the probes read the
 * cluster's state snapshot and never send actor messages. {@link #close} stops the server at once.
 */
public final class HealthServer implements AutoCloseable {
    /** Liveness path. */
    public static final String ALIVE = "/health/alive";
    /** Readiness path. */
    public static final String READY = "/health/ready";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the endpoints of {@code system}'s node: alive while the system has not terminated; ready when the
     * node is Up and, when {@code shardTypeName} is not null, that shard region is registered on this node.
     *
     * @throws IOException when the address cannot be bound (e.g. the port is taken)
     */
    public static HealthServer start(ActorSystem<?> system, HealthSettings settings, String shardTypeName)
            throws IOException {
        return start(
                settings,
                () -> system.whenTerminated().isCompleted() ? "actor system terminated" : null,
                () -> readiness(system, shardTypeName));
    }

    /**
     * Starts the endpoints with the given checks; each returns null when healthy, else the reason it is not
     * (called on the server's thread, once per request).
     */
    public static HealthServer start(HealthSettings settings, Supplier<String> aliveCheck, Supplier<String> readyCheck)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "driftlab-health");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Supplier<String> check = ALIVE.equals(path) ? aliveCheck : READY.equals(path) ? readyCheck : null;
            String method = exchange.getRequestMethod();
            if (check == null) {
                answer(exchange, 404, "no such endpoint: " + path + " (" + ALIVE + ", " + READY + ")");
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                answer(exchange, 405, "read-only endpoint: GET or HEAD");
            } else {
                String problem;
                try {
                    problem = check.get();
                } catch (RuntimeException e) {
                    problem = "check failed: " + e;
                }
                String what = check == aliveCheck ? "alive" : "ready";
                answer(exchange, problem == null ? 200 : 503, problem == null ? what : "not " + what + ": " + problem);
            }
        });
        server.start();
        return new HealthServer(server, executor);
    }

    /** Null when the node is Up (and its shard region registered), else why not. */
    static String readiness(ActorSystem<?> system, String shardTypeName) {
        if (system.whenTerminated().isCompleted()) return "actor system terminated";
        MemberStatus status = Cluster.get(system).selfMember().status();
        if (status != MemberStatus.up()) return "member status " + status;
        if (shardTypeName != null
                && !ClusterSharding.get(Adapter.toClassic(system))
                        .getShardTypeNames()
                        .contains(shardTypeName)) {
            return "shard region '" + shardTypeName + "' not registered";
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int code, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(code, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) out.write(body);
        }
    }

    /** The bound address (the actual port when started with 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
