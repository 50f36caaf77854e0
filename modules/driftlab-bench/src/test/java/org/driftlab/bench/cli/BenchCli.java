package org.driftlab.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The bench tool's command line as the bench jar runs it, with stdout and stderr captured. */
final class BenchCli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final CommandLine cl = BenchCommand.newCommandLine();

    BenchCli() {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
    }

    /** Runs {@code driftlab bench <args>}; its exit code. */
    int run(String... args) {
        return cl.execute(args);
    }
}
