package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.OptimalControlSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Optimal control with {@code source = belief} takes the run's belief; a belief that cannot serve is one problem. */
class RuleBeliefsTest {
    private static final String BASE =
            """
            steps = 100
            stream {
              type = quadratic
              dim = 3
              gradient-noise = 0.25
              switching { type = hazard, hazard = 0.01 }
            }
            rule { type = optimal-control, gamma = 1, source = belief }
            """;

    @Test
    void theRuleSteersByTheRunsBelief() {
        RunSpec run =
                SweepLoader.parse(BASE + "belief = bocpd\n", "x.conf").runs().get(0);
        OptimalControlSpec rule = (OptimalControlSpec) run.rule();
        assertThat(rule.source()).isEqualTo(BeliefSource.BELIEF);
        assertThat(rule.belief()).isEqualTo(run.belief()).isInstanceOf(BocpdSpec.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "belief = none | got none",
                "belief { type = bocpd, model = normal-gamma } | got model normal-gamma"
            })
    void aBeliefThatCannotServeIsOneLineAtRuleSource(String belief, String got) {
        Throwable t = catchThrowable(() -> SweepLoader.parse(BASE + belief + "\n", "x.conf"));
        assertThat(t).isInstanceOf(ConfigProblems.class);
        assertThat(((ConfigProblems) t).problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("rule.source");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message())
                    .contains("belief { type = bocpd, model = gaussian }")
                    .endsWith(got);
        });
    }
}
