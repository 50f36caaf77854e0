package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.core.spec.Block;
import org.driftlab.core.spec.ConfigDocs;
import org.driftlab.core.spec.ConfigSchema;
import org.junit.jupiter.api.Test;

/** {@code driftlab help config [BLOCK]} prints the declared schema; {@code help COMMAND} still prints a command's usage. */
class ConfigHelpCommandTest {
    @Test
    void printsEveryBlockAndTheRules() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help", "config")).isZero();
        String out = h.out.toString();
        for (Block b : ConfigSchema.blocks())
            assertThat(out).contains(b.path().isEmpty() ? "(top level)" : b.path() + " — ");
        assertThat(out)
                .contains("type = adamw")
                .contains("weight-decay")
                .contains("int ≥ 1, ≤ 512")
                .contains("blocks that must fit together")
                .contains("recall needs belief type hmm");
    }

    @Test
    void printsOneBlock() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help", "config", "stream.switching")).isZero();
        assertThat(h.out.toString())
                .startsWith("stream.switching — ")
                .contains("type = markov")
                .doesNotContain("type = adam");
        CliHarness top = CliHarness.installed();
        assertThat(top.run("help", "config", "top")).isZero();
        assertThat(top.out.toString()).startsWith("(top level)").contains("master-seed");
    }

    @Test
    void markdownIsTheConfigDoc() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help", "config", "--markdown")).isZero();
        assertThat(h.out.toString()).isEqualTo(ConfigDocs.markdown());
    }

    @Test
    void anUnknownBlockIsOneLineAndExit2() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help", "config", "rulez")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("Unknown config block 'rulez'").contains("rule.metric");
        assertThat(h.out.toString()).isEmpty();
    }

    @Test
    void helpOfACommandIsItsUsage() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help", "report")).isZero();
        assertThat(h.out.toString()).contains("Usage: driftlab report");
        CliHarness none = CliHarness.installed();
        assertThat(none.run("help", "bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err.toString()).contains("Unknown command 'bogus'");
        CliHarness own = CliHarness.installed();
        assertThat(own.run("help", "config", "--help")).isZero();
        assertThat(own.out.toString()).contains("Usage: driftlab help config").contains("--markdown");
    }
}
