package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The product jar as built ({@code target/driftlab.jar}, by the package phase before this integration test runs):
 * it holds the product and its libraries, and none of the bench tool's code, nor JMH.
 */
class ProductJarIT {
    @Test
    void theProductJarHoldsNoBenchOrJmhCode() throws IOException {
        Path jar = Path.of("target", "driftlab.jar");
        assertThat(jar).as("the shaded product jar (package phase)").exists();
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(ZipEntry::getName).toList();
            assertThat(names)
                    .contains("org/driftlab/cli/DriftlabCommand.class", "org/driftlab/core/sim/Simulation.class");
            assertThat(names).noneMatch(n -> n.startsWith("org/openjdk/jmh/"));
            assertThat(names).noneMatch(n -> n.startsWith("org/driftlab/bench/"));
            assertThat(names).noneMatch(n -> n.startsWith("org/driftlab/childjvm/"));
            assertThat(names).noneMatch(n -> n.equals("META-INF/BenchmarkList"));
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
