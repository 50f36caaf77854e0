package org.driftlab.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.driftlab.childjvm.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkersTest {
    @Test
    void aWorkerJvmThatExitsWhileStartingIsReportedWithItsLogAndNothingIsLeftRunning(@TempDir Path logs) {
        // a main class that does not exist: each child JVM exits at once with code 1
        ChildJvm broken =
                ChildJvm.ofThisJvm("org.driftlab.bench.cluster.NoSuchMain", List.of("-Xmx64m"), List.of("node"));
        assertThatThrownBy(() -> LocalWorkers.start(broken, 2, logs, ConfigFactory.load(), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1 while starting")
                .hasMessageContaining("node.out");
        assertThat(logs.resolve("worker-1").resolve("node.out")).exists();
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("child JVMs left")
                .isEmpty();
    }

    @Test
    void argumentsAreChecked(@TempDir Path logs) throws Exception {
        ChildJvm l = ChildJvm.ofThisJvm("M", List.of(), List.of());
        assertThatThrownBy(() -> LocalWorkers.start(l, 0, logs, ConfigFactory.load(), Duration.ofSeconds(1)))
                .hasMessageContaining("workers");
        assertThatThrownBy(() -> LocalWorkers.start(l, 1, logs, ConfigFactory.load(), Duration.ZERO))
                .hasMessageContaining("startTimeout");
        try (var files = Files.list(logs)) {
            assertThat(files.toList()).as("nothing started").isEmpty();
        }
    }
}
