package org.driftlab.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file atomically: the content goes to a temporary file in the target's directory, which
 * is moved over the target only once it is complete, so a failure (an exception, a kill) never leaves a
 * half-written target; the temporary file is deleted on failure.
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
        if (Files.isDirectory(absolute)) throw new FileSystemException(target.toString(), null, "is a directory, not an output file");
        Path dir = absolute.getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) throw new NotDirectoryException(p.toString());
                break;
            }
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            body.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }
}
