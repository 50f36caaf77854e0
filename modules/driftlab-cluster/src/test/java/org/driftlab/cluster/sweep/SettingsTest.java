package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code driftlab} section: documented defaults load, bad values are named. */
class SettingsTest {
    @Test
    void referenceDefaultsLoad() {
        DriftlabSettings s = DriftlabSettings.fromConfig(ConfigFactory.load());
        assertThat(s.learner().chunkSize()).isEqualTo(128);
        assertThat(s.sweep().inFlightPerNode()).isEqualTo(8);
        assertThat(s.sweep().shards()).isEqualTo(100);
        assertThat(s.sweep().workerRole()).isEqualTo("worker");
        assertThat(s.sweep().runTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.sweep().storeBatchSize()).isEqualTo(64);
        assertThat(s.sweep().storeBatchDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.sweep().unackedLimit()).isEqualTo(128);
    }

    @Test
    void badValuesAreRejectedByKey() {
        assertThatThrownBy(
                        () -> DriftlabSettings.fromConfig(ConfigFactory.parseString("driftlab.learner.chunk-size = 0")
                                .withFallback(ConfigFactory.load())))
                .hasMessageContaining("driftlab.learner.chunk-size")
                .hasMessageContaining("0");
        assertThatThrownBy(() ->
                        DriftlabSettings.fromConfig(ConfigFactory.parseString("driftlab.sweep.in-flight-per-node = -2")
                                .withFallback(ConfigFactory.load())))
                .hasMessageContaining("in-flight-per-node")
                .hasMessageContaining("-2");
        assertThatThrownBy(
                        () -> DriftlabSettings.fromConfig(ConfigFactory.parseString("driftlab.sweep.run-timeout = 0s")
                                .withFallback(ConfigFactory.load())))
                .hasMessageContaining("run-timeout");
        assertThatThrownBy(() ->
                        DriftlabSettings.fromConfig(ConfigFactory.parseString("driftlab.sweep.store-batch-size = 0")
                                .withFallback(ConfigFactory.load())))
                .hasMessageContaining("store-batch-size")
                .hasMessageContaining("0");
        assertThatThrownBy(() ->
                        DriftlabSettings.fromConfig(ConfigFactory.parseString("driftlab.sweep.store-batch-delay = -1s")
                                .withFallback(ConfigFactory.load())))
                .hasMessageContaining("store-batch-delay");
    }

    @Test
    void contactsMustBeHostAndPort() {
        assertThat(DriftlabNode.address("10.0.0.5:2552").toString()).isEqualTo("pekko://driftlab@10.0.0.5:2552");
        assertThatThrownBy(() -> DriftlabNode.address("10.0.0.5")).hasMessageContaining("host:port");
    }
}
