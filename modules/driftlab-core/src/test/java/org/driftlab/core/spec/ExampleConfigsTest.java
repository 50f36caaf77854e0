package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment config shipped in configs/ loads without problems. */
class ExampleConfigsTest {
    /** The repository's configs/ directory, found from the module directory Maven runs tests in. */
    static final Path CONFIGS = Path.of("../../configs");

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> files = Files.walk(CONFIGS)) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
            return list.stream();
        }
    }

    @Test
    void theExamplesArePresent() throws IOException {
        assertThat(configs()
                        .map(p -> CONFIGS.relativize(p).toString().replace('\\', '/'))
                        .toList())
                .contains(
                        "quickstart.conf",
                        "reset-vs-hazard.conf",
                        "streams/linear-regression.conf",
                        "rules/adam.conf",
                        "beliefs/hmm.conf",
                        "resets/belief-threshold.conf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void loadsWithoutProblems(Path file) {
        SweepSpec sweep = SweepLoader.load(file);
        assertThat(sweep.runs()).isNotEmpty();
    }

    /** Each condition of every example starts and runs a few steps (in chunks, so rollbacks happen too). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyConditionRuns(Path file) {
        SweepSpec sweep = SweepLoader.load(file);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RunSpec r : sweep.runs()) {
            if (!seen.add(r.conditionId())) continue;
            RunSpec shortRun = r.withSteps(40);
            org.driftlab.core.sim.RunResult result = org.driftlab.core.sim.Simulation.run(shortRun, 16);
            assertThat(result.metrics().steps()).as(file + " " + r.params()).isEqualTo(40);
        }
    }

    @Test
    void quickstartIsSmall() {
        SweepSpec sweep = SweepLoader.load(CONFIGS.resolve("quickstart.conf"));
        assertThat(sweep.runs()).hasSize(30);
        assertThat(sweep.runs()).allSatisfy(r -> {
            assertThat(r.steps()).isLessThanOrEqualTo(2000);
            assertThat(r.stream().dim()).isEqualTo(8);
        });
    }
}
