package org.driftlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench} in the product's list of commands. The bench is a tool beside the product, in a jar of its own
 * (module driftlab-bench, {@code driftlab-bench.jar}) that the launcher builds and runs for {@code ./driftlab bench
 * ...}, so that the product jar holds none of its code and no JMH. Run from the product jar itself, this command
 * says how to run the bench and exits with {@link ExitCodes#USAGE}; it runs nothing.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure throughput and memory of reference workloads: the core loop, the actor path, several "
                    + "worker JVMs (subcommands jvms, scale, sweep-memory; docs/PERFORMANCE.md).",
            "A tool beside the product, in its own jar: run it as './driftlab bench ...' (the launcher builds and runs "
                    + "modules/driftlab-bench/target/driftlab-bench.jar); './driftlab bench --help' lists its options."
        })
final class BenchToolCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        String rest = args.isEmpty() ? "" : " " + String.join(" ", args);
        spec.commandLine()
                .getErr()
                .println("driftlab: the bench is a tool beside the product jar: run './driftlab bench" + rest
                        + "' (the launcher runs modules/driftlab-bench/target/driftlab-bench.jar)");
        return ExitCodes.USAGE;
    }
}
