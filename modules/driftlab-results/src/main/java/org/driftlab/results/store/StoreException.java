package org.driftlab.results.store;

import java.nio.file.Path;

/**
 * A results store could not be opened, read or written. The message names the file and what is wrong, in one
 * line fit for a user (the CLI prints it as is).
 */
public final class StoreException extends RuntimeException {
    private final transient Path file;

    public StoreException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public StoreException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The store file concerned. */
    public Path file() {
        return file;
    }
}
