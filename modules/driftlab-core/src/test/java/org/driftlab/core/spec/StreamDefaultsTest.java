package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.rule.IdealObserverSpec;
import org.junit.jupiter.api.Test;

/**
 * Hazard (and the ideal observer's r-max) taken from the stream by default; mismatches recorded (DESIGN §6). That
 * configs stating their hazard keep their run ids is {@link PinnedRunIdsTest}'s.
 */
class StreamDefaultsTest {
    private static final String BASE =
            """
            steps = 100
            stream {
              type = quadratic
              dim = 3
              eigenvalues { min = 0.5, max = 2 }
              gradient-noise = 0.25
              switching { type = hazard, hazard = 0.002 }
            }
            rule { type = adam, lr = 0.05 }
            """;

    @Test
    void aBeliefWithoutAHazardTakesTheStreamsAndHashesLikeOneStatingIt() {
        RunSpec implicit =
                SweepLoader.parse(BASE + "belief = bocpd\n", "x.conf").runs().get(0);
        RunSpec explicit = SweepLoader.parse(BASE + "belief { type = bocpd, hazard = 0.002 }\n", "x.conf")
                .runs()
                .get(0);
        assertThat(((BocpdSpec) implicit.belief()).hazard()).isEqualTo(0.002);
        assertThat(implicit.runId()).isEqualTo(explicit.runId());
        assertThat(implicit.params()).isEmpty();
    }

    @Test
    void anHmmTakesTheMarkovStreamsHazard() {
        String markov = BASE.replace(
                "switching { type = hazard, hazard = 0.002 }", "switching { type = markov, tasks = 3, hazard = 0.01 }");
        RunSpec run =
                SweepLoader.parse(markov + "belief = hmm\n", "x.conf").runs().get(0);
        assertThat(((HmmSpec) run.belief()).hazard()).isEqualTo(0.01);
    }

    @Test
    void theIdealObserverTakesTheStreamsHazardAndACapOfTenMeanTaskLengths() {
        RunSpec run = SweepLoader.parse(
                        BASE.replace("rule { type = adam, lr = 0.05 }", "rule = ideal-observer"), "x.conf")
                .runs()
                .get(0);
        assertThat(run.rule()).isEqualTo(new IdealObserverSpec(0.002, 1e-10, 5000));
        String frequent = BASE.replace("hazard = 0.002", "hazard = 0.1")
                .replace("rule { type = adam, lr = 0.05 }", "rule = ideal-observer");
        assertThat(((IdealObserverSpec) SweepLoader.parse(frequent, "x.conf")
                                .runs()
                                .get(0)
                                .rule())
                        .maxRunLength())
                .as("never below the old fixed cap")
                .isEqualTo(256);
        String given = BASE.replace(
                "rule { type = adam, lr = 0.05 }", "rule { type = ideal-observer, hazard = 0.001, r-max = 300 }");
        assertThat(SweepLoader.parse(given, "x.conf").runs().get(0).rule())
                .isEqualTo(new IdealObserverSpec(0.001, 1e-10, 300));
    }

    @Test
    void aMisSetBeliefIsRecordedInTheRunsParams() {
        RunSpec run = SweepLoader.parse(
                        BASE + "belief { type = bocpd, hazard = 0.01, model { type = gaussian, prior-var = 2 } }\n",
                        "x.conf")
                .runs()
                .get(0);
        assertThat(run.params()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(RunSpec.BELIEF_MISMATCH);
            assertThat(p.value()).isEqualTo("belief.hazard=0.01 (stream 0.002); belief.model.prior-var=2 (stream 1)");
        });
        RunSpec ideal = SweepLoader.parse(
                        BASE.replace(
                                "rule { type = adam, lr = 0.05 }", "rule { type = ideal-observer, hazard = 0.02 }"),
                        "x.conf")
                .runs()
                .get(0);
        assertThat(ideal.params()).extracting(SweptValue::value).containsExactly("rule.hazard=0.02 (stream 0.002)");
    }

    @Test
    void aStreamWithoutAHazardNeedsOneStated() {
        String periodic = BASE.replace(
                "switching { type = hazard, hazard = 0.002 }", "switching { type = periodic, period = 50 }");
        assertThatThrownBy(() -> SweepLoader.parse(periodic + "belief = bocpd\n", "x.conf"))
                .hasMessageContaining("belief.hazard")
                .hasMessageContaining("switching periodic has no hazard to take it from");
        RunSpec run = SweepLoader.parse(periodic + "belief { type = bocpd, hazard = 0.02 }\n", "x.conf")
                .runs()
                .get(0);
        assertThat(run.params()).as("nothing to compare with: not a mismatch").isEmpty();
    }
}
