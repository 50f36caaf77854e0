package org.driftlab.bench.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Where the bench commands turn their options into a measurement's settings. */
final class BenchOptions {
    private BenchOptions() {}

    /**
     * The settings record {@code fromOptions} builds from a command's options. Its constructor checks exactly those
     * options and names the one out of range, so what it rejects is the user's input: a usage error (exit code 2)
     * with its message, thrown before anything runs.
     */
    static <T> T checked(CommandSpec spec, Supplier<T> fromOptions) {
        try {
            return fromOptions.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
