package org.driftlab.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file atomically: the content goes to a temporary file in the target's directory, which
 * is moved over the target only once it is complete, so a failure (an exception, a kill) never leaves a
 * half-written target; the temporary file is deleted on failure.
 *
 * <p>The rules every command's output files follow (README, "Output files"): missing parent directories are
 * created (and removed again when the write fails); the file gets the mode a plain new file gets (0666 less
 * the umask, as DuckDB's exports and the plots get it), not the 0600 of {@link Files#createTempFile}.
 */
public final class AtomicOutput {
    /** Writes the file at the path it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path file) throws IOException;
    }

    private AtomicOutput() {}

    /**
     * Calls {@code body} with a fresh temporary path next to {@code target}, then moves it to {@code target}
     * (replacing it). Missing parent directories are created. Before {@code body} runs (so no work is wasted
     * and nothing is created): a {@link FileSystemException} when {@code target} is a directory, a
     * {@link NotDirectoryException} when a parent path is an existing file.
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path created = createParents(target);
        boolean moved = false;
        Path temp = null;
        try {
            temp = createTemp(dir, absolute.getFileName().toString());
            body.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                if (temp != null) Files.deleteIfExists(temp);
                removeCreated(dir, created);
            }
        }
    }

    /**
     * Checks {@code target} as {@link #write} does and creates its missing parent directories, for an output
     * that another component writes atomically itself (DuckDB's COPY). Returns the outermost directory it
     * created, or null when the parent existed.
     */
    public static Path createParents(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute))
            throw new FileSystemException(target.toString(), null, "is a directory, not an output file");
        Path dir = absolute.getParent();
        Path outermostMissing = null;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) throw new NotDirectoryException(p.toString());
                break;
            }
            outermostMissing = p;
        }
        Files.createDirectories(dir);
        return outermostMissing;
    }

    /** A new empty file in {@code dir}, created as any new file is (its mode follows the umask). */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // another name: a collision of 64 random bits is only ever a leftover of this same code
            }
        }
    }

    /**
     * Removes the directories {@link #createParents} made ({@code outermost} as it returned; null: none) for
     * a write that failed, from {@code dir} outwards, while they are empty.
     */
    static void removeCreated(Path dir, Path outermost) throws IOException {
        if (outermost == null) return;
        for (Path p = dir; p != null && p.startsWith(outermost); p = p.getParent()) {
            try (var entries = Files.list(p)) {
                if (entries.findAny().isPresent()) return;
            }
            Files.delete(p);
        }
    }
}
