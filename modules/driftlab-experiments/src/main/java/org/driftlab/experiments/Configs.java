package org.driftlab.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;

/**
 * The committed experiment configs, loaded as they are or with HOCON appended (later keys win, so a test can
 * shorten a run or replace the sweep while every other setting stays the committed one).
 */
public final class Configs {
    private Configs() {}

    /** configs/ of the repository (the tests run in src-test/, the tools in the repository root). */
    public static Path dir() {
        Path here = Path.of("configs");
        return Files.isDirectory(here) ? here : Path.of("..", "configs");
    }

    public static SweepSpec load(String name) {
        return SweepLoader.load(dir().resolve(name));
    }

    /** {@code name}'s text followed by {@code overrides} (a config without includes). */
    public static SweepSpec withOverrides(String name, String overrides) {
        Path file = dir().resolve(name);
        try {
            return SweepLoader.parse(Files.readString(file) + "\n" + overrides + "\n", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
