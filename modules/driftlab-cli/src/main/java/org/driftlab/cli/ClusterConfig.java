package org.driftlab.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The configuration the CLI's cluster nodes start with: {@code -D} overrides, then {@code application.conf},
 * then driftlab-cluster's defaults, then every library's {@code reference.conf}. The cluster defaults are read
 * from a copy made at build time ({@code org/driftlab/cli/reference.conf}) because the shaded jar merges all
 * {@code reference.conf} files into one where Pekko's own defaults would win over the keys driftlab-cluster
 * sets for them ({@code pekko.actor.provider = cluster}, the Kryo bindings, ...).
 */
public final class ClusterConfig {
    private static final String CLUSTER_DEFAULTS = "org/driftlab/cli/reference.conf";

    private ClusterConfig() {}

    /** The layered, resolved configuration. IllegalStateException when the build left out the cluster defaults. */
    public static Config load() {
        return load(ConfigFactory.empty());
    }

    /** As {@link #load()}, with {@code commandDefaults} between {@code application.conf} and the cluster defaults. */
    public static Config load(Config commandDefaults) {
        ClassLoader loader = ClusterConfig.class.getClassLoader();
        if (loader.getResource(CLUSTER_DEFAULTS) == null) {
            throw new IllegalStateException(CLUSTER_DEFAULTS + " is missing from the build (see the driftlab-cli pom)");
        }
        ConfigFactory.invalidateCaches();
        return ConfigFactory.defaultOverrides(loader)
                .withFallback(ConfigFactory.defaultApplication(loader))
                .withFallback(commandDefaults)
                .withFallback(ConfigFactory.parseResources(loader, CLUSTER_DEFAULTS))
                .withFallback(ConfigFactory.defaultReference(loader))
                .resolve();
    }
}
