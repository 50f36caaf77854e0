package org.driftlab.cli;

import org.driftlab.core.spec.StrictIncluder;
import picocli.CommandLine.Option;

/** The {@code --any-include} option of the commands that load a config ({@code run}, {@code submit}, {@code trace}). */
final class IncludeOption {
    @Option(
            names = "--any-include",
            description =
                    "Let the config include absolute paths, url(...) and classpath(...) too; by default only files "
                            + "named relative to the including file are (every include must exist and parse, either way).")
    boolean any;

    /** Where the config's includes may come from. */
    StrictIncluder.Sources sources() {
        return any ? StrictIncluder.Sources.ANY : StrictIncluder.Sources.RELATIVE_FILES;
    }
}
