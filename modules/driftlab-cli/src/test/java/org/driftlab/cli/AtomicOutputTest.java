package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @Test
    void writesAndReplaces(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub/out.csv");
        AtomicOutput.write(target, p -> Files.writeString(p, "a\n"));
        assertThat(target).hasContent("a");
        AtomicOutput.write(target, p -> Files.writeString(p, "b\n"));
        assertThat(target).hasContent("b");
        assertThat(entries(target.getParent())).containsExactly("out.csv");
    }

    @Test
    void aDirectoryTargetOrAFileParentIsRefusedBeforeTheBodyRuns(@TempDir Path dir) throws IOException {
        Path existingDir = Files.createDirectory(dir.resolve("out.csv"));
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        AtomicOutput.Body never = p -> {
            throw new AssertionError("the body must not run");
        };
        assertThatThrownBy(() -> AtomicOutput.write(existingDir, never))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessageContaining("out.csv")
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> AtomicOutput.write(plain.resolve("a/b.csv"), never))
                .isInstanceOf(java.nio.file.NotDirectoryException.class)
                .hasMessage(plain.toString());
        assertThat(entries(dir)).containsExactlyInAnyOrder("out.csv", "plain");
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        assertThatThrownBy(() -> AtomicOutput.write(target, p -> {
                    Files.writeString(p, "half");
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(entries(dir)).containsExactly("out.csv");
    }

    @Test
    void aFailureCreatesNoTarget(@TempDir Path dir) {
        Path target = dir.resolve("new.csv");
        assertThatThrownBy(() -> AtomicOutput.write(target, p -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(entries(dir)).isEmpty();
    }

    @Test
    void theFileGetsThePermissionsOfAPlainNewFileNotThoseOfATemporaryOne(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("plain")); // the umask's mode, as DuckDB's exports and the plots get
        Path target = dir.resolve("out.csv");
        AtomicOutput.write(target, p -> Files.writeString(p, "a\n"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailureRemovesTheDirectoriesItCreatedButNoOthers(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("kept"));
        assertThatThrownBy(() -> AtomicOutput.write(dir.resolve("kept/new/deeper/out.csv"), p -> {
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(entries(dir)).containsExactly("kept");
        assertThat(entries(dir.resolve("kept"))).isEmpty();
    }

    private static java.util.List<String> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
