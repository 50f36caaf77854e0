package org.driftlab.bench.scale;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A class histogram of the live heap of this JVM, as {@code jcmd <pid> GC.class_histogram} prints it (the
 * DiagnosticCommand MBean's {@code gcClassHistogram}, which runs a full collection first, so only reachable
 * objects count). Immutable.
 *
 * @param rows       per class: instances and shallow bytes, largest bytes first
 * @param totalBytes the sum of all rows' bytes: the live heap
 */
public record HeapHistogram(List<Row> rows, long totalBytes) {
    /** One class: its name as the JVM prints it ({@code [B}, {@code java.lang.String}, ...). */
    public record Row(String className, long instances, long bytes) {}

    public HeapHistogram {
        rows = List.copyOf(rows);
    }

    /** Takes the histogram now (blocks for a full collection). IllegalStateException when the JVM refuses. */
    public static HeapHistogram take() {
        return take(false);
    }

    /**
     * The histogram of every object on the heap, reachable or not ({@code GC.class_histogram -all}): no
     * collection, only a heap walk at a safepoint, so much cheaper than {@link #take()} on a large heap; counts
     * include garbage not yet collected. IllegalStateException when the JVM refuses.
     */
    public static HeapHistogram takeAll() {
        return take(true);
    }

    private static HeapHistogram take(boolean all) {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {all ? new String[] {"-all"} : new String[0]},
                            new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM did not give a class histogram: " + e, e);
        }
        return parse(text);
    }

    /**
     * Parses the text of {@code GC.class_histogram}: rows {@code "  n:  instances  bytes  class (module)"} and a
     * {@code Total} line; other lines are ignored. IllegalArgumentException when no row is found.
     */
    public static HeapHistogram parse(String text) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (String line : text.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && isNumber(f[1]) && isNumber(f[2])) {
                Row r = new Row(f[3], Long.parseLong(f[1]), Long.parseLong(f[2]));
                rows.add(r);
                total += r.bytes();
            }
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("no class histogram rows in: " + abbreviate(text));
        rows.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return new HeapHistogram(rows, total);
    }

    /** The row of {@code className}, or a row of zeros when no instance is live. */
    public Row row(String className) {
        for (Row r : rows) if (r.className().equals(className)) return r;
        return new Row(className, 0, 0);
    }

    /**
     * The {@code n} classes whose bytes grew most from {@code earlier} to this histogram (growth > 0 only),
     * largest first, each as a row of (instances, bytes) differences.
     */
    public List<Row> grownSince(HeapHistogram earlier, int n) {
        Map<String, Row> before = new HashMap<>();
        for (Row r : earlier.rows) before.put(r.className(), r);
        List<Row> grown = new ArrayList<>();
        for (Row r : rows) {
            Row b = before.getOrDefault(r.className(), new Row(r.className(), 0, 0));
            long db = r.bytes() - b.bytes();
            if (db > 0) grown.add(new Row(r.className(), r.instances() - b.instances(), db));
        }
        grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return Collections.unmodifiableList(grown.subList(0, Math.min(n, grown.size())));
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
