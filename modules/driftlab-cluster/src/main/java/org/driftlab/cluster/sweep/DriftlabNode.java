package org.driftlab.cluster.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.driftlab.cluster.health.HealthServer;
import org.driftlab.cluster.health.HealthSettings;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.tls.TlsSettings;
import org.driftlab.core.input.BadInputException;

/**
 * One driftlab cluster member in this JVM: an actor system named {@value #SYSTEM_NAME} on Artery TCP. A
 * worker node ({@code driftlab node}) hosts learner entities and may host the sweep coordinator; a client
 * node ({@code driftlab submit}) only submits sweeps and stores their results. {@link #close} leaves the
 * cluster through coordinated shutdown (entities hand off, the singleton moves) and waits for termination.
 */
public final class DriftlabNode implements AutoCloseable {
    /** Actor system name shared by every member (part of every address). */
    public static final String SYSTEM_NAME = "driftlab";
    /** Role of client members. */
    public static final String CLIENT_ROLE = "client";

    private final ActorSystem<Void> system;
    private final DriftlabSettings settings;
    private final HealthServer health;

    private DriftlabNode(ActorSystem<Void> system, DriftlabSettings settings, HealthServer health) {
        this.system = system;
        this.settings = settings;
        this.health = health;
    }

    /**
     * Starts a worker node on {@code host:port} (port 0: any free port) that joins the cluster through
     * {@code seeds} ("host:port" each; empty: it founds a new cluster by joining itself).
     *
     * @param extraRoles roles besides the worker role
     * @param config     the full configuration ({@code ConfigFactory.load()} or a cluster config file over it)
     */
    public static DriftlabNode worker(
            String host, int port, List<String> seeds, Set<String> extraRoles, Config config) {
        DriftlabSettings settings = DriftlabSettings.fromConfig(config);
        Set<String> roles = new LinkedHashSet<>(extraRoles);
        roles.add(settings.sweep().workerRole());
        return start(host, port, seeds, roles, config, settings, true);
    }

    /** Starts a client node on {@code host:port} that joins the cluster through {@code contacts}. */
    public static DriftlabNode client(String host, int port, List<String> contacts, Config config) {
        if (contacts.isEmpty()) throw new IllegalArgumentException("a client needs at least one contact point");
        DriftlabSettings settings = DriftlabSettings.fromConfig(config);
        return start(host, port, contacts, Set.of(CLIENT_ROLE), config, settings, false);
    }

    private static DriftlabNode start(
            String host,
            int port,
            List<String> seeds,
            Set<String> roles,
            Config config,
            DriftlabSettings settings,
            boolean worker) {
        Config nodeConfig = ConfigFactory.empty()
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(new ArrayList<>(roles)))
                // the resolver counts workers only: a client's presence must not decide which side survives
                .withValue(
                        "pekko.cluster.split-brain-resolver.keep-majority.role",
                        ConfigValueFactory.fromAnyRef(settings.sweep().workerRole()))
                .withFallback(TlsSettings.fromConfig(config).pekkoConfig())
                .withFallback(config);
        ActorSystem<Void> system = ActorSystem.create(
                Behaviors.setup(ctx -> {
                    if (worker) {
                        LearnerEntity.initSharding(
                                ctx.getSystem(),
                                settings.learner(),
                                settings.sweep().shards(),
                                settings.sweep().workerRole());
                    }
                    SweepCoordinator.initSingleton(ctx.getSystem(), settings);
                    return Behaviors.empty();
                }),
                SYSTEM_NAME,
                nodeConfig);
        Cluster cluster = Cluster.get(system);
        if (seeds.isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        } else {
            List<Address> addresses = new ArrayList<>();
            for (String seed : seeds) addresses.add(address(seed));
            cluster.manager().tell(new JoinSeedNodes(addresses));
        }
        return new DriftlabNode(
                system, settings, startHealth(system, config, worker ? LearnerEntity.TYPE_KEY.name() : null));
    }

    /**
     * The health endpoints when {@code driftlab.health.enabled}, else null. A failure to bind (the port taken,
     * an address not of this host) stops the node: BadInputException naming the settings to change.
     */
    private static HealthServer startHealth(ActorSystem<Void> system, Config config, String shardTypeName) {
        HealthSettings h = HealthSettings.fromConfig(config);
        if (!h.enabled()) return null;
        try {
            return HealthServer.start(system, h, shardTypeName);
        } catch (IOException | RuntimeException e) {
            system.terminate();
            throw new BadInputException(
                    "cannot serve the health endpoints on " + h.bindAddress() + ":" + h.port() + " (" + e.getMessage()
                            + "); set driftlab.health.port / DRIFTLAB_HEALTH_PORT or driftlab.health.bind-address",
                    e);
        }
    }

    /** The health endpoints' address, or null when they are disabled. */
    public InetSocketAddress healthAddress() {
        return health == null ? null : health.address();
    }

    /** "host:port" → the member address of that node. */
    public static Address address(String hostPort) {
        if (!hostPort.matches("[^:/@]+:\\d+"))
            throw new BadInputException("contact must be host:port, got '" + hostPort + "'");
        return AddressFromURIString.parse("pekko://" + SYSTEM_NAME + "@" + hostPort);
    }

    /** This node's "host:port" (the port chosen when started with 0). */
    public String hostPort() {
        var address = Cluster.get(system).selfMember().address();
        return address.getHost().orElse("local") + ":"
                + address.getPort().map(String::valueOf).orElse("0");
    }

    /** This node's incarnation ({@code host:port#uid}), as {@code RunResult.node} names the runs it computed. */
    public String incarnation() {
        return LearnerEntity.nodeName(Cluster.get(system));
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public DriftlabSettings settings() {
        return settings;
    }

    /** A client for sweeps through this node's proxy of the coordinator singleton. */
    public SweepClient sweepClient() {
        return new SweepClient(system, SweepCoordinator.initSingleton(system, settings), settings);
    }

    /** Up members with the worker role, as this node currently sees them. */
    public int workersUp() {
        int n = 0;
        for (Member m : Cluster.get(system).state().getMembers()) {
            if (m.status() == MemberStatus.up() && m.hasRole(settings.sweep().workerRole())) n++;
        }
        return n;
    }

    /** Blocks until this node's actor system has terminated (after {@link #close} or a downing). */
    public void awaitTermination() throws InterruptedException, ExecutionException {
        system.getWhenTerminated().toCompletableFuture().get();
    }

    /**
     * Waits until this node is Up and sees {@code workers} Up worker members ({@code workers} 0: only that
     * this node joined, e.g. a client checking its contact points).
     */
    public void awaitWorkersUp(int workers, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Cluster cluster = Cluster.get(system);
        while (cluster.selfMember().status() != MemberStatus.up() || workersUp() < workers) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "cluster did not reach " + workers + " Up workers within " + timeout + " (now " + workersUp()
                                + ", self " + cluster.selfMember().status() + ")");
            }
            Thread.sleep(50);
        }
    }

    /** Leaves the cluster (coordinated shutdown) and waits up to 30 s for the system to terminate. */
    @Override
    public void close() {
        if (health != null) health.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("actor system " + hostPort() + " did not terminate within 30 s", e);
        }
    }
}
