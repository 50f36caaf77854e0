package org.driftlab.systemtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private network for partition tests: {@code nodes} Linux network namespaces, each with one address on a
 * /24 of its own ({@link #address}), joined by veth pairs to a bridge in this namespace that carries {@link
 * #bridgeAddress} (where a client in this JVM lives). A node is cut off by taking its link down; finer
 * partitions drop packets with nftables inside a node's namespace. Needs root and {@code ip} (iproute2);
 * {@code nft} only for the rules. {@link #create} skips the test (JUnit assumption, with the reason) where the
 * machine refuses namespaces. {@link #close} deletes every namespace, link and rule it made; names carry this
 * JVM's pid, and {@link #create} first deletes those left by JVMs that no longer run (a killed test run).
 */
final class NetNamespaces implements AutoCloseable {
    /** The port every node listens on, each on its own address. */
    static final int PORT = 25520;

    private static final String PREFIX = "dlpt";
    private static final java.util.concurrent.atomic.AtomicInteger MADE =
            new java.util.concurrent.atomic.AtomicInteger();

    private final String id;
    private final String subnet; // "10.A.B."
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> links = new ArrayList<>(); // host ends of the veth pairs
    private boolean bridgeMade;

    private NetNamespaces(String id, String subnet) {
        this.id = id;
        this.subnet = subnet;
    }

    /** Makes the network, or skips the calling test with the reason when the machine does not allow it. */
    static NetNamespaces create(int nodes) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "network namespaces need Linux");
        Assumptions.assumeTrue(onPath("ip"), "network namespaces need the ip command (iproute2)");
        removeStale();
        long pid = ProcessHandle.current().pid();
        int made = MADE.getAndIncrement();
        // names: this JVM's pid and a letter per network it made (the kernel frees links of a deleted namespace
        // lazily); a /24 per JVM and network: parallel test JVMs on one machine never share addresses
        NetNamespaces net = new NetNamespaces(
                PREFIX + pid + (char) ('a' + made % 26),
                "10." + (200 + pid % 50) + "." + ((pid / 50 + made) % 250) + ".");
        try {
            net.build(nodes);
        } catch (IOException e) {
            net.close();
            String why = e.getMessage();
            if (why.contains("Operation not permitted") || why.contains("Permission denied")) {
                Assumptions.abort("this machine refuses network namespaces (root and CAP_NET_ADMIN needed): " + why);
            }
            throw e;
        }
        net.checkForwarding();
        return net;
    }

    private String bridge() {
        return id;
    }

    private String namespace(int i) {
        return id + "-" + i;
    }

    private String hostLink(int i) {
        return id + "v" + i;
    }

    private void build(int nodes) throws IOException, InterruptedException {
        ip("link", "add", bridge(), "type", "bridge");
        bridgeMade = true;
        ip("addr", "add", bridgeAddress() + "/24", "dev", bridge());
        ip("link", "set", bridge(), "up");
        for (int i = 0; i < nodes; i++) {
            String ns = namespace(i);
            String inner = id + "n" + i;
            ip("netns", "add", ns);
            namespaces.add(ns);
            ip("link", "add", hostLink(i), "type", "veth", "peer", "name", inner);
            links.add(hostLink(i));
            ip("link", "set", inner, "netns", ns);
            ip("link", "set", hostLink(i), "master", bridge(), "up");
            ip("-n", ns, "addr", "add", address(i) + "/24", "dev", inner);
            ip("-n", ns, "link", "set", inner, "up");
            ip("-n", ns, "link", "set", "lo", "up");
        }
    }

    /** Skips the test if a namespace cannot reach the bridge (e.g. a host firewall on bridged traffic). */
    private void checkForwarding() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(bridgeAddress()))) {
            String probe = "exec 3<>/dev/tcp/" + bridgeAddress() + "/" + server.getLocalPort();
            Process p = new ProcessBuilder("ip", "netns", "exec", namespace(0), "bash", "-c", probe)
                    .redirectErrorStream(true)
                    .start();
            boolean ended = p.waitFor(10, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly();
            if (!ended || p.exitValue() != 0) {
                close();
                Assumptions.abort("network namespaces are allowed but the bridge " + bridge()
                        + " carries no traffic (a host" + " firewall on bridged packets?): "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The client's address, on the bridge in this namespace. */
    String bridgeAddress() {
        return subnet + "1";
    }

    /** Node {@code i}'s address. */
    String address(int i) {
        return subnet + (10 + i);
    }

    /** Node {@code i}'s {@code host:port}. */
    String hostPort(int i) {
        return address(i) + ":" + PORT;
    }

    /** The command prefix that runs a program in node {@code i}'s namespace. */
    List<String> launcher(int i) {
        return List.of("ip", "netns", "exec", namespace(i));
    }

    /** Cuts node {@code i} off from everyone (its link down). */
    void cut(int i) throws IOException, InterruptedException {
        ip("link", "set", hostLink(i), "down");
    }

    /** Undoes {@link #cut}. */
    void heal(int i) throws IOException, InterruptedException {
        ip("link", "set", hostLink(i), "up");
    }

    /** Node {@code i} drops every packet it would send to {@code to}: a one-way partition. */
    void dropOutgoing(int i, List<String> to) throws IOException, InterruptedException {
        rules(i, to, false);
    }

    /** Node {@code i} exchanges no packet with {@code peers}, either way. */
    void separate(int i, List<String> peers) throws IOException, InterruptedException {
        rules(i, peers, true);
    }

    private void rules(int i, List<String> addresses, boolean bothWays) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("nft"), "partition rules need nft (apt-get install -y nftables; .ci/run does)");
        StringBuilder script = new StringBuilder("table inet driftlab_partition {\n");
        script.append(" chain out { type filter hook output priority 0; ip daddr { ")
                .append(String.join(", ", addresses))
                .append(" } drop; }\n");
        if (bothWays) {
            script.append(" chain in { type filter hook input priority 0; ip saddr { ")
                    .append(String.join(", ", addresses))
                    .append(" } drop; }\n");
        }
        script.append("}\n");
        Path file = Files.createTempFile("driftlab-nft", ".nft");
        try {
            Files.writeString(file, script);
            run(List.of("ip", "netns", "exec", namespace(i), "nft", "-f", file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deletes the rules of node {@code i}. */
    void clearRules(int i) throws IOException, InterruptedException {
        run(List.of("ip", "netns", "exec", namespace(i), "nft", "delete", "table", "inet", "driftlab_partition"));
    }

    /** Deletes every namespace (with its links and rules) and the bridge. Idempotent; tries all, reports the first failure. */
    @Override
    public void close() throws IOException, InterruptedException {
        IOException first = null;
        for (String link : links) { // deleting one end deletes the pair at once; a namespace's links go lazily
            try {
                ip("link", "del", link);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        links.clear();
        for (String ns : namespaces) {
            try {
                ip("netns", "del", ns);
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        namespaces.clear();
        if (bridgeMade) {
            try {
                ip("link", "del", bridge());
            } catch (IOException e) {
                if (first == null) first = e;
            }
            bridgeMade = false;
        }
        if (first != null) throw first;
    }

    /** Deletes namespaces, bridges and veth pairs made by JVMs that no longer run. */
    private static void removeStale() throws IOException, InterruptedException {
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(PREFIX) && !alive(name)) run(List.of("ip", "netns", "del", name));
        }
        for (String line : run(List.of("ip", "-o", "link", "show")).split("\n")) {
            String[] parts = line.split(": ");
            if (parts.length < 2) continue;
            String link = parts[1].split("@")[0]; // a veth shows as name@peer
            if (link.startsWith(PREFIX) && !alive(link)) run(List.of("ip", "link", "del", link));
        }
    }

    /** Whether the JVM whose pid is in {@code name} ("dlpt&lt;pid&gt;&lt;letter&gt;...") still runs. */
    private static boolean alive(String name) {
        int end = PREFIX.length();
        while (end < name.length() && Character.isDigit(name.charAt(end))) end++;
        if (end == PREFIX.length()) return true; // not ours: leave it
        return ProcessHandle.of(Long.parseLong(name.substring(PREFIX.length(), end)))
                .isPresent();
    }

    private static boolean onPath(String command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("bash", "-c", "command -v " + command).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    /** Runs {@code cmd} (bounded: 20 s); its output, or IOException with it when it fails. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer within 20 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + out.strip());
        return out;
    }
}
