package org.driftlab.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.junit.jupiter.api.Test;

/** Argument validation of the scale benchmarks, and the derived figures of their results. */
class SettingsTest {
    @Test
    void concurrentLearnersSettingsNameTheBadField() {
        Workload w = Workload.W1;
        assertThatThrownBy(() -> new ConcurrentLearnersMeasurement.Settings(null, 1, 1, 1, true, 0))
                .hasMessageContaining("workload");
        assertThatThrownBy(() -> new ConcurrentLearnersMeasurement.Settings(w, 0, 1, 1, true, 0))
                .hasMessageContaining("learners must be >= 1, got 0");
        assertThatThrownBy(() -> new ConcurrentLearnersMeasurement.Settings(w, 1, 0, 1, true, 0))
                .hasMessageContaining("steps must be >= 1, got 0");
        assertThatThrownBy(() -> new ConcurrentLearnersMeasurement.Settings(w, 1, 1, 0, true, 0))
                .hasMessageContaining("chunk must be >= 1, got 0");
        assertThatThrownBy(() -> new ConcurrentLearnersMeasurement.Settings(w, 1, 1, 1, true, -1))
                .hasMessageContaining("first seed");
    }

    @Test
    void sweepMemorySettingsNameTheBadField() {
        Workload w = Workload.W1;
        assertThatThrownBy(() -> new SweepMemoryMeasurement.Settings(w, 0, 1, 1, 0))
                .hasMessageContaining("runs must be >= 1, got 0");
        assertThatThrownBy(() -> new SweepMemoryMeasurement.Settings(w, 5, 0, 1, 0))
                .hasMessageContaining("steps must be >= 1, got 0");
        assertThatThrownBy(() -> new SweepMemoryMeasurement.Settings(w, 5, 1, 6, 0))
                .hasMessageContaining("samples must be in [1, runs = 5], got 6");
        assertThatThrownBy(() -> new SweepMemoryMeasurement.Settings(w, 5, 1, 0, 0))
                .hasMessageContaining("samples");
    }

    @Test
    void theClusterRunsWithAWindowOfNAndTheChunkSize() {
        var s = new ConcurrentLearnersMeasurement.Settings(Workload.W1, 10_000, 5000, 64, true, 0);
        var c = ConcurrentLearnersMeasurement.clusterConfig(
                s,
                ConfigFactory.parseString(
                        "driftlab.sweep.in-flight-per-node = 8\ndriftlab.learner.chunk-size = 256\nother = 1"));
        assertThat(c.getInt("driftlab.sweep.in-flight-per-node")).isEqualTo(10_000);
        assertThat(c.getInt("driftlab.learner.chunk-size")).isEqualTo(64);
        assertThat(c.getInt("other")).isEqualTo(1);
        assertThat(c.getString("driftlab.learner-dispatcher.executor")).isEqualTo("thread-pool-executor");
        assertThat(c.getInt("driftlab.learner-dispatcher.throughput")).isEqualTo(10_000);
        var forkJoin = ConcurrentLearnersMeasurement.clusterConfig(
                new ConcurrentLearnersMeasurement.Settings(Workload.W1, 10, 5000, 64, false, 0), ConfigFactory.empty());
        assertThat(forkJoin.hasPath("driftlab.learner-dispatcher")).isFalse();
    }

    @Test
    void bytesPerLearnerAndRateComeFromTheSample() {
        var s = new ConcurrentLearnersMeasurement.Settings(Workload.W1, 100, 5000, 256, true, 0);
        var r = new ConcurrentLearnersMeasurement.Result(
                s,
                true,
                100,
                0,
                500_000,
                3_000_000_000L,
                1_000_000_000L,
                50_000_000,
                60_000_000,
                100,
                70_000_000,
                1L << 31,
                12,
                List.of());
        assertThat(r.sampled()).isTrue();
        assertThat(r.bytesPerLearner()).isEqualTo(100_000.0);
        assertThat(r.stepsPerSecond()).isEqualTo(250_000.0);
        var unsampled = new ConcurrentLearnersMeasurement.Result(
                s, true, 100, 0, 500_000, 3_000_000_000L, 0, 50_000_000, -1, 40, 70_000_000, 1L << 31, 12, List.of());
        assertThat(unsampled.sampled()).isFalse();
        assertThat(unsampled.bytesPerLearner()).isNaN();
    }

    @Test
    void growthIsTheSlopeOverTheSamplesDuringTheSweep() {
        var s = new SweepMemoryMeasurement.Settings(Workload.W1, 400, 200, 4, 0);
        long[] none = new long[SweepMemoryMeasurement.TRACKED.size()];
        List<SweepMemoryMeasurement.Sample> samples = List.of(
                new SweepMemoryMeasurement.Sample(100, 1_000, none),
                new SweepMemoryMeasurement.Sample(200, 1_500, none),
                new SweepMemoryMeasurement.Sample(300, 2_000, none),
                new SweepMemoryMeasurement.Sample(400, 0, none)); // the last, after the sweep, is not in the slope
        var r = new SweepMemoryMeasurement.Result(s, true, 400, 0, 8, 10, 4_000, samples, 1, 1, List.of());
        assertThat(r.growthBytesPerRun()).isEqualTo(5.0);
        assertThat(r.bytesPerRunSpec()).isEqualTo(10.0);
    }
}
