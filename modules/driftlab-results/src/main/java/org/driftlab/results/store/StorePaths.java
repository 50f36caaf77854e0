package org.driftlab.results.store;

import java.nio.file.Path;
import org.driftlab.core.spec.SweepSpec;

/** Where a results store lives by default (DESIGN §10): {@code results/<config-name>.duckdb}, relative to the working directory. */
public final class StorePaths {
    /** The default directory for stores. */
    public static final Path RESULTS_DIR = Path.of("results");

    private StorePaths() {}

    /** {@code results/<sweep name>.duckdb}. */
    public static Path defaultFor(SweepSpec sweep) {
        return RESULTS_DIR.resolve(sweep.name() + ".duckdb");
    }

    /** {@code results/<config base name without extension>.duckdb}, e.g. configs/a.conf → results/a.duckdb. */
    public static Path defaultFor(Path configFile) {
        String name = configFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        return RESULTS_DIR.resolve(name + ".duckdb");
    }

    /** The store's file name without the {@code .duckdb} extension, e.g. for naming report outputs. */
    public static String baseName(Path store) {
        String name = store.getFileName().toString();
        return name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
    }
}
