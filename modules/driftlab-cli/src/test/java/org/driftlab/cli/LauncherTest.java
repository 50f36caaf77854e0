package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./driftlab} launcher's prerequisite check, run on a copy of the launcher with stand-in
 * {@code ldconfig}, {@code java}, {@code mvn} and {@code id} on the PATH, and a built jar newer than the sources.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("../../driftlab");

    @TempDir
    Path home;

    /**
     * An {@code ldconfig -p} whose list is longer than a pipe's buffer and names libgfortran first: a
     * {@code grep -q} that stops reading at the match makes ldconfig die of SIGPIPE, which pipefail turned
     * into "library missing" (exit 2, or an apt-get as root), at random on a real machine and always here.
     */
    @Test
    void theLibraryCheckReadsTheWholeListSoSigpipeCannotFailIt() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        script(
                bin,
                "ldconfig",
                "echo '\tlibgfortran.so.5 (libc6,x86-64) => /usr/lib/libgfortran.so.5'\nseq 1 400000\n");
        script(bin, "java", "echo \"java $*\"\n");
        script(bin, "mvn", "echo 'mvn must not run: the jar is fresh' >&2; exit 9\n");
        script(bin, "id", "echo 1000\n"); // not root: a failed check would exit 2 rather than try apt-get
        script(bin, "apt-get", "echo 'apt-get must not run' >&2; exit 9\n");
        Path launcher = home.resolve("driftlab");
        Files.copy(LAUNCHER, launcher);
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Path jar = Files.createDirectories(home.resolve("modules/driftlab-cli/target"))
                .resolve("driftlab.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(
                home.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(60)));

        for (int i = 0; i < 5; i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().remove("DRIFTLAB_JAVA_OPTS");
            Process p = pb.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).startsWith("java ").contains("-jar " + jar + " --version");
        }
    }

    private static void script(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
