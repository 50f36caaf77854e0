package org.driftlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    /** The child of the tests: prints its -Xmx in MiB, its working directory and its arguments (after a launcher's variable when asked), or runs out of heap when asked. */
    public static final class Child {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("exhaust")) {
                List<long[]> hog = new ArrayList<>();
                while (true) hog.add(new long[1 << 20]);
            }
            if (args.length > 0 && args[0].equals("env"))
                System.out.println("env " + System.getenv("DRIFTLAB_CHILDJVM_LAUNCHED"));
            System.out.println("max " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println(Path.of("").toAbsolutePath());
            System.out.println(String.join(",", args));
            System.exit(7);
        }
    }

    @Test
    void theCommandIsJavaOptionsClassPathMainThenArgs() {
        ChildJvm c = new ChildJvm(
                List.of(),
                "/opt/java/bin/java",
                List.of("-Xmx1g", "-Dx=1"),
                List.of("/a.jar", "/b"),
                "org.x.Main",
                List.of("node"));
        assertThat(c.withMoreArgs(List.of("--port", "4242")).command())
                .containsExactly(
                        "/opt/java/bin/java",
                        "-Xmx1g",
                        "-Dx=1",
                        "-cp",
                        "/a.jar" + File.pathSeparator + "/b",
                        "org.x.Main",
                        "node",
                        "--port",
                        "4242");
        assertThat(c.args()).containsExactly("node");
    }

    @Test
    void aLauncherPrefixesTheCommandAndIsReplacedNotStacked() {
        ChildJvm c = new ChildJvm(
                List.of(), "/opt/java/bin/java", List.of("-Xmx1g"), List.of("/a.jar"), "org.x.Main", List.of("node"));
        ChildJvm inNs = c.withLauncher(List.of("ip", "netns", "exec", "ns1"));
        assertThat(inNs.command())
                .containsExactly(
                        "ip",
                        "netns",
                        "exec",
                        "ns1",
                        "/opt/java/bin/java",
                        "-Xmx1g",
                        "-cp",
                        "/a.jar",
                        "org.x.Main",
                        "node");
        assertThat(inNs.withLauncher(List.of("env")).withMoreArgs(List.of("x")).command())
                .containsExactly("env", "/opt/java/bin/java", "-Xmx1g", "-cp", "/a.jar", "org.x.Main", "node", "x");
        assertThat(c.command()).first().isEqualTo("/opt/java/bin/java");
    }

    @Test
    void startRunsTheChildThroughItsLauncher(@TempDir Path dir) throws Exception {
        // env(1) with an extra variable is a launcher available everywhere whose effect the child can show
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.ofThisJvm(Child.class.getName(), List.of("-Xmx64m"), List.of("env"))
                .withLauncher(List.of("env", "DRIFTLAB_CHILDJVM_LAUNCHED=yes"))
                .start(dir, log);
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            ChildJvm.destroyAll(List.of(p));
        }
        assertThat(p.exitValue()).isEqualTo(7);
        assertThat(Files.readAllLines(log)).contains("env yes");
    }

    @Test
    void ofThisJvmUsesThisJavaAndAnAbsoluteClassPath() {
        ChildJvm c = ChildJvm.ofThisJvm("org.x.Main", List.of(), List.of());
        assertThat(Path.of(c.javaBinary())).isAbsolute().exists();
        assertThat(c.classPath()).isNotEmpty().allSatisfy(e -> assertThat(Path.of(e))
                .isAbsolute());
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> new ChildJvm(List.of(), " ", List.of(), List.of("/a"), "M", List.of()))
                .hasMessageContaining("javaBinary");
        assertThatThrownBy(() -> new ChildJvm(List.of(), "java", List.of(), List.of(), "M", List.of()))
                .hasMessageContaining("classPath");
        assertThatThrownBy(() -> new ChildJvm(List.of(), "java", List.of(), List.of("/a"), "", List.of()))
                .hasMessageContaining("mainClass");
        assertThatThrownBy(() -> new ChildJvm(List.of(), "java", List.of(""), List.of("/a"), "M", List.of()))
                .hasMessageContaining("jvmOptions");
        assertThatThrownBy(() -> new ChildJvm(List.of(" "), "java", List.of(), List.of("/a"), "M", List.of()))
                .hasMessageContaining("launcher");
    }

    @Test
    void runHandsBackTheOutputAndExitCodeOfAChildWithItsOptions() throws Exception {
        List<String> lines = new ArrayList<>();
        int code = ChildJvm.ofThisJvm(Child.class.getName(), List.of("-Xmx96m"), List.of("a", "b"))
                .run(Duration.ofMinutes(1), lines::add);
        assertThat(code).isEqualTo(7);
        assertThat(lines).hasSize(3);
        assertThat(Long.parseLong(lines.get(0).substring(4))).isBetween(80L, 96L);
        assertThat(lines.get(2)).isEqualTo("a,b");
    }

    @Test
    void aChildThatRunsOutOfHeapExitsWithTheOutOfMemoryCode() throws Exception {
        int code = ChildJvm.ofThisJvm(
                        Child.class.getName(), List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"), List.of("exhaust"))
                .run(Duration.ofMinutes(1), line -> {});
        assertThat(code).isEqualTo(ChildJvm.OUT_OF_MEMORY_EXIT);
    }

    @Test
    void startRunsInTheGivenDirectoryAndLogsThere(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process p = ChildJvm.ofThisJvm(Child.class.getName(), List.of("-Xmx64m"), List.of("x"))
                .start(dir, log);
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            ChildJvm.destroyAll(List.of(p));
        }
        assertThat(p.exitValue()).isEqualTo(7);
        assertThat(Files.readAllLines(log)).contains(dir.toRealPath().toString(), "x");
    }
}
