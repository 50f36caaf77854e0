package org.driftlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code driftlab} top command: one subcommand per action (STYLE C16). Without a subcommand it prints
 * its usage and exits with {@link ExitCodes#USAGE}. Errors are mapped to exit codes by {@link ExitCodes}:
 * a user's mistake (a bad config, a bad CSV, a missing file) is one clear message on stderr and exit code 2;
 * stack traces appear only with {@code --debug} and always go to {@code logs/driftlab.log}.
 */
@Command(
        name = "driftlab",
        mixinStandardHelpOptions = true,
        versionProvider = DriftlabCommand.Version.class,
        scope = ScopeType.INHERIT, // every subcommand, nested ones too, gets --help and a working --version
        description =
                "Continual-learning simulator: learners on shifting tasks, a Bayesian task belief, weight resets.",
        subcommands = {
            RunCommand.class,
            NodeCommand.class,
            SubmitCommand.class,
            TraceCommand.class,
            BeliefCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            SweepsCommand.class,
            BenchToolCommand.class,
            HelpCommand.class
        })
public final class DriftlabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** A command line with the short usage-error message and the exception-to-exit-code mapping installed. */
    public static CommandLine newCommandLine() {
        return ExitCodes.install(new CommandLine(new DriftlabCommand()));
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("driftlab: missing command");
        cl.usage(cl.getErr());
        return ExitCodes.USAGE;
    }

    /** The version from the build (a filtered resource), "unknown" when run from unfiltered classes. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = DriftlabCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {
                "driftlab " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
