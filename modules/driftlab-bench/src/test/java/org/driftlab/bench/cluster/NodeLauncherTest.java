package org.driftlab.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLauncherTest {
    @Test
    void theCommandIsJavaOptionsClassPathMainArgsThenPortAndSeed() {
        NodeLauncher l = new NodeLauncher("/opt/java/bin/java", List.of("-Xmx1g", "-Dx=1"), List.of("/a.jar", "/b"), "org.x.Main", List.of("node"));
        assertThat(l.command(4242, "127.0.0.1:4000")).containsExactly("/opt/java/bin/java", "-Xmx1g", "-Dx=1", "-cp",
                "/a.jar" + File.pathSeparator + "/b", "org.x.Main", "node", "--port", "4242", "--host", "127.0.0.1", "--seed", "127.0.0.1:4000");
    }

    @Test
    void ofThisJvmUsesThisJavaAndAnAbsoluteClassPath() {
        NodeLauncher l = NodeLauncher.ofThisJvm("org.x.Main", List.of(), List.of());
        assertThat(Path.of(l.javaBinary())).isAbsolute().exists();
        assertThat(l.classPath()).isNotEmpty().allSatisfy(e -> assertThat(Path.of(e)).isAbsolute());
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> new NodeLauncher(" ", List.of(), List.of("/a"), "M", List.of())).hasMessageContaining("javaBinary");
        assertThatThrownBy(() -> new NodeLauncher("java", List.of(), List.of(), "M", List.of())).hasMessageContaining("classPath");
        assertThatThrownBy(() -> new NodeLauncher("java", List.of(), List.of("/a"), "", List.of())).hasMessageContaining("mainClass");
        assertThatThrownBy(() -> new NodeLauncher("java", List.of(""), List.of("/a"), "M", List.of())).hasMessageContaining("jvmOptions");
        NodeLauncher l = new NodeLauncher("java", List.of(), List.of("/a"), "M", List.of());
        assertThatThrownBy(() -> l.command(0, "h:1")).hasMessageContaining("port");
    }
}
