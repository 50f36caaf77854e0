package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping onto specs, defaults, sweep expansion (counts, order) and id determinism. */
class SweepLoaderTest {
    private static final String BASE =
            """
            steps = 500
            master-seed = 7
            stream {
              type = quadratic
              dim = 3
              eigenvalues { min = 0.5, max = 2 }
              gradient-noise = 0.25
              switching { type = hazard, hazard = 0.01 }
            }
            rule { type = adam, lr = 0.05 }
            """;

    @Test
    void mapsEveryBlockOntoItsSpecWithDefaults() {
        SweepSpec sweep = SweepLoader.parse(
                BASE + "belief { type = bocpd, hazard = 0.01 }\nreset = belief-threshold\n", "dir/my-exp.conf");
        assertThat(sweep.name()).isEqualTo("my-exp");
        assertThat(sweep.sweptKeys()).isEmpty();
        assertThat(sweep.runs()).hasSize(1);
        RunSpec run = sweep.runs().get(0);
        assertThat(run.seed()).isZero();
        assertThat(run.masterSeed()).isEqualTo(7);
        assertThat(run.steps()).isEqualTo(500);
        assertThat(run.dt()).isEqualTo(1.0);
        assertThat(run.stream())
                .isEqualTo(new QuadraticStreamSpec(
                        3,
                        SpectrumSpec.logSpaced(0.5, 2),
                        false,
                        0.25,
                        PriorSpec.standard(),
                        null,
                        List.of(),
                        new HazardSwitchSpec(0.01)));
        assertThat(run.rule()).isEqualTo(new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0.0, false));
        assertThat(run.belief()).isEqualTo(new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 256));
        assertThat(run.reset()).isEqualTo(new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.INIT, true)));
        assertThat(run.metrics()).isEqualTo(MetricsSpec.defaults());
        assertThat(run.params()).isEmpty();
        assertThat(sweep.configText()).contains("belief-threshold");
    }

    @Test
    void omittedBlocksDefaultToNone() {
        RunSpec run = SweepLoader.parse(BASE, "x.conf").runs().get(0);
        assertThat(run.belief()).isEqualTo(new NoBeliefSpec());
        assertThat(run.reset()).isEqualTo(new NoResetSpec());
    }

    @Test
    void pytorchDefaultsAndRuleTypes() {
        assertThat(rule("rule = sgd")).isEqualTo(new SgdSpec(1e-3));
        assertThat(rule("rule = adamw")).isEqualTo(new AdamSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, true));
        assertThat(rule("rule { type = nesterov, lr = 0.1 }")).isEqualTo(new MomentumSpec(0.1, 0.9, true));
        assertThat(rule("rule { type = momentum, momentum = 0.5 }")).isEqualTo(new MomentumSpec(1e-3, 0.5, false));
    }

    @Test
    void gridIsTheCartesianProductInFileOrderTimesSeeds() {
        String text = BASE
                + """
                seeds = 2
                sweep {
                  "rule.lr" = [0.01, 0.1, 1]
                  reset = [none, { type = oracle, target = prior-mean }]
                }
                """;
        SweepSpec sweep = SweepLoader.parse(text, "grid.conf");
        assertThat(sweep.sweptKeys()).containsExactly("rule.lr", "reset");
        assertThat(sweep.runs()).hasSize(3 * 2 * 2);
        // first key slowest, seeds fastest
        List<String> order = sweep.runs().stream()
                .map(r -> r.params().get(0).value() + "/" + r.params().get(1).value() + "/" + r.seed())
                .toList();
        assertThat(order)
                .containsExactly(
                        "0.01/none/0",
                        "0.01/none/1",
                        "0.01/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/0",
                        "0.01/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/1",
                        "0.1/none/0",
                        "0.1/none/1",
                        "0.1/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/0",
                        "0.1/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/1",
                        "1/none/0",
                        "1/none/1",
                        "1/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/0",
                        "1/{\"target\":\"prior-mean\",\"type\":\"oracle\"}/1");
        RunSpec last = sweep.runs().get(11);
        assertThat(((AdamSpec) last.rule()).lr()).isEqualTo(1.0);
        assertThat(last.reset()).isEqualTo(new OracleResetSpec(ResetTarget.PRIOR_MEAN, true));
        // the swept lr replaced only lr: the rest of the rule block stays
        assertThat(((AdamSpec) last.rule()).beta1()).isEqualTo(0.9);
    }

    @Test
    void sweepKeyOrderFollowsTheFileNotTheAlphabet() {
        SweepSpec sweep = SweepLoader.parse(
                BASE + "sweep {\n  \"rule.lr\" = [0.1]\n  dt = [0.5]\n  \"rule.beta1\" = [0.8]\n}\n", "o.conf");
        assertThat(sweep.sweptKeys()).containsExactly("rule.lr", "dt", "rule.beta1");
    }

    @Test
    void sweepKeysOnOneLineAreTakenInPathOrder() {
        // HOCON objects do not keep key order and origins give lines only: one line is ordered by path (ids do not
        // depend on it)
        SweepSpec sweep = SweepLoader.parse(
                BASE + "sweep { \"rule.lr\" = [0.1], dt = [0.5], reset: [none], \"rule.beta1\" = [0.8] }\n", "o.conf");
        assertThat(sweep.sweptKeys()).containsExactly("dt", "reset", "rule.beta1", "rule.lr");
        SweepSpec lines = SweepLoader.parse(
                BASE + "sweep {\n  \"rule.lr\" = [0.1]\n  dt = [0.5]\n  reset: [none]\n  \"rule.beta1\" = [0.8]\n}\n",
                "o.conf");
        assertThat(sweep.runs())
                .extracting(RunSpec::runId)
                .isEqualTo(lines.runs().stream().map(RunSpec::runId).toList());
    }

    @Test
    void zipLinksListsThatVaryTogetherBesideTheProduct() {
        String text = BASE
                + """
                sweep {
                  zip {
                    "rule.lr" = [0.01, 0.1]
                    rule.beta1 = [0.8, 0.9]
                  }
                  dt = [0.5, 1, 2]
                }
                """;
        SweepSpec sweep = SweepLoader.parse(text, "zip.conf");
        assertThat(sweep.sweptKeys()).containsExactly("rule.lr", "rule.beta1", "dt");
        assertThat(sweep.runs())
                .extracting(r -> r.params().stream().map(SweptValue::value).toList())
                .containsExactly(
                        List.of("0.01", "0.8", "0.5"),
                        List.of("0.01", "0.8", "1"),
                        List.of("0.01", "0.8", "2"),
                        List.of("0.1", "0.9", "0.5"),
                        List.of("0.1", "0.9", "1"),
                        List.of("0.1", "0.9", "2"));
        assertThat(((AdamSpec) sweep.runs().get(5).rule()).beta1()).isEqualTo(0.9);
        // a zip of one key is that key's axis: same runs as the plain sweep
        SweepSpec single = SweepLoader.parse(BASE + "sweep { zip { rule.lr = [0.01, 0.1] } }", "a.conf");
        SweepSpec plain = SweepLoader.parse(BASE + "sweep { rule.lr = [0.01, 0.1] }", "a.conf");
        assertThat(single.runs()).isEqualTo(plain.runs());
    }

    @Test
    void theDocumentedZipExampleHasSixConditions() {
        SweepSpec sweep = SweepLoader.parse(
                BASE
                        + """
                sweep {
                  zip {
                    stream.switching.hazard = [0.001, 0.01, 0.1]
                    reset = [{ type = periodic, period = 1000 }, { type = periodic, period = 100 }, { type = periodic, period = 10 }]
                  }
                  "rule.lr" = [0.01, 0.1]
                }
                """,
                "doc.conf");
        assertThat(sweep.runs()).hasSize(6);
        assertThat(sweep.runs().get(5).stream().switching()).isEqualTo(new HazardSwitchSpec(0.1));
        assertThat(sweep.runs().get(5).reset()).isEqualTo(new PeriodicResetSpec(10, ResetTarget.INIT, true));
    }

    @Test
    void severalZipGroupsAreSeveralAxes() {
        SweepSpec sweep = SweepLoader.parse(
                BASE
                        + """
                sweep {
                  zip = [
                    { rule.lr = [0.01, 0.1], rule.beta1 = [0.8, 0.9] }
                    { dt = [0.5, 2], steps = [10, 20] }
                  ]
                }
                """,
                "zips.conf");
        assertThat(sweep.runs()).hasSize(4);
        assertThat(sweep.sweptKeys()).containsExactly("rule.beta1", "rule.lr", "dt", "steps");
    }

    @Test
    void nestedAndQuotedSweepPathsAreTheSame() {
        SweepSpec quoted = SweepLoader.parse(BASE + "sweep { \"rule.lr\" = [0.1, 0.2] }", "a.conf");
        SweepSpec nested = SweepLoader.parse(BASE + "sweep { rule.lr = [0.1, 0.2] }", "a.conf");
        assertThat(ids(nested)).isEqualTo(ids(quoted));
    }

    @Test
    void seedsCountAndExplicitList() {
        assertThat(SweepLoader.parse(BASE + "seeds = 4", "s.conf").runs())
                .extracting(RunSpec::seed)
                .containsExactly(0, 1, 2, 3);
        assertThat(SweepLoader.parse(BASE + "seeds = [5, 2]", "s.conf").runs())
                .extracting(RunSpec::seed)
                .containsExactly(5, 2);
    }

    @Test
    void sameTextGivesSameIds() {
        String text = BASE + "seeds = 3\nsweep { \"rule.lr\" = [0.01, 0.1] }\n";
        assertThat(ids(SweepLoader.parse(text, "a.conf"))).isEqualTo(ids(SweepLoader.parse(text, "b.conf")));
    }

    @Test
    void idsArePinned() {
        // a change here changes every stored run id: only on purpose, with a note in the release
        RunSpec run = SweepLoader.parse(BASE, "x.conf").runs().get(0);
        String canonical =
                "{\"belief\":{\"type\":\"none\"},\"dt\":1,\"master-seed\":7,\"metrics\":{\"aligned-lags\":100,"
                        + "\"bins\":50,\"detection-window\":50,\"objective\":{\"eta\":1,\"gamma\":0.001,\"k\":1}},\"reset\":{\"type\":\"none\"},"
                        + "\"rule\":{\"beta1\":0.9,\"beta2\":0.999,\"eps\":1E-8,\"lr\":0.05,\"type\":\"adam\",\"weight-decay\":0},"
                        + "\"steps\":500,\"stream\":{\"dim\":3,\"eigenvalues\":{\"max\":2,\"min\":0.5},\"gradient-noise\":0.25,"
                        + "\"prior\":{\"mean\":0,\"std\":1},\"rotated\":false,\"switching\":{\"hazard\":0.01,\"type\":\"hazard\"},\"type\":\"quadratic\"}}";
        assertThat(run.conditionId()).isEqualTo(ConditionIds.conditionId(canonical));
        assertThat(run.runId()).isEqualTo(ConditionIds.runId(canonical, 0));
        assertThat(run.conditionId()).matches("[0-9a-f]{16}");
    }

    @Test
    void differentSeedGivesDifferentRunIdSameConditionId() {
        List<RunSpec> runs = SweepLoader.parse(BASE + "seeds = 2", "x.conf").runs();
        assertThat(runs.get(0).conditionId()).isEqualTo(runs.get(1).conditionId());
        assertThat(runs.get(0).runId()).isNotEqualTo(runs.get(1).runId());
    }

    @Test
    void idsDependOnTheResolvedConditionNotOnHowItIsWritten() {
        String spelledOut = BASE.replace(
                        "rule { type = adam, lr = 0.05 }",
                        "rule {\n type = adam\n lr = 5e-2\n beta1 = 0.90\n eps = 1.0E-8 }")
                + "reset { type = none }\nbelief = none\ndt = 1.0\n# a comment\nname = other\n";
        assertThat(ids(SweepLoader.parse(spelledOut, "a.conf"))).isEqualTo(ids(SweepLoader.parse(BASE, "a.conf")));
        // a value that differs from the default changes the condition
        String changed = BASE.replace("lr = 0.05", "lr = 0.05, beta1 = 0.8");
        assertThat(ids(SweepLoader.parse(changed, "a.conf"))).isNotEqualTo(ids(SweepLoader.parse(BASE, "a.conf")));
        // so does the master seed
        assertThat(ids(SweepLoader.parse(BASE.replace("master-seed = 7", "master-seed = 8"), "a.conf")))
                .isNotEqualTo(ids(SweepLoader.parse(BASE, "a.conf")));
    }

    @Test
    void everyConditionOfAGridHasItsOwnId() {
        String text = BASE + "seeds = 3\nsweep { \"rule.lr\" = [0.01, 0.1], \"stream.dim\" = [2, 3, 4] }\n";
        SweepSpec sweep = SweepLoader.parse(text, "g.conf");
        Set<String> conditions = new HashSet<>();
        Set<String> runs = new HashSet<>();
        sweep.runs().forEach(r -> {
            conditions.add(r.conditionId());
            runs.add(r.runId());
        });
        assertThat(conditions).hasSize(6);
        assertThat(runs).hasSize(18);
    }

    @Test
    void substitutionsFollowSweptValues() {
        String text = BASE + "belief { type = bocpd, hazard = ${stream.switching.hazard} }\n"
                + "sweep { stream.switching.hazard = [0.001, 0.02] }\n";
        List<RunSpec> runs = SweepLoader.parse(text, "s.conf").runs();
        assertThat(runs).extracting(r -> ((BocpdSpec) r.belief()).hazard()).containsExactly(0.001, 0.02);
    }

    @Test
    void typeShorthandEqualsTheObjectForm() {
        String hazard = "switching { type = hazard, hazard = 0.01 }";
        String shorthand = BASE.replace(hazard, "switching = none");
        String object = BASE.replace(hazard, "switching { type = none }");
        assertThat(SweepLoader.parse(shorthand, "a.conf").runs().get(0).stream().switching())
                .isEqualTo(new NoSwitchSpec());
        assertThat(ids(SweepLoader.parse(shorthand, "a.conf"))).isEqualTo(ids(SweepLoader.parse(object, "a.conf")));
    }

    @Test
    void sweptSubPathOfAShorthandBlock() {
        String text = BASE
                + "belief { type = bocpd, hazard = 0.01 }\nreset = belief-threshold\nsweep { reset.tau = [0.3, 0.7] }\n";
        assertThat(SweepLoader.parse(text, "a.conf").runs())
                .extracting(r -> ((BeliefThresholdSpec) r.reset()).tau())
                .containsExactly(0.3, 0.7);
    }

    @Test
    void loadsFromAFileWithIncludesAndReportsThePath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.conf"), BASE);
        Path exp = dir.resolve("exp.conf");
        Files.writeString(exp, "include \"base.conf\"\nrule.lr = -1\n");
        assertThatThrownBy(() -> SweepLoader.load(exp))
                .isInstanceOf(ConfigProblems.class)
                .hasMessage(exp + ":2: rule.lr: must be > 0, got -1");
        Files.writeString(exp, "include \"base.conf\"\nrule.lr = 0.2\n");
        SweepSpec sweep = SweepLoader.load(exp);
        assertThat(sweep.name()).isEqualTo("exp");
        assertThat(((AdamSpec) sweep.runs().get(0).rule()).lr()).isEqualTo(0.2);
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> SweepLoader.load(dir.resolve("nope.conf")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.conf");
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblemNamingIt(@TempDir Path dir) throws IOException {
        Path bin = Files.write(
                dir.resolve("bin.conf"), new byte[] {'s', 't', 'e', 'p', 's', '=', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> SweepLoader.load(bin))
                .isInstanceOf(ConfigProblems.class)
                .hasMessage(bin + ": not UTF-8 text (a config is a UTF-8 HOCON file)");
    }

    @Test
    void crashesTheFuzzerFoundAreLocatedProblems() {
        // a literal beyond double range reads as infinite: in a sweep list and as a count
        assertThatThrownBy(() -> SweepLoader.parse(BASE + "sweep { rule.lr = [1e309, 0.1] }\n", "inf.conf"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("inf.conf:")
                .hasMessageContaining("rule.lr");
        assertThatThrownBy(() -> SweepLoader.parse(BASE + "seeds = 1e309\n", "inf.conf"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("seeds")
                .hasMessageContaining("Infinity");
        // a swept path below a self-referential value (+= is ${?rule} plus a list) cannot be set
        assertThatThrownBy(
                        () -> SweepLoader.parse(BASE + "rule += sgd\nsweep { rule.lr = [0.1, 0.2] }\n", "concat.conf"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("concat.conf:");
    }

    private static Object rule(String block) {
        // HOCON merges a second rule { } into the first, so the base's rule block is left out
        return SweepLoader.parse(BASE.replace("rule { type = adam, lr = 0.05 }\n", "") + block + "\n", "r.conf")
                .runs()
                .get(0)
                .rule();
    }

    private static List<String> ids(SweepSpec sweep) {
        return sweep.runs().stream().map(r -> r.conditionId() + ":" + r.runId()).toList();
    }
}
