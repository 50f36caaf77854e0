package org.driftlab.bench.cli;

import java.util.Locale;
import org.driftlab.bench.e2e.Workloads.Workload;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --workload} option the bench commands share: one of the reference workloads, W1 by default. */
public final class WorkloadOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--workload",
            paramLabel = "W",
            defaultValue = "w1",
            description = "w1, w1-dense or w1-scalar (default: ${DEFAULT-VALUE}).")
    String id;

    /** The workload named on the command line; a usage error naming the flag (exit code 2) when it is none. */
    Workload workload() {
        try {
            return Workload.byId(id.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    mixee.commandLine(), "--workload must be w1, w1-dense or w1-scalar, got " + id);
        }
    }
}
