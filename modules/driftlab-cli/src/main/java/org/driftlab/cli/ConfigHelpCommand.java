package org.driftlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.driftlab.core.spec.Block;
import org.driftlab.core.spec.ConfigDocs;
import org.driftlab.core.spec.ConfigSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab help config [BLOCK]}: the declared config schema ({@link ConfigSchema}) as text: every block, or one,
 * with each type's keys, defaults, ranges, units and meaning, and the rules that blocks must follow together.
 * {@code --markdown} prints docs/CONFIG.md, which is generated this way. Wiring only: {@link ConfigDocs} renders.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = DriftlabCommand.Version.class,
        description = {
            "Print the config schema: each block's keys with their defaults, ranges, units and meaning, and "
                    + "the rules the blocks must follow together."
        })
public final class ConfigHelpCommand implements Callable<Integer> {
    private static final String TOP = "top";

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "BLOCK",
            description =
                    "One block: top, stream, stream.switching, rule, rule.metric, belief, belief.model, reset, metrics, … (default: all).")
    String block;

    @Option(names = "--markdown", description = "Print docs/CONFIG.md (the whole schema with its prose, as markdown).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            if (block != null)
                throw new ParameterException(spec.commandLine(), "--markdown prints every block; drop " + block);
            out.print(ConfigDocs.markdown());
        } else if (block != null) {
            out.print(ConfigDocs.text(find(block)));
        } else {
            for (Block b : ConfigSchema.blocks()) out.println(ConfigDocs.text(b));
            out.print(ConfigDocs.rulesText());
        }
        out.flush();
        return 0;
    }

    private Block find(String path) {
        String wanted = path.equals(TOP) ? "" : path;
        return ConfigSchema.blocks().stream()
                .filter(b -> b.path().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "Unknown config block '" + path + "'; blocks: " + TOP + ", "
                                + String.join(
                                        ", ",
                                        ConfigSchema.blocks().stream()
                                                .map(Block::path)
                                                .filter(p -> !p.isEmpty())
                                                .toList())));
    }
}
