package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Condition labels: per value, by template, the fallback, and the problems they can have. */
class ConditionLabelsTest {
    private static final String BASE =
            """
            name = labels
            steps = 100
            stream { type = quadratic, dim = 2, gradient-noise = 0.1, switching { type = hazard, hazard = 0.01 } }
            rule { type = sgd, lr = 0.1 }
            belief { type = bocpd, hazard = 0.01 }
            """;

    private static List<String> labels(String extra) {
        SweepSpec s = SweepLoader.parse(BASE + extra, "labels.conf");
        return s.runs().stream().map(ConditionLabelsTest::label).toList();
    }

    /** The run's recorded label, null without one. */
    private static String label(RunSpec r) {
        return r.params().stream()
                .filter(v -> v.key().equals(ConditionLabels.KEY))
                .map(SweptValue::value)
                .findFirst()
                .orElse(null);
    }

    @Test
    void perValueLabelsAreJoinedAndUnlabelledValuesShowAsKeyEqualsValue() {
        assertThat(
                        labels(
                                """
                sweep {
                  reset = [ { type = none, label = "no reset" }, { type = oracle, label = oracle } ]
                  "rule.lr" = [ { value = 0.01, label = slow }, 0.1 ]
                }
                """))
                .containsExactly("no reset, slow", "no reset, rule.lr=0.1", "oracle, slow", "oracle, rule.lr=0.1");
    }

    @Test
    void aTemplateNamesEachConditionAndLabelsDoNotChangeTheIds() {
        String sweep =
                """
                sweep { reset = [ none, { type = oracle, label = "oracle reset" } ], "rule.lr" = [0.01, 0.1] }
                """;
        SweepSpec plain = SweepLoader.parse(
                BASE + sweep.replace("{ type = oracle, label = \"oracle reset\" }", "oracle"), "labels.conf");
        SweepSpec labelled = SweepLoader.parse(BASE + "label = \"{reset} at lr {rule.lr}\"\n" + sweep, "labels.conf");
        assertThat(labelled.runs().stream().map(ConditionLabelsTest::label))
                .containsExactly(
                        "none at lr 0.01", "none at lr 0.1", "oracle reset at lr 0.01", "oracle reset at lr 0.1");
        assertThat(labelled.runs().stream().map(RunSpec::runId))
                .isEqualTo(plain.runs().stream().map(RunSpec::runId).toList());
        assertThat(labelled.runs().get(0).params()).contains(new SweptValue(ConditionLabels.KEY, "none at lr 0.01"));
        assertThat(plain.runs().get(0).params()).extracting(SweptValue::key).containsExactly("reset", "rule.lr");
    }

    @Test
    void labelledValuesInAZipGroupNameTheirLinkedConditionAndALabelledSweepListsTheLabelKey() {
        SweepSpec s = SweepLoader.parse(
                BASE
                        + """
                sweep {
                  zip {
                    "rule.lr" = [ { value = 0.01, label = slow }, { value = 0.1, label = fast } ]
                    reset = [ none, { type = oracle, label = oracle } ]
                  }
                }
                """,
                "labels.conf");
        assertThat(s.runs().stream().map(ConditionLabelsTest::label))
                .containsExactly("slow, reset=none", "fast, oracle");
        assertThat(s.sweptKeys()).containsExactly("rule.lr", "reset", ConditionLabels.KEY);
        assertThat(SweepLoader.parse(BASE + "sweep { reset = [none, oracle] }\n", "labels.conf")
                        .sweptKeys())
                .containsExactly("reset");
    }

    @Test
    void withoutLabelsNoLabelIsRecorded() {
        assertThat(labels("sweep { \"rule.lr\" = [0.01, 0.1] }\n")).containsExactly(null, null);
        assertThat(labels("")).containsExactly((String) null);
    }

    @Test
    void aTemplateNamingAnUnsweptKeyOrLabelsThatCollideAreProblems() {
        assertThatThrownBy(() -> labels("label = \"{rule.lr}\"\nsweep { reset = [none, oracle] }\n"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("labels.conf:")
                .hasMessageContaining("{rule.lr}, which is not a swept key; swept: reset");
        assertThatThrownBy(() -> labels("label = same\nsweep { reset = [none, oracle] }\n"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("the same label \"same\"");
        assertThatThrownBy(() -> labels("sweep { reset = [ { type = none, label = [1] } ] }\n"))
                .isInstanceOf(ConfigProblems.class)
                .hasMessageContaining("sweep.reset.label")
                .hasMessageContaining("a label is text");
    }
}
