package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A generated matrix over config values: every numeric value of every shipped config (includes inlined) is
 * replaced, one at a time, by each extreme of {@link #EXTREMES} (magnitudes up to and beyond int, long and
 * double range, NaN and infinities as literals and strings, other types, negatives, zero, subnormals). Each
 * variant either loads or is refused with {@link ConfigProblems} naming the file and a line or key; no other
 * exception, whatever the value. The matrix is sampled to {@link #CASES} cases from a fixed seed, so the test
 * takes the same bounded time on every run ({@code -Dfuzz.values.cases=N} for more).
 */
class ConfigValueFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.values.cases", 500);
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_f022L);

    private static final Pattern NUMBER =
            Pattern.compile("(?<![A-Za-z_.\\-\"])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?(?![A-Za-z_\"])");
    /** Values a config value is replaced by: magnitudes, int/long/double edges and overflow, non-finite, other types. */
    static final String[] EXTREMES = {
        "0",
        "-0",
        "-0.0",
        "-1",
        "0.5",
        "1e-320",
        "4.9e-324",
        "-1e-300",
        "1000",
        "1e6",
        "1e7",
        "1e9",
        "1e12",
        "1e15",
        "1e18",
        "1e300",
        "1e308",
        "1.7976931348623157e308",
        "1e309",
        "-1e309",
        "1e999999",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "4294967296",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999",
        "NaN",
        "-NaN",
        "Infinity",
        "-Infinity",
        "Inf",
        "\"NaN\"",
        "\"Infinity\"",
        "\"1e309\"",
        "\"12\"",
        "true",
        "null",
        "\"\"",
        "abc",
        "[]",
        "[1, 2]",
        "[NaN]",
        "{}",
        "{ a = 1 }",
        "0x10",
        "1_000",
        "1,5"
    };

    @Test
    void everyNumericValueReplacedByEveryExtremeLoadsOrIsALocatedProblem() throws IOException {
        List<String[]> configs = SweepLoaderFuzzTest.configs();
        List<int[]> matrix = new ArrayList<>(); // (config, number occurrence, extreme)
        for (int c = 0; c < configs.size(); c++) {
            int numbers = spans(configs.get(c)[1]).size();
            for (int n = 0; n < numbers; n++) for (int e = 0; e < EXTREMES.length; e++) matrix.add(new int[] {c, n, e});
        }
        assertThat(matrix.size()).as("matrix size").isGreaterThan(CASES);
        SplittableRandom rnd = new SplittableRandom(SEED);
        // a partial Fisher-Yates shuffle: the first CASES entries are a uniform sample without repetition
        for (int i = 0; i < CASES; i++) {
            int j = i + rnd.nextInt(matrix.size() - i);
            int[] t = matrix.get(i);
            matrix.set(i, matrix.get(j));
            matrix.set(j, t);
        }
        int loaded = 0;
        int rejected = 0;
        for (int[] m : matrix.subList(0, CASES)) {
            String[] base = configs.get(m[0]);
            int[] at = spans(base[1]).get(m[1]);
            String text = base[1].substring(0, at[0]) + EXTREMES[m[2]] + base[1].substring(at[1]);
            String origin = "fuzz/" + base[0];
            String context =
                    base[0] + ": value '" + base[1].substring(at[0], at[1]) + "' at " + at[0] + " -> " + EXTREMES[m[2]];
            if (SweepLoaderFuzzTest.loadsOrIsRefusedCleanly(text, origin, context)) loaded++;
            else rejected++;
        }
        assertThat(loaded).as("variants that load").isGreaterThan(CASES / 20);
        assertThat(rejected).as("variants refused").isGreaterThan(CASES / 4);
    }

    /** Where the numeric values of {@code text} stand: [start, end) of each. */
    private static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (!inComment(text, m.start())) out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private static boolean inComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at);
        return before.contains("#") || before.contains("//");
    }
}
