package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.driftlab.core.fuzz.TextEdits;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever is done to a valid config's text, {@link SweepLoader#parse} either returns a sweep or
 * throws {@link ConfigProblems} whose every problem names the file and a line or key; never another
 * exception. Inputs are the shipped configs/*.conf, each mutated by 1–3 seeded random edits (characters
 * deleted, duplicated or swapped, HOCON punctuation inserted, numbers replaced by strings, negatives, zero or
 * huge values, keys renamed, lines dropped or repeated). A failure prints the seed that reproduces it.
 */
class SweepLoaderFuzzTest {
    /** More with -Dfuzz.cases=N (and another seed with -Dfuzz.seed=S) for a deeper search. */
    private static final int CASES = Integer.getInteger("fuzz.cases", 600);

    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_f022L);

    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_.\\-])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern KEY = Pattern.compile("(?m)^\\s*([A-Za-z][A-Za-z0-9-]*)\\s*[={]");
    /** Numbers beyond every cap (seeds, steps, dimensions): a grid that would expand to millions of runs is rejected first. */
    private static final String[] NUMBER_REPLACEMENTS = {
        "\"abc\"",
        "fast",
        "-1",
        "-0.5",
        "0",
        "1e308",
        "1e309",
        "99999999999",
        "2147483648",
        "-2147483649",
        "1e-320",
        "NaN",
        "[1, 2]",
        "{ a = 1 }",
        "null",
        "true",
        "\"\"",
        "0.0000001"
    };

    private static final Pattern INCLUDE = Pattern.compile("\\s*include\\s+\"([^\"]+)\"\\s*");
    private static final String PUNCTUATION = "{}[]=:,\"$#\n\\.+-*/'`@ \t";

    static List<String[]> configs() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ExampleConfigsTest.CONFIGS)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                out.add(new String[] {
                    ExampleConfigsTest.CONFIGS.relativize(p).toString().replace('\\', '/'), inlineIncludes(p)
                });
            }
        }
        return out;
    }

    /** The config's text with each {@code include "x.conf"} line replaced by that file's text, so parse sees it all. */
    private static String inlineIncludes(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            Matcher m = INCLUDE.matcher(line);
            out.append(m.matches() ? inlineIncludes(file.resolveSibling(m.group(1))) : line + "\n");
        }
        return out.toString();
    }

    @Test
    void mutatedConfigsLoadOrFailWithLocatedProblems() throws IOException {
        List<String[]> configs = configs();
        assertThat(configs).hasSizeGreaterThan(5);
        int loaded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            SplittableRandom rnd = new SplittableRandom(SEED + i);
            String[] base = configs.get(rnd.nextInt(configs.size()));
            String text = base[1];
            List<String> edits = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) text = mutate(text, rnd, edits);
            String origin = "fuzz/" + base[0];
            String context = "case " + i + " (seed " + (SEED + i) + ") of " + base[0] + " after " + edits;
            if (loadsOrIsRefusedCleanly(text, origin, context)) loaded++;
            else rejected++;
        }
        // both outcomes occur, so the mutations neither always break nor never touch what matters
        assertThat(loaded).isGreaterThan(CASES / 20);
        assertThat(rejected).isGreaterThan(CASES / 4);
    }

    /**
     * Loads {@code text} as file {@code origin}: true when it gives a sweep with runs, false when it is refused with
     * problems that each name the file, a line or a key, and a message. Anything else (another exception, a refusal
     * without problems) fails with {@code context} and the text.
     */
    static boolean loadsOrIsRefusedCleanly(String text, String origin, String context) {
        try {
            assertThat(SweepLoader.parse(text, origin).runs()).as(context).isNotEmpty();
            return true;
        } catch (ConfigProblems e) {
            assertThat(e.problems()).as(context).isNotEmpty();
            for (ConfigProblem p : e.problems()) {
                assertThat(p.file()).as(context + ": " + p).isEqualTo(origin);
                assertThat(p.line() > 0 || !p.key().isEmpty())
                        .as(context + ": no line and no key in " + p)
                        .isTrue();
                assertThat(p.message()).as(context).isNotBlank();
            }
            assertThat(e.getMessage()).as(context).startsWith(origin);
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(context + " threw " + e + "\n--- text ---\n" + text, e);
        }
    }

    /** One random edit of {@code text}; its description is added to {@code edits}. */
    static String mutate(String text, SplittableRandom rnd, List<String> edits) {
        if (text.isEmpty()) return text + PUNCTUATION.charAt(rnd.nextInt(PUNCTUATION.length()));
        int at = rnd.nextInt(text.length());
        switch (rnd.nextInt(8)) {
            case 0 -> {
                return TextEdits.deleteChar(text, at, edits);
            }
            case 1 -> {
                return TextEdits.duplicateChar(text, at, edits);
            }
            case 2 -> {
                return TextEdits.swapChars(text, at, edits);
            }
            case 3 -> {
                char c = PUNCTUATION.charAt(rnd.nextInt(PUNCTUATION.length()));
                edits.add("insert " + escape(c) + " at " + at);
                return text.substring(0, at) + c + text.substring(at);
            }
            case 4, 5 -> {
                List<int[]> spans = spans(NUMBER.matcher(text), 0);
                if (spans.isEmpty()) return text;
                int[] s = spans.get(rnd.nextInt(spans.size()));
                String by = NUMBER_REPLACEMENTS[rnd.nextInt(NUMBER_REPLACEMENTS.length)];
                edits.add("number " + text.substring(s[0], s[1]) + " at " + s[0] + " -> " + by);
                return text.substring(0, s[0]) + by + text.substring(s[1]);
            }
            case 6 -> {
                List<int[]> spans = spans(KEY.matcher(text), 1);
                if (spans.isEmpty()) return text;
                int[] s = spans.get(rnd.nextInt(spans.size()));
                String key = text.substring(s[0], s[1]);
                String renamed = rnd.nextBoolean() ? key + "x" : key.substring(0, key.length() - 1);
                if (renamed.isEmpty()) renamed = "q";
                edits.add("key " + key + " -> " + renamed);
                return text.substring(0, s[0]) + renamed + text.substring(s[1]);
            }
            default -> {
                return TextEdits.dropOrRepeatLine(text, rnd, edits);
            }
        }
    }

    private static List<int[]> spans(Matcher m, int group) {
        List<int[]> out = new ArrayList<>();
        while (m.find()) out.add(new int[] {m.start(group), m.end(group)});
        return out;
    }

    private static String escape(char c) {
        return c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.valueOf(c);
    }
}
