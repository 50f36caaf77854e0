package org.driftlab.results.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.driftlab.results.store.CopyFormat;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StorePaths;
import org.driftlab.results.store.StoreTable;

/** Exports a store table to a file atomically: readers see the old file or the complete new one, never a part. */
public final class Exporter {
    private Exporter() {}

    /** {@code <store dir>/<store base name>-<table>.<ext>}, e.g. results/a.duckdb → results/a-runs.csv. */
    public static Path defaultTarget(Path store, StoreTable table, CopyFormat format) {
        String name = StorePaths.baseName(store) + "-" + table.name().toLowerCase(Locale.ROOT) + "." + format.extension();
        return store.toAbsolutePath().resolveSibling(name);
    }

    /**
     * Writes {@code table} of {@code store} to {@code target} in {@code format}, replacing an existing file only
     * once the new one is complete. IllegalArgumentException when the target's directory does not exist or the
     * target is a directory; StoreException when DuckDB cannot write; UncheckedIOException when the rename fails.
     */
    public static Path export(ResultStore store, StoreTable table, CopyFormat format, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new IllegalArgumentException(target + ": is a directory, not an output file");
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + ": its directory " + dir + " does not exist");
        }
        Path tmp = dir.resolve("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            store.copyTo(table, tmp, format);
            moveAtomically(tmp, abs);
            return abs;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless; the export's own outcome matters
            }
        }
    }

    /** Renames {@code from} onto {@code to} atomically (both in one directory). */
    static void moveAtomically(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(to + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
