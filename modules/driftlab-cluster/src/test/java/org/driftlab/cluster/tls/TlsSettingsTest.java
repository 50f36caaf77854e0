package org.driftlab.cluster.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driftlab.core.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
    @Test
    void offByDefaultAndThenChangesNothing() {
        TlsSettings s = TlsSettings.fromConfig(ConfigFactory.load());
        if (System.getenv("DRIFTLAB_TLS_ENABLED") == null) {
            assertThat(s.enabled()).isFalse();
            assertThat(s.pekkoConfig().isEmpty()).isTrue();
        }
    }

    @Test
    void enabledMapsToArteryTlsWithMutualAuthentication(@TempDir Path dir) throws IOException {
        Path ks = Files.writeString(dir.resolve("node.p12"), "k");
        Path ts = Files.writeString(dir.resolve("trust.p12"), "t");
        Config c = ConfigFactory.parseString(
                        "driftlab.tls { enabled = on, key-store = \"" + ks + "\", key-store-password = pw1, "
                                + "trust-store = \"" + ts + "\", trust-store-password = pw2 }")
                .withFallback(ConfigFactory.load());
        TlsSettings s = TlsSettings.fromConfig(c);
        assertThat(s.keyPassword()).isEqualTo("pw1"); // defaults to the key store's
        Config p = s.pekkoConfig();
        assertThat(p.getString("pekko.remote.artery.transport")).isEqualTo("tls-tcp");
        assertThat(p.getString("pekko.remote.artery.ssl.config-ssl-engine.key-store"))
                .isEqualTo(ks.toString());
        assertThat(p.getString("pekko.remote.artery.ssl.config-ssl-engine.trust-store-password"))
                .isEqualTo("pw2");
        assertThat(p.getBoolean("pekko.remote.artery.ssl.config-ssl-engine.require-mutual-authentication"))
                .isTrue();
        assertThat(s.toString()).doesNotContain("pw1").doesNotContain("pw2");
    }

    @Test
    void enabledWithoutStoresOrPasswordsNamesEachKey(@TempDir Path dir) {
        assertThatThrownBy(() -> new TlsSettings(
                        true, "", "", "", dir.resolve("absent.p12").toString(), ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("driftlab.tls.key-store must be set")
                .hasMessageContaining(
                        "driftlab.tls.trust-store = " + dir.resolve("absent.p12") + " is not a readable file")
                .hasMessageContaining("driftlab.tls.key-store-password must be set")
                .hasMessageContaining("driftlab.tls.trust-store-password must be set");
        assertThatThrownBy(() -> new TlsSettings(true, dir.toString(), "a", "a", dir.toString(), "b"))
                .hasMessageContaining("is not a readable file");
    }
}
