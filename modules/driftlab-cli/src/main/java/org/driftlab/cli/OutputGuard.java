package org.driftlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.spec.StrictIncluder;

/**
 * Refuses an output path that would replace one of the command's inputs or a results store, before anything
 * is written: a user's {@code --out} that names the config, the series or the store being read (directly,
 * through a symbolic link or as another hard link of the same file, compared with
 * {@link Files#isSameFile}, which compares the files' keys: device and inode), or any existing DuckDB
 * database file (recognised by its magic bytes, so a store is never replaced by a CSV whatever its name).
 * Each refusal is a {@link BadInputException} with one line naming the option, the path and the
 * file it would replace (exit code 2 through {@link ExitCodes}).
 */
final class OutputGuard {
    /** DuckDB's file header: an 8-byte checksum, then these magic bytes. */
    private static final byte[] DUCKDB_MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);

    private static final int DUCKDB_MAGIC_OFFSET = 8;

    private OutputGuard() {}

    /** One input of a command: what it is (e.g. "the config"), for the message, and its path. */
    record Input(String role, Path path) {}

    /**
     * Refuses {@code output} (the value of {@code option}) when it is the same file as one of {@code inputs}
     * ({@link #refuseInputs}) or an existing results store. A path that does not exist yet passes.
     */
    static void refuseClobbering(String option, Path output, List<Input> inputs) throws IOException {
        refuseInputs(option, output, inputs);
        if (isResultStore(output)) {
            throw new BadInputException(option + " " + output + " is a results store (a DuckDB database): "
                    + "an output never replaces a store; choose another " + option + " path");
        }
    }

    /**
     * Refuses {@code output} (the value of {@code option}) when it is the same file as one of {@code inputs}
     * (a missing input is skipped: its own reader reports it). For a store
     * as output ({@code --results}), which may well be an existing store.
     */
    static void refuseInputs(String option, Path output, List<Input> inputs) throws IOException {
        if (!Files.exists(output)) return; // follows links: a dangling link or a new name replaces no data
        for (Input input : inputs) {
            Path in = input.path();
            if (in != null && Files.exists(in) && Files.isSameFile(output, in)) {
                throw new BadInputException(option + " " + output + " is " + input.role() + " (" + in
                        + "): an output never replaces an input; choose another " + option + " path");
            }
        }
    }

    /**
     * The inputs of a command that loads {@code config}: the config (as "the config") and every file it
     * includes (as "a file the config includes"), for {@link #refuseClobbering} and {@link #refuseInputs}.
     */
    static List<Input> configInputs(Path config, StrictIncluder.Sources sources) {
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("the config", config));
        for (Path p : StrictIncluder.filesIncludedBy(config, sources))
            inputs.add(new Input("a file the config includes", p));
        return inputs;
    }

    /** True when {@code file} is a regular file (links followed) that starts with DuckDB's header. */
    static boolean isResultStore(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) return false;
        byte[] head = new byte[DUCKDB_MAGIC_OFFSET + DUCKDB_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) return false;
        }
        return Arrays.equals(head, DUCKDB_MAGIC_OFFSET, head.length, DUCKDB_MAGIC, 0, DUCKDB_MAGIC.length);
    }
}
