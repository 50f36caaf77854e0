package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.driftlab.core.input.BadInputException;

/**
 * Checks of the network addresses a node or a submitter is given, made before any actor system starts, so
 * that a typo is one clear line (exit 2) instead of a silent wait or a Pekko stack trace: every host name
 * resolves (a DNS lookup bounded by {@link #DNS_DEADLINE}, with a line when it is slow), and a node's port is
 * free. Each failure is a {@link BadInputException} naming the option and the address.
 */
final class HostChecks {
    /** The longest a DNS lookup may take before the address counts as unresolvable. */
    static final Duration DNS_DEADLINE = Duration.ofSeconds(10);
    /** A lookup slower than this is announced, so the wait is never silent. */
    private static final Duration DNS_SLOW = Duration.ofSeconds(1);

    private HostChecks() {}

    /** Resolves the host of each "host:port" in {@code hostPorts} (given with {@code option}); says so on {@code err} when slow. */
    static void resolve(String option, List<String> hostPorts, PrintWriter err) throws InterruptedException {
        Set<String> hosts = new LinkedHashSet<>();
        for (String hp : hostPorts) hosts.add(hp.substring(0, hp.lastIndexOf(':')));
        for (String host : hosts) {
            // InetAddress has no timeout of its own: the lookup runs aside (daemon thread) and is abandoned at the
            // deadline
            CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
            Thread t = new Thread(
                    () -> {
                        try {
                            lookup.complete(InetAddress.getAllByName(host));
                        } catch (UnknownHostException | RuntimeException e) {
                            lookup.completeExceptionally(e);
                        }
                    },
                    "driftlab-dns-" + host);
            t.setDaemon(true);
            t.start();
            try {
                try {
                    lookup.get(DNS_SLOW.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException slow) {
                    err.println("driftlab: resolving " + host + " (" + option + ") ...");
                    err.flush();
                    lookup.get(DNS_DEADLINE.minus(DNS_SLOW).toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (TimeoutException e) {
                throw new BadInputException(option + ": cannot resolve host '" + host + "': no DNS answer within "
                        + DNS_DEADLINE.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new BadInputException(option + ": unknown host '" + host + "' (DNS lookup failed: "
                        + e.getCause().getMessage() + ")");
            }
        }
    }

    /**
     * Refuses a {@code port} (not 0) already taken on {@code host}. Other bind failures (an address of another
     * machine, as behind NAT with a separate bind address) are left to the node itself.
     */
    static void refuseTakenPort(String host, int port) {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the node binds: a port only in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) throw portTaken(host, port);
        } catch (IOException e) {
            // not ours to judge: the node's own bind reports it
        }
    }

    /** {@code e} when it was not caused by a taken port, else the one-line refusal (the port was taken after the check). */
    static RuntimeException portTakenOr(RuntimeException e, String host, int port) {
        if (e instanceof IllegalArgumentException || e instanceof BadInputException)
            return e; // the health port's own message
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException) return portTaken(host, port);
        }
        return e;
    }

    private static BadInputException portTaken(String host, int port) {
        return new BadInputException("--port " + port + ": " + host + ":" + port + " is already in use (another "
                + "driftlab node?); choose another --port, or 0 for any free port");
    }
}
