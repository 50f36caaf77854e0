package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type of every block, given only its required keys, resolves to the canonical form pinned before the declared
 * schema (pinned-canonical.tsv): the declared defaults are the readers' former defaults, so no condition id moves.
 */
class PinnedDefaultsTest {
    private static final String QUADRATIC = "stream { type = quadratic, dim = 2 }\n";
    private static final String MARKOV =
            "stream { type = quadratic, dim = 2, switching { type = markov, tasks = 2, hazard = 0.1 } }\n";
    private static final String MLP = "stream { type = slowly-changing-regression, switching = none }\n";
    private static final String LINEAR = "stream { type = linear-regression, dim = 2 }\n";

    /** Minimal conditions: one per type of each block (and per sub-block type). */
    static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

    static {
        String sgd = "rule = sgd\n";
        put("top-level and metrics defaults", "steps = 10\n" + QUADRATIC + sgd);
        put("stream linear-regression", "steps = 10\n" + LINEAR + sgd);
        put("stream slowly-changing-regression", "steps = 10\n" + MLP + sgd);
        put(
                "switching hazard",
                "steps = 10\nstream { type = quadratic, dim = 2, switching { type = hazard, hazard = 0.1 } }\n" + sgd);
        put(
                "switching periodic",
                "steps = 10\nstream { type = quadratic, dim = 2, switching { type = periodic, period = 5 } }\n" + sgd);
        put("switching markov", "steps = 10\n" + MARKOV + sgd);
        put(
                "switching drift",
                "steps = 10\nstream { type = quadratic, dim = 2, switching { type = drift, rate = 0.1, sigma = 0.2 } }\n"
                        + sgd);
        put(
                "stream eigenvalue list and prior",
                "steps = 10\nstream { type = quadratic, dim = 2, eigenvalues = [1, 2], prior { mean = 1 }, rotated = true }\n"
                        + sgd);
        for (String rule : new String[] {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw", "ballistic"}) {
            put("rule " + rule, "steps = 10\n" + QUADRATIC + "rule = " + rule + "\n");
        }
        put("rule natural-gradient", "steps = 10\n" + QUADRATIC + "rule { type = natural-gradient, lr = 0.1 }\n");
        put(
                "rule natural-gradient gradient-outer",
                "steps = 10\n" + QUADRATIC + "rule { type = natural-gradient, lr = 0.1, metric = gradient-outer }\n");
        put(
                "rule natural-gradient diagonal",
                "steps = 10\n" + QUADRATIC
                        + "rule { type = natural-gradient, lr = 0.1, metric { type = diagonal, values = [1, 2] } }\n");
        put("rule optimal-control", "steps = 10\n" + QUADRATIC + "rule { type = optimal-control, gamma = 0.1 }\n");
        put(
                "rule optimal-control filtered",
                "steps = 10\n" + QUADRATIC
                        + "rule { type = optimal-control, gamma = 0.1, source = filtered, filter { rate = 0.1, process-var = 1, noise-var = 1 } }\n");
        put("rule ideal-observer", "steps = 10\n" + QUADRATIC + "rule { type = ideal-observer, hazard = 0.1 }\n");
        put(
                "rule switch-aware-observer",
                "steps = 10\n" + QUADRATIC + "rule { type = switch-aware-observer, hazard = 0.1 }\n");
        put("belief bocpd gaussian", "steps = 10\n" + QUADRATIC + sgd + "belief { type = bocpd, hazard = 0.1 }\n");
        put(
                "belief bocpd normal-gamma",
                "steps = 10\n" + QUADRATIC + sgd + "belief { type = bocpd, hazard = 0.1, model = normal-gamma }\n");
        put(
                "belief bocpd linear-regression",
                "steps = 10\n" + LINEAR + sgd + "belief { type = bocpd, hazard = 0.1, model = linear-regression }\n");
        put(
                "belief bocpd variance-change",
                "steps = 10\n" + LINEAR + sgd + "belief { type = bocpd, hazard = 0.1, model = variance-change }\n");
        put(
                "belief bocpd log-normal-gamma",
                "steps = 10\n" + LINEAR + sgd + "belief { type = bocpd, hazard = 0.1, model = log-normal-gamma }\n");
        put("belief hmm", "steps = 10\n" + MARKOV + sgd + "belief { type = hmm, hazard = 0.1 }\n");
        String bocpd = "belief { type = bocpd, hazard = 0.1 }\n";
        put("reset periodic", "steps = 10\n" + QUADRATIC + sgd + "reset { type = periodic, period = 5 }\n");
        put("reset oracle", "steps = 10\n" + QUADRATIC + sgd + "reset = oracle\n");
        put("reset belief-threshold", "steps = 10\n" + QUADRATIC + sgd + bocpd + "reset = belief-threshold\n");
        put("reset belief-soft", "steps = 10\n" + QUADRATIC + sgd + bocpd + "reset = belief-soft\n");
        put(
                "reset shrink-perturb",
                "steps = 10\n" + QUADRATIC + sgd + "reset { type = shrink-perturb, lambda = 0.5, sigma = 0.1 }\n");
        put("reset l2-init", "steps = 10\n" + QUADRATIC + sgd + "reset { type = l2-init, lambda = 0.5 }\n");
        put("reset recall", "steps = 10\n" + MARKOV + sgd + "belief { type = hmm, hazard = 0.1 }\nreset = recall\n");
        put("reset continual-backprop", "steps = 10\n" + MLP + sgd + "reset = continual-backprop\n");
        put(
                "reset belief-mlp",
                "steps = 10\n" + MLP + sgd + "belief { type = bocpd, hazard = 0.1, model = variance-change }\n"
                        + "reset = belief-mlp\n");
        put("reset self-normalized", "steps = 10\n" + MLP + sgd + "reset = self-normalized\n");
    }

    private static void put(String label, String text) {
        CONDITIONS.put(label, text);
    }

    static Stream<Arguments> conditions() throws IOException {
        Map<String, String> pinned = pinned();
        return CONDITIONS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(), pinned.get(e.getKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void canonicalFormIsAsPinned(String label, String text, String pinned) {
        assertThat(canonical(text)).as(label).isEqualTo(pinned);
    }

    static String canonical(String text) {
        Problems problems = new Problems("defaults.conf");
        ConditionReader.Condition c = ConditionReader.read(
                problems, ConfigFactory.parseString(text).resolve().root());
        problems.throwIfAny();
        return c.canonical();
    }

    private static Map<String, String> pinned() throws IOException {
        return pinned("pinned-canonical.tsv");
    }

    /** The canonical forms of a resource beside this class in the format of pinned-canonical.tsv, by label. */
    static Map<String, String> pinned(String resource) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = PinnedDefaultsTest.class.getResourceAsStream(resource)) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 2);
                out.put(f[0], f[1]);
            }
        }
        return out;
    }
}
