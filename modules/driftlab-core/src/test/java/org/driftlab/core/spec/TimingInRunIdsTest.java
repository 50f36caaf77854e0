package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Why some pinned ids changed. The reset timing contract (DESIGN §7) changed the results of oracle, belief-threshold,
 * belief-soft and recall runs, so their canonical form carries it ({@code reset.timing = before-update}) and their
 * condition and run ids changed: a store made before the contract resumes none of those runs with its old results.
 * Every other canonical form, and so every other id, is unchanged. The pins from before the contract
 * (pinned-canonical-before-timing.tsv, pinned-run-ids-before-timing.tsv) are today's forms without that one key.
 * Recall's key reads {@code before-update-rewind} since its kept weights became those of the estimated change
 * point (DESIGN §7), which changed its results, and so its ids, once more.
 */
class TimingInRunIdsTest {
    /** The reset types whose results the timing contract changed. */
    static final Set<String> TIMED = Set.of("oracle", "belief-threshold", "belief-soft", "recall");
    /** The key as it sits in a canonical reset object (keys sorted: just before {@code "type"}). */
    private static final String TIMING = "\"timing\":\"before-update\",";
    /** Recall's form of it. */
    private static final String RECALL_TIMING = "\"timing\":\"before-update-rewind\",";

    private static String withoutTiming(String canonical) {
        return canonical.replace(RECALL_TIMING, "").replace(TIMING, "");
    }

    static Stream<Arguments> conditions() {
        return PinnedDefaultsTest.CONDITIONS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void theCanonicalFormChangedExactlyForTheTimedPolicies(String label, String text) throws IOException {
        String canonical = PinnedDefaultsTest.canonical(text);
        String before =
                PinnedDefaultsTest.pinned("pinned-canonical-before-timing.tsv").get(label);
        if (TIMED.contains(resetType(canonical))) {
            assertThat(before).as("%s: pinned before the contract", label).isNotNull();
            assertThat(canonical).as(label).isNotEqualTo(before);
            assertThat(canonical).as(label).contains(resetType(canonical).equals("recall") ? RECALL_TIMING : TIMING);
            assertThat(withoutTiming(canonical))
                    .as("%s without reset.timing", label)
                    .isEqualTo(before);
        } else {
            assertThat(before).as("%s: not changed by the contract", label).isNull();
            assertThat(canonical)
                    .as(label)
                    .doesNotContain("timing")
                    .isEqualTo(PinnedDefaultsTest.pinned("pinned-canonical.tsv").get(label));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.driftlab.core.spec.PinnedRunIdsTest#present")
    void aConfigsRunIdsChangedExactlyWhenItRunsATimedPolicy(PinnedRunIdsTest.Pin pin) throws IOException {
        SweepSpec sweep = SweepLoader.load(ExampleConfigsTest.CONFIGS.resolve(pin.path()));
        boolean timed = sweep.conditionConfigs().values().stream().anyMatch(c -> TIMED.contains(resetType(c)));
        PinnedRunIdsTest.Pin before =
                PinnedRunIdsTest.pins("pinned-run-ids-before-timing.tsv").get(pin.path());
        if (timed) {
            assertThat(before)
                    .as("configs/%s: pinned before the contract", pin.path())
                    .isNotNull();
            assertThat(pin.digest()).isNotEqualTo(before.digest());
            // the same conditions and runs in the same order, but for the one key
            String withoutTiming = PinnedRunIdsTest.digest(sweep.runs().stream().map(r -> {
                String old = withoutTiming(sweep.conditionConfigs().get(r.conditionId()));
                return ConditionIds.runId(old, r.seed()) + " " + ConditionIds.conditionId(old) + " " + r.seed();
            }));
            assertThat(withoutTiming)
                    .as("configs/%s without reset.timing", pin.path())
                    .isEqualTo(before.digest());
        } else {
            assertThat(before)
                    .as("configs/%s: not changed by the contract", pin.path())
                    .isNull();
            assertThat(sweep.conditionConfigs().values()).noneMatch(c -> c.contains("\"timing\""));
        }
    }

    private static String resetType(String canonical) {
        Map<String, Object> tree = ConfigFactory.parseString(canonical).root().unwrapped();
        return (String) ((Map<?, ?>) tree.get("reset")).get("type");
    }
}
