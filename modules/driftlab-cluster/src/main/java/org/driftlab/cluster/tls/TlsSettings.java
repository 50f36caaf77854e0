package org.driftlab.cluster.tls;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.input.BadInputException;

/**
 * The {@code driftlab.tls} section (STYLE C8): when {@code enabled}, every node speaks TLS on the cluster port
 * and requires its peer's certificate to chain to a certificate in {@code trustStore} (mutual authentication),
 * presenting its own from {@code keyStore}. Stores are PKCS#12 files (keytool's default); passwords come
 * from the config or, better, the environment (see reference.conf).
 *
 * <p>Validated here, at the boundary: when enabled, each store path must name a readable file and each
 * password must be given; the message names the config key and the path.
 */
public record TlsSettings(
        boolean enabled,
        String keyStore,
        String keyStorePassword,
        String keyPassword,
        String trustStore,
        String trustStorePassword) {
    /** The config section this reads. */
    public static final String SECTION = "driftlab.tls";

    public TlsSettings {
        if (enabled) {
            List<String> problems = new ArrayList<>();
            requireFile(problems, "key-store", keyStore);
            requireFile(problems, "trust-store", trustStore);
            if (keyStorePassword == null || keyStorePassword.isEmpty())
                problems.add(SECTION + ".key-store-password must be set");
            if (trustStorePassword == null || trustStorePassword.isEmpty())
                problems.add(SECTION + ".trust-store-password must be set");
            if (!problems.isEmpty()) throw new BadInputException("TLS is enabled but " + String.join("; ", problems));
        }
    }

    private static void requireFile(List<String> problems, String key, String path) {
        if (path == null || path.isEmpty()) {
            problems.add(SECTION + "." + key + " must be set");
        } else if (!Files.isRegularFile(Path.of(path)) || !Files.isReadable(Path.of(path))) {
            problems.add(SECTION + "." + key + " = " + path + " is not a readable file");
        }
    }

    /** From the {@code driftlab.tls} section of a full config; {@code key-password} defaults to the key store's. */
    public static TlsSettings fromConfig(Config root) {
        Config t = root.getConfig(SECTION);
        String keyStorePassword = t.getString("key-store-password");
        String keyPassword = t.getString("key-password");
        return new TlsSettings(
                t.getBoolean("enabled"),
                t.getString("key-store"),
                keyStorePassword,
                keyPassword.isEmpty() ? keyStorePassword : keyPassword,
                t.getString("trust-store"),
                t.getString("trust-store-password"));
    }

    /**
     * The Pekko settings that put these into effect, to be layered over the node's config: when enabled, Artery's
     * transport becomes {@code tls-tcp} with mutual authentication and these stores; when disabled, empty.
     */
    public Config pekkoConfig() {
        if (!enabled) return ConfigFactory.empty();
        String engine = "pekko.remote.artery.ssl.config-ssl-engine.";
        return ConfigFactory.empty()
                .withValue("pekko.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
                .withValue(
                        "pekko.remote.artery.ssl.ssl-engine-provider",
                        ConfigValueFactory.fromAnyRef("org.apache.pekko.remote.artery.tcp.ConfigSSLEngineProvider"))
                .withValue(engine + "key-store", ConfigValueFactory.fromAnyRef(keyStore))
                .withValue(engine + "key-store-password", ConfigValueFactory.fromAnyRef(keyStorePassword))
                .withValue(engine + "key-password", ConfigValueFactory.fromAnyRef(keyPassword))
                .withValue(engine + "trust-store", ConfigValueFactory.fromAnyRef(trustStore))
                .withValue(engine + "trust-store-password", ConfigValueFactory.fromAnyRef(trustStorePassword))
                .withValue(engine + "require-mutual-authentication", ConfigValueFactory.fromAnyRef(true));
    }

    /** Passwords are never printed. */
    @Override
    public String toString() {
        return "TlsSettings[enabled=" + enabled + ", keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }
}
