package org.driftlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab help [COMMAND]}: the usage of driftlab or of one command, as picocli's own help command prints it;
 * {@code driftlab help config [BLOCK]} prints the config schema ({@link ConfigHelpCommand}). Ours rather than
 * picocli's {@link CommandLine.HelpCommand} only because that one cannot hold a subcommand.
 */
@Command(
        name = "help",
        mixinStandardHelpOptions = true,
        versionProvider = DriftlabCommand.Version.class,
        subcommands = ConfigHelpCommand.class,
        description = {"Print the usage of driftlab or of COMMAND; 'help config [BLOCK]' prints the config schema."})
public final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "COMMAND",
            description = "The command to describe (default: driftlab itself).")
    String command;

    @Override
    public Integer call() {
        CommandLine top = spec.parent().commandLine();
        CommandLine target = top;
        if (command != null) {
            target = top.getSubcommands().get(command);
            if (target == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Unknown command '" + command + "'; commands: "
                                + String.join(", ", top.getSubcommands().keySet()));
            }
        }
        target.usage(spec.commandLine().getOut());
        return 0;
    }
}
