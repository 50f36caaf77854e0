package org.driftlab.results.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.Metric;

/**
 * Renders the per-condition statistics of one metric: a row per condition with its swept values, runs,
 * diverged runs, n, mean, sd, se, the 95% interval and the median over the runs that did not diverge, and
 * median_all over every run with a diverged one as +∞ (so a condition never looks better for losing its worst
 * runs; the text formats also mark its mean). Text formats round to 5 significant digits; CSV and JSON keep
 * full precision (undefined or infinite values empty in CSV, null in JSON).
 */
public final class TableWriter {
    private TableWriter() {}

    /**
     * The text formats' mark on the mean of a condition with diverged runs, explained under the table: its
     * mean, sd and interval cover the runs that did not diverge only.
     */
    public static final String DIVERGED_MARK = " †";

    /** The table as a string in {@code format}, ending with a newline. */
    public static String render(ConditionTable table, Metric metric, TableFormat format) {
        List<String> header = new ArrayList<>();
        List<String> keys = table.keys();
        header.addAll(keys);
        header.addAll(
                List.of("runs", "diverged", "n", "mean", "sd", "se", "ci95_low", "ci95_high", "median", "median_all"));
        boolean exact = format == TableFormat.CSV || format == TableFormat.JSON;
        List<List<String>> rows = new ArrayList<>();
        boolean anyDiverged = false;
        for (ConditionStats c : table.conditions()) {
            List<String> row = new ArrayList<>();
            for (String k : keys)
                row.add(
                        c.params().containsKey(k)
                                ? ConditionStats.render(c.params().get(k))
                                : "");
            Summary s = c.of(metric);
            row.add(Long.toString(c.runs()));
            row.add(Long.toString(c.divergedRuns()));
            row.add(Long.toString(s.n()));
            for (double v : new double[] {
                s.mean(), s.sd(), s.se(), s.ciLow(), s.ciHigh(), s.median(), c.medianWithDiverged(metric)
            }) {
                row.add(number(v, exact));
            }
            if (c.divergedRuns() > 0 && !exact) {
                row.set(keys.size() + 3, row.get(keys.size() + 3) + DIVERGED_MARK);
                anyDiverged = true;
            }
            rows.add(row);
        }
        String note = anyDiverged
                ? "† some runs diverged: mean, sd, se and CI cover the others only; median_all "
                        + "counts a diverged run as the worst value (+∞)\n"
                : "";
        return render(metric.axisLabel() + " per condition (95% CI, Student t)", header, rows, keys.size(), format)
                + note;
    }

    /**
     * Any table in {@code format}: {@code title} heads the text formats; the first {@code textColumns} columns
     * are text (JSON strings unless they read as numbers), the rest numbers or empty.
     */
    public static String render(
            String title, List<String> header, List<List<String>> rows, int textColumns, TableFormat format) {
        switch (format) {
            case CSV:
                return csv(header, rows);
            case JSON:
                return json(header, rows, textColumns);
            case MD:
                return markdown(header, rows, title);
            default:
                return aligned(header, rows, title);
        }
    }

    /** A number for a table cell: full precision when {@code exact} (empty if not finite), else 5 digits. */
    public static String number(double v, boolean exact) {
        if (Double.isInfinite(v)) return exact ? "" : v > 0 ? "∞" : "−∞";
        return exact ? exactNumber(v) : shortNumber(v);
    }

    private static String shortNumber(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            return new java.math.BigDecimal(v)
                    .round(new java.math.MathContext(5))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    private static String exactNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : ""; // JSON has no NaN or Infinity
    }

    private static String aligned(List<String> header, List<List<String>> rows, String title) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) width[i] = header.get(i).length();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++)
                width[i] = Math.max(width[i], r.get(i).length());
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        line(sb, header, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        sb.append(rule).append('\n');
        for (List<String> r : rows) line(sb, r, width);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) l.append("  ");
            String c = cells.get(i);
            boolean numeric = !c.isEmpty()
                    && (Character.isDigit(c.charAt(c.length() - 1))
                            || c.equals("—")
                            || c.endsWith("∞")
                            || c.endsWith(DIVERGED_MARK));
            String pad = " ".repeat(width[i] - c.length());
            l.append(numeric ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String markdown(List<String> header, List<List<String>> rows, String title) {
        StringBuilder sb = new StringBuilder(title).append("\n\n");
        sb.append("| ").append(String.join(" | ", escapeMd(header))).append(" |\n|");
        for (int i = 0; i < header.size(); i++) sb.append(" --- |");
        sb.append('\n');
        for (List<String> r : rows)
            sb.append("| ").append(String.join(" | ", escapeMd(r))).append(" |\n");
        return sb.toString();
    }

    private static List<String> escapeMd(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) out.add(c.replace("|", "\\|"));
        return out;
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, header);
        for (List<String> r : rows) csvLine(sb, r);
        return sb.toString();
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n"))
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            else sb.append(c);
        }
        sb.append('\n');
    }

    private static String json(List<String> header, List<List<String>> rows, int textColumns) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r == 0 ? "\n  {" : ",\n  {");
            List<String> row = rows.get(r);
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(jsonString(header.get(i))).append(": ");
                String v = row.get(i);
                if (v.isEmpty()) sb.append("null");
                else if (i < textColumns && !isJsonNumber(v)) sb.append(jsonString(v));
                else sb.append(v);
            }
            sb.append('}');
        }
        return sb.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static boolean isJsonNumber(String s) {
        return s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (ch < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
