package org.driftlab.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one experiment config, thrown once after the whole config (and every condition of
 * its sweep) has been checked, so a user fixes all mistakes in one pass (STYLE C10.1). The message lists
 * the problems one per line as {@code file:line: key: message}, sorted by file and line.
 */
public final class ConfigProblems extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigProblems(List<ConfigProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("problems must not be empty");
        this.problems = List.copyOf(problems);
    }

    /** The problems in report order (never empty). */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::render).collect(Collectors.joining("\n"));
    }
}
