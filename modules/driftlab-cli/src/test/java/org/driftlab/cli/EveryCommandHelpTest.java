package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand, nested ones included, answers {@code --help} (its usage on stdout) and
 * {@code --version} (driftlab's version on stdout) with exit code 0 and nothing on stderr, even when it has
 * required options or parameters.
 */
class EveryCommandHelpTest {
    /** The command paths, e.g. ["trace"] and ["bench", "jvms"], found by walking the command tree. */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(DriftlabCommand.newCommandLine(), new ArrayList<>(), out);
        assertThat(out).as("the command tree").hasSizeGreaterThan(8);
        return out.stream();
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return; // aliases
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            walk(sub, p, out);
        });
    }

    /** Each command with each of the two options. */
    static Stream<Arguments> commandsAndOptions() {
        return commands().flatMap(c -> Stream.of(Arguments.of(c, "--help"), Arguments.of(c, "--version")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commandsAndOptions")
    void helpAndVersionPrintToStdoutAndExitZero(List<String> command, String option) {
        CliHarness h = CliHarness.installed();
        List<String> args = new ArrayList<>(command);
        args.add(option);
        assertThat(h.run(args.toArray(String[]::new))).as(h.err.toString()).isZero();
        assertThat(h.err.toString()).isEmpty();
        if (option.equals("--help")) {
            assertThat(h.out.toString()).contains("Usage: driftlab " + String.join(" ", command));
        } else {
            assertThat(h.out.toString()).startsWith("driftlab ").contains("Java ");
        }
    }
}
