package org.driftlab.core.spec;

import com.typesafe.config.ConfigOrigin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.driftlab.core.spec.ConfigProblem.Kind;

/**
 * Collects the problems of one config load. Origins without a file name (a config parsed from a string)
 * are attributed to the load's file label. Not thread-safe.
 */
final class Problems {
    private final String fileLabel;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    int count() {
        return list.size();
    }

    void add(ConfigOrigin origin, String key, Kind kind, String message) {
        add(new ConfigProblem(file(origin), line(origin), key, kind, message));
    }

    void add(ConfigProblem problem) {
        list.add(problem);
    }

    /** The problems added since {@code mark} (a value of {@link #count()}). */
    List<ConfigProblem> since(int mark) {
        return new ArrayList<>(list.subList(mark, list.size()));
    }

    /** Removes the problems added since {@code mark}. */
    void truncate(int mark) {
        list.subList(mark, list.size()).clear();
    }

    String file(ConfigOrigin origin) {
        return origin != null && origin.filename() != null ? origin.filename() : fileLabel;
    }

    static int line(ConfigOrigin origin) {
        return origin == null ? 0 : Math.max(0, origin.lineNumber());
    }

    /** Throws {@link ConfigProblems} when any problem was found: deduplicated, sorted by file, line, key. */
    void throwIfAny() {
        if (list.isEmpty()) return;
        List<ConfigProblem> unique = new ArrayList<>(new LinkedHashSet<>(list));
        unique.sort(Comparator.comparing(ConfigProblem::file)
                .thenComparingInt(ConfigProblem::line)
                .thenComparing(ConfigProblem::key)
                .thenComparing(ConfigProblem::message));
        throw new ConfigProblems(unique);
    }
}
