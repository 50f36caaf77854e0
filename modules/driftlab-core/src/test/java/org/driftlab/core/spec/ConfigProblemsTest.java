package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.driftlab.core.spec.ConfigProblem.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of config mistake gives a problem with file, line and key (STYLE C10.1). Each case is a config
 * whose faulty line carries the marker {@code #!}; the problem must be reported on that line.
 */
class ConfigProblemsTest {
    private static final String STREAM =
            "stream {\n  type = quadratic\n  dim = 4\n  switching { type = hazard, hazard = 0.01 }\n}\n";
    private static final String VALID = "steps = 100\n" + STREAM
            + "rule { type = adam, lr = 0.01 }\nbelief { type = bocpd, hazard = 0.01 }\nreset { type = belief-threshold }\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // unknown keys, with the closest known key suggested
                Arguments.of(
                        "unknown top-level key",
                        VALID + "stepz = 5 #!\n",
                        "stepz",
                        Kind.UNKNOWN_KEY,
                        "did you mean steps?"),
                Arguments.of(
                        "unknown rule key",
                        VALID.replace("lr = 0.01", "lr = 0.01, bta1 = 0.9 #!\n"),
                        "rule.bta1",
                        Kind.UNKNOWN_KEY,
                        "did you mean beta1?"),
                Arguments.of(
                        "unknown nested key",
                        VALID + "metrics { objective { gama = 0.1 } } #!\n",
                        "metrics.objective.gama",
                        Kind.UNKNOWN_KEY,
                        "did you mean gamma?"),
                Arguments.of(
                        "key of another type",
                        VALID.replace("lr = 0.01", "lr = 0.01, momentum = 0.9 #!\n"),
                        "rule.momentum",
                        Kind.UNKNOWN_KEY,
                        "unknown key"),
                // missing required values
                Arguments.of(
                        "missing hazard, none to take from the stream",
                        VALID.replace("type = hazard, hazard = 0.01", "type = periodic, period = 100")
                                .replace("belief { type = bocpd, hazard = 0.01 }", "belief { type = bocpd } #!\n"),
                        "belief.hazard",
                        Kind.MISSING,
                        "missing required value (switching periodic has no hazard to take it from)"),
                Arguments.of(
                        "missing dim",
                        VALID.replace("  dim = 4\n", "").replace("stream {", "stream { #!"),
                        "stream.dim",
                        Kind.MISSING,
                        "missing required value"),
                Arguments.of(
                        "missing stream", "steps = 10\nrule = sgd\n", "stream", Kind.MISSING, "missing required value"),
                // wrong types
                Arguments.of(
                        "list where a number belongs",
                        VALID.replace("lr = 0.01", "lr = [0.01] #!\n"),
                        "rule.lr",
                        Kind.WRONG_TYPE,
                        "expected a number, got a list"),
                Arguments.of(
                        "string where a boolean belongs",
                        VALID.replace("dim = 4", "dim = 4\n  rotated = \"yes\" #!"),
                        "stream.rotated",
                        Kind.WRONG_TYPE,
                        "expected true or false"),
                Arguments.of(
                        "fraction where an integer belongs",
                        VALID.replace("dim = 4", "dim = 4.5 #!"),
                        "stream.dim",
                        Kind.WRONG_TYPE,
                        "expected an integer, got the number 4.5"),
                Arguments.of(
                        "string where a spectrum belongs",
                        VALID.replace("dim = 4", "dim = 4\n  eigenvalues = wide #!"),
                        "stream.eigenvalues",
                        Kind.WRONG_TYPE,
                        "expected a list of numbers or { min, max }, got the string \"wide\""),
                Arguments.of(
                        "number where an object belongs",
                        VALID + "metrics = 3 #!\n",
                        "metrics",
                        Kind.WRONG_TYPE,
                        "expected an object"),
                Arguments.of(
                        "seeds of the wrong type",
                        VALID + "seeds = three #!\n",
                        "seeds",
                        Kind.WRONG_TYPE,
                        "a count or a list of seed indices"),
                // out-of-range numbers
                Arguments.of(
                        "negative lr",
                        VALID.replace("lr = 0.01", "lr = -0.1 #!\n"),
                        "rule.lr",
                        Kind.OUT_OF_RANGE,
                        "must be > 0, got -0.1"),
                Arguments.of(
                        "hazard outside (0, 1)",
                        VALID.replace("hazard = 0.01 }\n}", "hazard = 1.5 } #!\n}"),
                        "stream.switching.hazard",
                        Kind.OUT_OF_RANGE,
                        "must be in (0, 1), got 1.5"),
                Arguments.of(
                        "dim 0",
                        VALID.replace("dim = 4", "dim = 0 #!"),
                        "stream.dim",
                        Kind.OUT_OF_RANGE,
                        "must be >= 1, got 0"),
                Arguments.of(
                        "negative list entry",
                        VALID.replace("dim = 4", "dim = 4\n  eigenvalues = [1, 2, -3, 4] #!"),
                        "stream.eigenvalues[2]",
                        Kind.OUT_OF_RANGE,
                        "must be > 0, got -3"),
                Arguments.of(
                        "bad name", VALID + "name = \"my run\" #!\n", "name", Kind.OUT_OF_RANGE, "letters, digits"),
                // record constructors' own checks, mapped to the key and line
                Arguments.of(
                        "eigenvalue bounds reversed (record check)",
                        VALID.replace("dim = 4", "dim = 4\n  eigenvalues { min = 10\n max = 1 } #!"),
                        "stream.eigenvalues.max",
                        Kind.OUT_OF_RANGE,
                        "must be >= eigenvalues.min"),
                Arguments.of(
                        "init of the wrong length (record check)",
                        VALID.replace("dim = 4", "dim = 4\n  init = [1, 2] #!"),
                        "stream.init",
                        Kind.INCONSISTENT,
                        "must have 4 entries, got 2"),
                Arguments.of(
                        "identity metric for natural gradient (record check)",
                        VALID.replace(
                                "rule { type = adam, lr = 0.01 }",
                                "rule { type = natural-gradient, lr = 0.1, metric = identity } #!\n"),
                        "rule.metric",
                        Kind.INCONSISTENT,
                        "must not be identity"),
                // unknown types and choices
                Arguments.of(
                        "unknown rule type",
                        VALID.replace("type = adam", "type = adamm #!\n"),
                        "rule.type",
                        Kind.UNKNOWN_TYPE,
                        "did you mean adam?"),
                Arguments.of(
                        "unknown switching type",
                        VALID.replace("type = hazard,", "type = hazzard, #!\n"),
                        "stream.switching.type",
                        Kind.UNKNOWN_TYPE,
                        "did you mean hazard?"),
                Arguments.of(
                        "unknown reset target",
                        VALID.replace("type = belief-threshold", "type = belief-threshold, target = zero #!\n"),
                        "reset.target",
                        Kind.UNKNOWN_TYPE,
                        "known: init, prior-mean, fresh-draw"),
                Arguments.of(
                        "fixed reset timing",
                        VALID.replace("type = belief-threshold", "type = belief-threshold, timing = after-update #!\n"),
                        "reset.timing",
                        Kind.UNKNOWN_TYPE,
                        "known: before-update"),
                // blocks that do not fit together
                Arguments.of(
                        "belief reset without belief",
                        VALID.replace("belief { type = bocpd, hazard = 0.01 }", "belief = none")
                                .replace("reset { type = belief-threshold }", "reset { type = belief-threshold } #!"),
                        "reset.type",
                        Kind.INCONSISTENT,
                        "needs a task belief"),
                Arguments.of(
                        "filter without filtered source",
                        VALID.replace(
                                "rule { type = adam, lr = 0.01 }",
                                "rule { type = optimal-control, gamma = 0.1\n filter { rate = 0.1 } } #!"),
                        "rule.filter",
                        Kind.INCONSISTENT,
                        "only used when source = filtered"),
                Arguments.of(
                        "metric of the wrong size",
                        VALID.replace(
                                "rule { type = adam, lr = 0.01 }",
                                "rule { type = optimal-control, gamma = 0.1\n metric { type = diagonal, values = [1, 2] } } #!"),
                        "rule.metric.values",
                        Kind.INCONSISTENT,
                        "needs 4 values, got 2"),
                // the slowly-changing-regression stream and continual backprop
                Arguments.of(
                        "continual-backprop without an MLP",
                        VALID.replace("reset { type = belief-threshold }", "reset { type = continual-backprop } #!"),
                        "reset.type",
                        Kind.INCONSISTENT,
                        "needs a slowly-changing-regression stream"),
                Arguments.of(
                        "dim of an MLP stream",
                        "steps = 100\nstream {\n  type = slowly-changing-regression\n  dim = 4 #!\n  switching = none\n}\nrule = sgd\n",
                        "stream.dim",
                        Kind.INCONSISTENT,
                        "follows from bits and hidden"),
                Arguments.of(
                        "MLP stream without switching",
                        "steps = 100\nstream { type = slowly-changing-regression } #!\nrule = sgd\n",
                        "stream.switching",
                        Kind.MISSING,
                        "missing required value"),
                Arguments.of(
                        "unknown activation",
                        "steps = 100\nstream {\n  type = slowly-changing-regression\n  activation = gelu #!\n  switching = none\n}\nrule = sgd\n",
                        "stream.activation",
                        Kind.UNKNOWN_TYPE,
                        "leaky-relu"),
                Arguments.of(
                        "more flipping bits than bits (record check)",
                        "steps = 100\nstream {\n  type = slowly-changing-regression\n  bits = 4\n  flipping-bits = 5 #!\n  switching = none\n}\nrule = sgd\n",
                        "stream.flipping-bits",
                        Kind.OUT_OF_RANGE,
                        "must be <= bits"),
                Arguments.of(
                        "hessian rule on an MLP",
                        "steps = 100\nstream {\n  type = slowly-changing-regression\n  switching = none\n}\nrule { type = natural-gradient, lr = 0.1 } #!\n",
                        "rule.type",
                        Kind.INCONSISTENT,
                        "no Hessian"),
                Arguments.of(
                        "ideal-observer on an MLP",
                        "steps = 100\nstream {\n  type = slowly-changing-regression\n  switching = none\n}\nrule { type = ideal-observer, hazard = 0.1 } #!\n",
                        "rule.type",
                        Kind.INCONSISTENT,
                        "ideal-observer needs a quadratic stream"),
                // the rest of the compatibility rules (checked once, at load)
                Arguments.of(
                        "recall without hmm",
                        VALID.replace("reset { type = belief-threshold }", "reset { type = recall } #!"),
                        "reset.type",
                        Kind.INCONSISTENT,
                        "recall needs belief type hmm"),
                Arguments.of(
                        "hmm without markov switching",
                        VALID.replace(
                                "belief { type = bocpd, hazard = 0.01 }", "belief { type = hmm, hazard = 0.01 } #!"),
                        "belief.type",
                        Kind.INCONSISTENT,
                        "switching type markov"),
                Arguments.of(
                        "hmm without gradient noise",
                        VALID.replace(
                                        "  switching { type = hazard, hazard = 0.01 }",
                                        "  gradient-noise = 0\n  switching { type = markov, tasks = 2, hazard = 0.01 }")
                                .replace(
                                        "belief { type = bocpd, hazard = 0.01 }",
                                        "belief { type = hmm, hazard = 0.01 } #!"),
                        "belief.type",
                        Kind.INCONSISTENT,
                        "gradient-noise > 0"),
                Arguments.of(
                        "gaussian model on a linear-regression stream",
                        VALID.replace("type = quadratic", "type = linear-regression")
                                .replace(
                                        "belief { type = bocpd, hazard = 0.01 }",
                                        "belief { type = bocpd, hazard = 0.01\n model = gaussian } #!"),
                        "belief.model",
                        Kind.INCONSISTENT,
                        "observes quadratic tasks"),
                Arguments.of(
                        "gaussian model without noise",
                        VALID.replace("  dim = 4\n", "  dim = 4\n  gradient-noise = 0\n")
                                .replace(
                                        "belief { type = bocpd, hazard = 0.01 }",
                                        "belief { type = bocpd, hazard = 0.01\n model = gaussian } #!"),
                        "belief.model",
                        Kind.INCONSISTENT,
                        "set model.noise-var"),
                Arguments.of(
                        "linear-regression model on a quadratic stream",
                        VALID.replace(
                                "belief { type = bocpd, hazard = 0.01 }",
                                "belief { type = bocpd, hazard = 0.01\n model = linear-regression } #!"),
                        "belief.model",
                        Kind.INCONSISTENT,
                        "needs a linear-regression stream"),
                Arguments.of(
                        "variance-change model on a quadratic stream",
                        VALID.replace(
                                "belief { type = bocpd, hazard = 0.01 }",
                                "belief { type = bocpd, hazard = 0.01\n model = variance-change } #!"),
                        "belief.model",
                        Kind.INCONSISTENT,
                        "use a linear-regression or slowly-changing-regression stream"),
                Arguments.of(
                        "ideal-observer without gradient noise",
                        VALID.replace("  dim = 4\n", "  dim = 4\n  gradient-noise = 0\n")
                                .replace(
                                        "rule { type = adam, lr = 0.01 }",
                                        "rule { type = ideal-observer, hazard = 0.1 } #!"),
                        "rule.type",
                        Kind.INCONSISTENT,
                        "gradient-noise > 0"),
                Arguments.of(
                        "several optima with a single task",
                        VALID.replace(
                                "  switching { type = hazard, hazard = 0.01 }",
                                "  optima = [[1, 2, 3, 4], [4, 3, 2, 1]] #!"),
                        "stream.optima",
                        Kind.INCONSISTENT,
                        "lists 2 tasks but switching none has a single task"),
                // sweeps
                Arguments.of(
                        "sweep path unknown",
                        VALID + "sweep {\n  \"rule.lrr\" = [0.1] #!\n}\n",
                        "sweep.\"rule.lrr\"",
                        Kind.BAD_SWEEP,
                        "did you mean rule.lr?"),
                Arguments.of(
                        "sweep path below a number",
                        VALID + "sweep {\n  \"stream.dim.x\" = [1] #!\n}\n",
                        "sweep.\"stream.dim.x\"",
                        Kind.BAD_SWEEP,
                        "no such config key stream.dim.x"),
                Arguments.of(
                        "sweep of an unknown block",
                        VALID + "sweep {\n  \"rulez.lr\" = [1] #!\n}\n",
                        "sweep.\"rulez.lr\"",
                        Kind.BAD_SWEEP,
                        "did you mean rule?"),
                Arguments.of(
                        "sweep of seeds",
                        VALID + "sweep {\n  seeds = [1, 2] #!\n}\n",
                        "sweep.seeds",
                        Kind.BAD_SWEEP,
                        "cannot be swept"),
                Arguments.of(
                        "sweep value not a list",
                        VALID + "sweep {\n  \"rule.lr\" = 0.1 #!\n}\n",
                        "sweep.\"rule.lr\"",
                        Kind.BAD_SWEEP,
                        "expected a list of values"),
                Arguments.of(
                        "swept value out of range",
                        VALID + "sweep {\n  \"rule.lr\" = [0.1, -1] #!\n}\n",
                        "rule.lr",
                        Kind.OUT_OF_RANGE,
                        "must be > 0, got -1"),
                Arguments.of(
                        "zip lists of different lengths",
                        VALID + "sweep {\n  zip {\n    \"rule.lr\" = [0.1, 0.2]\n    dt = [1, 2, 3] #!\n  }\n}\n",
                        "sweep.zip.dt",
                        Kind.BAD_SWEEP,
                        "same length: rule.lr has 2 values, dt has 3"),
                Arguments.of(
                        "zip that is not an object",
                        VALID + "sweep {\n  zip = 3 #!\n}\n",
                        "sweep.zip",
                        Kind.BAD_SWEEP,
                        "expected an object of config paths"),
                Arguments.of(
                        "path both zipped and swept",
                        VALID + "sweep {\n  \"rule.lr\" = [0.1]\n  zip { \"rule.lr\" = [0.2] } #!\n}\n",
                        "sweep.zip.\"rule.lr\"",
                        Kind.BAD_SWEEP,
                        "swept twice"),
                Arguments.of(
                        "sweep giving the same condition twice",
                        VALID + "sweep {\n  reset = [none, { type = none }] #!\n}\n",
                        "sweep",
                        Kind.BAD_SWEEP,
                        "same experiment"),
                // syntax
                Arguments.of("HOCON syntax error", VALID + "rule { lr = [0.1,\n #!", "", Kind.SYNTAX, ""),
                Arguments.of("unresolved substitution", VALID + "dt = ${nothing} #!\n", "", Kind.SYNTAX, "nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedWithFileLineAndKey(String what, String text, String key, Kind kind, String fragment) {
        int line = markerLine(text);
        ConfigProblems thrown = problemsOf(text);
        assertThat(thrown.problems()).as(what + ": " + thrown.getMessage()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("exp.conf");
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.message()).contains(fragment);
            if (line > 0) assertThat(p.line()).isEqualTo(line);
        });
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() {
        String text = VALID.replace("lr = 0.01", "lr = -1, eps = -1, beta1 = [1]")
                        .replace("dim = 4", "dim = 0") + "stepz = 1\n";
        ConfigProblems thrown = problemsOf(text);
        assertThat(thrown.problems())
                .extracting(ConfigProblem::key)
                .contains("rule.lr", "rule.eps", "rule.beta1", "stream.dim", "stepz");
    }

    @Test
    void messageListsOneProblemPerLineAsFileLineKeyMessage() {
        String text = "steps = 100\n" + STREAM + "rule { type = sgd, lr = -1 }\nreset = oracl\n";
        ConfigProblems thrown = problemsOf(text);
        List<String> lines = thrown.getMessage().lines().toList();
        assertThat(lines)
                .containsExactly(
                        "exp.conf:7: rule.lr: must be > 0, got -1",
                        "exp.conf:8: reset.type: unknown type 'oracl'; did you mean oracle? Known: "
                                + String.join(", ", ResetConfig.RESET.types()));
    }

    @Test
    void problemsInSeveralConditionsAreReportedOnce() {
        String text =
                VALID.replace("lr = 0.01", "lr = 0.01, bogus = 1") + "sweep { \"rule.beta1\" = [0.8, 0.9, 0.95] }\n";
        ConfigProblems thrown = problemsOf(text);
        assertThat(thrown.problems())
                .filteredOn(p -> p.key().equals("rule.bogus"))
                .hasSize(1);
    }

    @Test
    void aValidConfigHasNoProblems() {
        assertThat(SweepLoader.parse(VALID, "exp.conf").runs()).hasSize(1);
    }

    private static ConfigProblems problemsOf(String text) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> SweepLoader.parse(text, "exp.conf"));
        assertThat(t).as("config should have been rejected:\n" + text).isInstanceOf(ConfigProblems.class);
        return (ConfigProblems) t;
    }

    private static int markerLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("#!")) return i + 1;
        return 0;
    }

    @Test
    void emptyProblemListIsRejected() {
        assertThatThrownBy(() -> new ConfigProblems(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
