package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SweepLoader#load} resolves includes through {@link StrictIncluder}: every include is required and located. */
class StrictIncluderTest {
    private static final String BASE =
            """
            steps = 20
            stream { type = quadratic, dim = 2, gradient-noise = 0.1, switching { type = hazard, hazard = 0.05 } }
            rule { type = sgd, lr = 0.1 }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** The single problem of loading {@code main} (with {@code sources}). */
    private ConfigProblem problemOf(Path main, StrictIncluder.Sources sources) {
        try {
            SweepLoader.load(main, sources);
        } catch (ConfigProblems e) {
            assertThat(e.problems()).as(e.getMessage()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError(main + " should have been refused");
    }

    private ConfigProblem problemOf(Path main) {
        return problemOf(main, StrictIncluder.Sources.RELATIVE_FILES);
    }

    @Test
    void relativeIncludesBesideAboveAndBelowTheConfigLoad() throws IOException {
        write("base.conf", BASE);
        write("parts/rule.conf", "rule.lr = 0.2\n");
        Path main =
                write("exp/main.conf", "include \"../base.conf\"\ninclude file(\"../parts/rule.conf\")\nseeds = 2\n");
        SweepSpec sweep = SweepLoader.load(main);
        assertThat(sweep.runs()).hasSize(2);
        assertThat(sweep.runs().get(0).steps()).isEqualTo(20);
        assertThat(StrictIncluder.filesIncludedBy(main, StrictIncluder.Sources.RELATIVE_FILES))
                .containsExactly(dir.resolve("base.conf"), dir.resolve("parts/rule.conf"));
    }

    @Test
    void aMissingIncludeIsAProblemOfTheIncludingFileAndLine() throws IOException {
        Path main = write("main.conf", "# a comment\n" + BASE + "include \"bsae.conf\"\n");
        ConfigProblem p = problemOf(main);
        assertThat(p.file()).isEqualTo(main.toString());
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).contains("include \"bsae.conf\"").contains("no such file");
    }

    @Test
    void aMissingOptionalSpellingIsRequiredAnyway() throws IOException {
        Path main = write("main.conf", BASE + "include required(file(\"nope.conf\"))\n");
        assertThat(problemOf(main).message()).contains("nope.conf").contains("no such file");
    }

    @Test
    void anUnparsableIncludeNamesTheIncludingLineAndTheIncludedFilesOwnLine() throws IOException {
        write("bad.conf", "rule {\n  lr = 0.1\n");
        Path main = write("main.conf", BASE + "include \"bad.conf\"\n");
        ConfigProblem p = problemOf(main);
        assertThat(p.file()).isEqualTo(main.toString());
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("include \"bad.conf\"").contains("bad.conf: 3");
    }

    @Test
    void aDirectoryIsNotAnInclude() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        assertThat(problemOf(write("main.conf", BASE + "include \"sub\"\n")).message())
                .contains("is a directory");
    }

    @Test
    void absolutePathsUrlsAndClasspathAreRefusedUnlessAnySourceIsAllowed() throws IOException {
        Path abs = write("elsewhere/abs.conf", "rule.lr = 0.3\n");
        Path main = write("main.conf", BASE + "include file(\"" + abs + "\")\n");
        ConfigProblem p = problemOf(main);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("an absolute path").contains("--any-include");
        assertThat(SweepLoader.load(main, StrictIncluder.Sources.ANY)
                        .runs()
                        .get(0)
                        .rule()
                        .toString())
                .contains("0.3");

        assertThat(problemOf(write("url.conf", BASE + "include url(\"http://example.invalid/x.conf\")\n"))
                        .message())
                .contains("a URL");
        assertThat(problemOf(write("bare-url.conf", BASE + "include \"file:///etc/passwd\"\n"))
                        .message())
                .contains("a URL");
        assertThat(problemOf(write("cp.conf", BASE + "include classpath(\"reference.conf\")\n"))
                        .message())
                .contains("a classpath resource");
        assertThat(problemOf(write("passwd.conf", BASE + "include file(\"/etc/passwd\")\n"))
                        .message())
                .contains("an absolute path");
    }

    @Test
    void aSelfIncludeOrACycleIsAProblem() throws IOException {
        Path self = write("self.conf", BASE + "include \"self.conf\"\n");
        assertThat(problemOf(self).message()).contains("an include cycle (self.conf -> self.conf)");

        write("a.conf", "include \"b.conf\"\n");
        write("b.conf", "include \"a.conf\"\n");
        Path main = write("main.conf", BASE + "include \"a.conf\"\n");
        ConfigProblem p = problemOf(main);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("an include cycle (a.conf -> b.conf -> a.conf)");
    }

    @Test
    void aProblemInsideAnIncludedFileKeepsItsOwnLocation() throws IOException {
        write("base.conf", BASE.replace("lr = 0.1", "lr = -1"));
        ConfigProblem p = problemOf(write("main.conf", "include \"base.conf\"\n"));
        assertThat(p.file()).endsWith("base.conf");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.key()).isEqualTo("rule.lr");
    }
}
