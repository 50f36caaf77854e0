package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.spec.ConfigProblems;
import org.driftlab.core.spec.SweepLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

class DriftlabCommandTest {
    /** A subcommand that throws what it is given, through the same mapping real subcommands use. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        final Exception toThrow;

        Boom(Exception toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() {
            return ExitCodes.run(spec, debug, () -> {
                throw toThrow;
            });
        }
    }

    private static CliHarness withBoom(Exception e) {
        // subcommands added before the streams are captured: picocli copies out/err to existing subcommands only
        CommandLine cl = new CommandLine(new DriftlabCommand());
        cl.addSubcommand("boom", new Boom(e));
        return new CliHarness(cl);
    }

    private static ConfigProblems configProblems() {
        try {
            SweepLoader.parse("steps = -1\nrule = sgd\n", "bad.conf");
        } catch (ConfigProblems e) {
            return e;
        }
        throw new AssertionError("the config should have been rejected");
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        CliHarness h = CliHarness.bare();
        assertThat(h.run()).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("missing command").contains("Usage: driftlab");
    }

    @Test
    void versionAndHelpExit0() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("--version")).isZero();
        assertThat(h.out.toString()).startsWith("driftlab ");
        CliHarness help = CliHarness.installed();
        assertThat(help.run("--help")).isZero();
        assertThat(help.out.toString()).contains("--debug");
    }

    @Test
    void usageErrorExits2WithAHint() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString())
                .contains("Unknown option: '--bogus'")
                .contains("Try 'driftlab --help' for more information.");
        CliHarness typo = CliHarness.installed();
        assertThat(typo.run("hlp")).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err.toString()).contains("Did you mean").contains("help");
    }

    @Test
    void configProblemsExit2WithEveryProblemAndNoStackTrace() {
        CliHarness h = withBoom(configProblems());
        assertThat(h.run("boom")).isEqualTo(ExitCodes.USAGE);
        String err = h.err.toString();
        assertThat(err)
                .startsWith("driftlab: the config has 2 problems:")
                .contains("bad.conf:1: steps: must be >= 1, got -1")
                .contains("bad.conf:1: stream: missing required value")
                .doesNotContain("\tat ");
        assertThat(h.out.toString()).isEmpty();
    }

    @Test
    void debugAddsTheStackTraceWhereverItIsGiven() {
        CliHarness before = withBoom(configProblems());
        assertThat(before.run("--debug", "boom")).isEqualTo(ExitCodes.USAGE);
        assertThat(before.err.toString()).contains("\tat ");
        CliHarness after = withBoom(configProblems());
        assertThat(after.run("boom", "--debug")).isEqualTo(ExitCodes.USAGE);
        assertThat(after.err.toString()).contains("\tat ");
    }

    @Test
    void badInputAndMissingFilesExit2() {
        CliHarness csv =
                withBoom(new BadInputException("trace.csv line 3: column theta_0 must be a number, got \"x\""));
        assertThat(csv.run("boom")).isEqualTo(ExitCodes.USAGE);
        assertThat(csv.err.toString().trim())
                .isEqualTo("driftlab: trace.csv line 3: column theta_0 must be a number, got \"x\"");

        CliHarness missing = withBoom(new UncheckedIOException(new NoSuchFileException("configs/nope.conf")));
        assertThat(missing.run("boom")).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err.toString().trim()).isEqualTo("driftlab: file not found: configs/nope.conf");

        CliHarness io = withBoom(new IOException("disk quota exceeded"));
        assertThat(io.run("boom")).isEqualTo(ExitCodes.USAGE);
        assertThat(io.err.toString()).contains("disk quota exceeded");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorExit1() {
        CliHarness h = withBoom(new IllegalStateException("invariant broken"));
        assertThat(h.run("boom")).isEqualTo(ExitCodes.FAILURE);
        assertThat(h.err.toString())
                .contains("a bug in driftlab")
                .contains("invariant broken")
                .contains("--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void theInstalledHandlerMapsExceptionsThrownOutsideExitCodesRun() {
        CommandLine cl = DriftlabCommand.newCommandLine();
        @Command(name = "raw")
        final class Raw implements Callable<Integer> {
            @Override
            public Integer call() {
                throw configProblems();
            }
        }
        cl.addSubcommand("raw", new Raw());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("raw")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("the config has 2 problems");
    }
}
