package org.driftlab.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of driftlab-core import each other without a cycle (the config loader in {@code core.spec} sits above
 * the model packages it reads into; {@code core.check} is a leaf). Read from the sources' import lines, which is all
 * a cycle can come from in this code base (no reflection, no fully qualified references across packages).
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/driftlab/core");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?org\\.driftlab\\.core\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void corePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent())
                        .toString()
                        .replace('\\', '/')
                        .split("/")[0];
                Set<String> deps = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) deps.add(m.group(1));
            }
        }
        assertThat(uses).containsKeys("spec", "check", "stream", "rule", "belief", "reset", "metrics", "sim");
        assertThat(uses.get("check")).isEmpty();
        for (String pkg : uses.keySet()) {
            assertThat(cycleFrom(pkg, pkg, uses, new ArrayList<>()))
                    .as("import cycle through core." + pkg)
                    .isEmpty();
        }
    }

    /** A path of imports from {@code at} back to {@code start}, or empty. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path) {
        if (path.contains(at)) return List.of();
        path.add(at);
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            List<String> found = cycleFrom(start, next, uses, path);
            if (!found.isEmpty()) return found;
        }
        path.remove(path.size() - 1);
        return List.of();
    }
}
