package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeoutException;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.series.SeriesFormatException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The user's bad input is exit code 2 and one line; a broken invariant is a bug, exit code 1, its stack trace logged. */
class ExitCodesTest {
    private final StringWriter err = new StringWriter();

    private int report(Throwable e, boolean debug) {
        return ExitCodes.report(new PrintWriter(err, true), e, debug);
    }

    @Test
    void theUsersBadInputIsOneLineAndExitCode2() {
        assertThat(report(new BadInputException("--run 2 is out of range: exp.conf has 2 runs"), false))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(report(
                        new SeriesFormatException("s.csv line 3 (data row 2), column 'b': not a number: 'x4'"), false))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(report(
                        new ParameterException(
                                new CommandLine(new DriftlabCommand()), "--heap must be a heap size, got '2x'"),
                        false))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().split("\\R"))
                .containsExactly(
                        "driftlab: --run 2 is out of range: exp.conf has 2 runs",
                        "driftlab: s.csv line 3 (data row 2), column 'b': not a number: 'x4'",
                        "driftlab: --heap must be a heap size, got '2x'");
    }

    @Test
    void aBrokenInvariantIsABugWithExitCode1AndSaysWhereTheStackTraceIs() {
        assertThat(report(new IllegalArgumentException("chunk size must be >= 1, got 0"), false))
                .isEqualTo(ExitCodes.FAILURE);
        String line = err.toString().trim();
        assertThat(line)
                .startsWith("driftlab: a bug in driftlab")
                .contains("IllegalArgumentException: chunk size must be >= 1, got 0")
                .contains("stack trace in " + ExitCodes.LOG_FILE)
                .doesNotContain("\tat ")
                .doesNotContain("\n");
    }

    @Test
    void withDebugTheStackTraceIsPrintedToo() {
        assertThat(report(new IllegalStateException("invariant broken"), true)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("a bug in driftlab").contains("\tat ");
    }

    @Test
    void aCheckedFailureIsAnInternalErrorNotTheUsers() {
        assertThat(report(new TimeoutException("3 worker JVMs not Up within 120 s"), false))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("driftlab: internal error: ").contains("not Up within 120 s");
    }
}
