package org.driftlab.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the live view of a running sweep over HTTP (the JDK's {@link HttpServer}, one daemon thread): the page
 * {@code /} and the vendored charting library from the jar, and the {@link LiveView}'s snapshot at
 * {@code /state.json}, which the page polls. Read-only: every method other than GET and HEAD is refused
 * (405), and it binds to the loopback address unless told otherwise.
 */
final class LiveServer implements AutoCloseable {
    private static final String RESOURCES = "/org/driftlab/cli/live/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/chart.umd.min.js", "chart.umd.min.js",
            "/LICENSE-chart.js.md", "LICENSE-chart.js.md");
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "chart.umd.min.js", "text/javascript; charset=utf-8",
            "LICENSE-chart.js.md", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor;

    private LiveServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code view} on {@code address}:{@code port} (0: a free port).
     *
     * @throws IOException when the port cannot be bound (e.g. in use)
     */
    static LiveServer start(InetAddress address, int port, LiveView view) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "driftlab-live-view");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, view);
            }
        });
        server.start();
        return new LiveServer(server, executor);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:41234/}. */
    URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private static void handle(HttpExchange exchange, LiveView view) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "read-only: GET only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/state.json")) {
            send(exchange, 200, "application/json", view.json().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String file = FILES.get(path);
        if (file == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = LiveServer.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) throw new IOException(RESOURCES + file + " is missing from the build");
            send(exchange, 200, TYPES.get(file), in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once (requests in progress are cut). Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
