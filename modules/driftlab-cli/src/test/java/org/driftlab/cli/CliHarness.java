package org.driftlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line with captured stdout and stderr. */
final class CliHarness {
    final CommandLine cl;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    CliHarness(CommandLine cl) {
        this.cl = cl;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
    }

    static CliHarness bare() {
        return new CliHarness(new CommandLine(new DriftlabCommand()));
    }

    static CliHarness installed() {
        return new CliHarness(DriftlabCommand.newCommandLine());
    }

    int run(String... args) {
        return cl.execute(args);
    }
}
