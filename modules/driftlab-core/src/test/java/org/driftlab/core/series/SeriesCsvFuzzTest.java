package org.driftlab.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.driftlab.core.fuzz.TextEdits;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever is done to a valid series CSV, {@link SeriesCsv#read} either returns a series of finite
 * values with one value per header column and data row, or throws {@link SeriesFormatException} whose message
 * starts with the source name and names a line, a data row, or a file-level fault; never another exception.
 * Inputs are seeded random well-formed series (1–4 columns, 1–30 rows, mixed number spellings) with 1–3 edits:
 * characters deleted, duplicated or swapped; CSV punctuation, letters, NaN/Infinity, huge exponents, a
 * byte-order mark or a carriage return inserted; cells emptied; lines dropped or repeated.
 */
class SeriesCsvFuzzTest {
    /** More with -Dfuzz.cases=N (and another seed with -Dfuzz.seed=S) for a deeper search. */
    private static final int CASES = Integer.getInteger("fuzz.cases", 800);

    private static final long SEED = Long.getLong("fuzz.seed", 0xc5f_f022L);

    private static final String SOURCE = "fuzz.csv";
    private static final String[] INSERTS = {
        ",",
        "\"",
        "\n",
        "\r",
        "\r\n",
        " ",
        "\t",
        "x",
        "e",
        "E",
        ".",
        "-",
        "+",
        "NaN",
        "Infinity",
        "-inf",
        "1e999",
        "e-400",
        "\uFEFF",
        "\u0000",
        "\"\"",
        ",,",
        "0x1p3",
        "1d",
        "#"
    };

    @Test
    void mutatedSeriesReadOrFailWithLocatedMessages() throws IOException {
        int read = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            SplittableRandom rnd = new SplittableRandom(SEED + i);
            String text = validSeries(rnd);
            List<String> edits = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) text = mutate(text, rnd, edits);
            String context = "case " + i + " (seed " + (SEED + i) + ") after " + edits + "\n--- text ---\n" + text;
            try {
                SeriesCsv s = SeriesCsv.read(new StringReader(text), SOURCE);
                read++;
                assertThat(s.width()).as(context).isPositive();
                assertThat(s.rows()).as(context).isPositive();
                double[] values = s.values();
                assertThat(values).as(context).hasSize(s.rows() * s.width());
                for (double v : values)
                    assertThat(Double.isFinite(v)).as(context).isTrue();
            } catch (SeriesFormatException e) {
                rejected++;
                assertThat(e.getMessage())
                        .as(context)
                        .startsWith(SOURCE)
                        .containsAnyOf(" line ", ": empty file", ": no data rows", ": not UTF-8", ": malformed CSV");
            } catch (RuntimeException | Error e) {
                throw new AssertionError(context + "\nthrew " + e, e);
            }
        }
        assertThat(read).isGreaterThan(CASES / 20);
        assertThat(rejected).isGreaterThan(CASES / 4);
    }

    /** A well-formed series: a header of distinct names, then rows of finite numbers in assorted spellings. */
    private static String validSeries(SplittableRandom rnd) {
        int width = 1 + rnd.nextInt(4);
        int rows = 1 + rnd.nextInt(30);
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < width; c++)
            b.append(c > 0 ? "," : "").append(rnd.nextBoolean() ? "x" + c : "\"col " + c + "\"");
        b.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) b.append(rnd.nextBoolean() ? "," : ", ");
                double v = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-5, 6));
                switch (rnd.nextInt(4)) {
                    case 0 -> b.append(v);
                    case 1 -> b.append(String.format(java.util.Locale.ROOT, "%.3e", v));
                    case 2 -> b.append((long) v);
                    default -> b.append('"').append(v).append('"');
                }
            }
            b.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    private static String mutate(String text, SplittableRandom rnd, List<String> edits) {
        if (text.isEmpty()) return INSERTS[rnd.nextInt(INSERTS.length)];
        int at = rnd.nextInt(text.length());
        switch (rnd.nextInt(6)) {
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
                String s = INSERTS[rnd.nextInt(INSERTS.length)];
                edits.add("insert " + s.replace("\n", "\\n").replace("\r", "\\r") + " at " + at);
                return text.substring(0, at) + s + text.substring(at);
            }
            case 4 -> {
                // empty the cell around a position: delete up to the next separator
                int end = at;
                while (end < text.length() && ",\n\r".indexOf(text.charAt(end)) < 0) end++;
                int start = at;
                while (start > 0 && ",\n\r".indexOf(text.charAt(start - 1)) < 0) start--;
                edits.add("empty cell " + start + ".." + end);
                return text.substring(0, start) + text.substring(end);
            }
            default -> {
                return TextEdits.dropOrRepeatLine(text, rnd, edits);
            }
        }
    }
}
