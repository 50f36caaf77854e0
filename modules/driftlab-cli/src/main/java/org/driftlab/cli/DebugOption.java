package org.driftlab.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --debug} option, accepted by the top command and by every subcommand that mixes it in
 * ({@code driftlab --debug trace ...} and {@code driftlab trace --debug ...} mean the same): the value is kept
 * on the top command's instance, so any command asks {@link #enabled()}.
 */
public final class DebugOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private boolean debug;

    @Option(names = "--debug", description = "Print the stack trace of an error (it always goes to logs/driftlab.log).")
    void setDebug(boolean value) {
        root().debug = value;
    }

    /** True when {@code --debug} was given anywhere on the command line. */
    public boolean enabled() {
        return root().debug;
    }

    private DebugOption root() {
        // the top command's own --debug (a mixin named "debug"): DriftlabCommand's, or the bench tool's
        CommandSpec top = mixee == null ? null : mixee.root().mixins().get("debug");
        return top != null && top.userObject() instanceof DebugOption d ? d : this;
    }
}
