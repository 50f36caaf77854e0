package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a command that writes one CSV row per step of a long local computation ({@code belief}
 * over a long series, {@code trace} of a long run): a {@link Writer} that passes everything through and
 * counts the rows as they are written (line ends after the header), and at most once per {@code interval}
 * prints "driftlab: trace: 1200000/5000000 steps (24%), ETA 0:42" on stderr. Nothing is printed during the
 * first interval, so a short command stays quiet. Single-threaded, as the writer it wraps.
 */
final class RowProgress extends Writer {
    /** Lines when stderr is a log or a terminal alike: one per this many nanoseconds at most. */
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final Writer out;
    private final PrintWriter err;
    private final String what;
    private final String unit;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private long lineEnds;
    private long nextLineNanos;

    /**
     * @param what  the command, e.g. "belief"
     * @param unit  what a row is, plural, e.g. "rows" or "steps"
     * @param total rows expected after the header
     * @param clock nanosecond clock ({@code System::nanoTime}; a fake one in tests)
     */
    RowProgress(
            Writer out, PrintWriter err, String what, String unit, long total, long intervalNanos, LongSupplier clock) {
        this.out = out;
        this.err = err;
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.nextLineNanos = startNanos + intervalNanos;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        for (int i = off; i < off + len; i++) if (buf[i] == '\n') lineEnded();
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        out.write(s, off, len);
        for (int i = off; i < off + len; i++) if (s.charAt(i) == '\n') lineEnded();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
        if (c == '\n') lineEnded();
    }

    private void lineEnded() {
        lineEnds++;
        if ((lineEnds & 1023) != 0) return; // the clock is read every 1024 rows, not per row
        long now = clock.getAsLong();
        if (now < nextLineNanos) return;
        nextLineNanos = now + intervalNanos;
        long rows = lineEnds - 1; // the header's line end
        String eta = rows <= 0
                ? "--"
                : ProgressDisplay.clock((long) ((double) (now - startNanos) / rows * (total - rows) / 1e9));
        err.println(String.format(
                Locale.ROOT,
                "driftlab: %s: %d/%d %s (%.0f%%), ETA %s",
                what,
                rows,
                total,
                unit,
                100.0 * rows / Math.max(1, total),
                eta));
        err.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
