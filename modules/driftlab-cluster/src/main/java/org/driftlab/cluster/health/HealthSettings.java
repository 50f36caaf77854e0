package org.driftlab.cluster.health;

import com.typesafe.config.Config;
import org.driftlab.core.input.BadInputException;

/**
 * The {@code driftlab.health} section (STYLE C8): whether a node serves its health endpoints, on which
 * address and port (0: any free port). Bound to the loopback address unless configured otherwise, so a
 * node exposes nothing to the network by accident.
 */
public record HealthSettings(boolean enabled, String bindAddress, int port) {
    public HealthSettings {
        if (bindAddress == null || bindAddress.isBlank())
            throw new BadInputException("health bind-address must not be empty");
        if (port < 0 || port > 65_535) throw new BadInputException("health port must be in [0, 65535], got " + port);
    }

    /** From the {@code driftlab.health} section of a full config. */
    public static HealthSettings fromConfig(Config root) {
        Config h = root.getConfig("driftlab.health");
        return new HealthSettings(h.getBoolean("enabled"), h.getString("bind-address"), h.getInt("port"));
    }
}
