package org.driftlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code submit} share: the config, the store, resuming, what is shown, the live view. */
final class SweepOptions {
    @Parameters(
            index = "0",
            paramLabel = "CONFIG",
            description = "The experiment config (HOCON), e.g. configs/quickstart.conf.")
    Path config;

    @Mixin
    IncludeOption includes;

    @Option(
            names = "--results",
            paramLabel = "FILE",
            description = "The results store (default: results/<sweep name>.duckdb under the working directory).")
    Path results;

    @Option(
            names = "--resume",
            description = {
                "Continue a sweep already in the store even though its config changed: runs whose settings "
                        + "are unchanged are kept and skipped, the rest run (the store then holds both configs' runs). "
                        + "Fails when the store holds no sweep of this name.",
                "Without it, rerunning the same config resumes anyway (stored runs are skipped), and a "
                        + "different config under the same sweep name is refused."
            })
    boolean resume;

    @Option(names = "--quiet", description = "No progress display: only the final summary, table and file locations.")
    boolean quiet;

    @Option(names = "--no-plots", description = "Do not write the report plots at the end.")
    boolean noPlots;

    @Option(
            names = "--live-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description =
                    "Port of the live view, a read-only web page of the running sweep whose address is printed at "
                            + "start (default: ${DEFAULT-VALUE}, a free port).")
    int livePort;

    @Option(
            names = "--live-address",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address the live view listens on (default: ${DEFAULT-VALUE}, this machine only).")
    String liveAddress;

    @Option(names = "--no-live", description = "Do not serve the live view.")
    boolean noLive;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for the report plots (default: <store without .duckdb>-report beside the store).")
    Path out;
}
