package org.driftlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small experiment configs for the sweep command tests: a few runs of a few hundred steps. */
final class SweepConfigs {
    private SweepConfigs() {}

    /** {@code seeds} seeds × 2 reset policies (none, oracle) of {@code steps} steps, sweep name {@code name}. */
    static Path write(Path dir, String name, int seeds, int steps) throws IOException {
        return Files.writeString(
                dir.resolve(name + ".conf"),
                """
                name = %s
                steps = %d
                seeds = %d
                master-seed = 7
                stream {
                  type = quadratic
                  dim = 4
                  eigenvalues { min = 0.5, max = 2 }
                  gradient-noise = 0.3
                  prior { mean = 0, std = 1 }
                  switching { type = hazard, hazard = 0.01 }
                }
                rule { type = adam, lr = 0.05 }
                belief { type = bocpd, model = gaussian, hazard = 0.01 }
                reset { type = none }
                metrics { bins = 10, aligned-lags = 20 }
                sweep { reset = [ { type = none }, { type = oracle } ] }
                """
                        .formatted(name, steps, seeds));
    }
}
