package org.driftlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;

/**
 * A sweep's progress on stderr: runs done/total, learner steps per second, ETA, nodes up. On a terminal it is
 * one line redrawn in place with {@code \r} (after every stored run and every half second, so the clock moves
 * during long runs); otherwise (a log, a pipe) a line after the first stored run and then at most one per
 * {@code interval}. Quiet: nothing. {@link #finish} clears the bar. Thread-safe: progress arrives on the
 * submitter's thread, redraws on a daemon timer thread.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {
    private static final int BAR_WIDTH = 24;

    enum Mode {
        TERMINAL,
        LINES,
        QUIET
    }

    private final PrintWriter err;
    private final Mode mode;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private ScheduledExecutorService ticker;
    private Progress latest;
    private long lastLineNanos;
    private boolean printedLine;
    private int lastWidth;
    private boolean finished;

    /**
     * @param initial  what to show before the first stored run (skipped runs already counted as done)
     * @param interval nanoseconds between lines in {@link Mode#LINES}
     * @param clock    nanosecond clock ({@code System::nanoTime}; a fake one in tests)
     */
    ProgressDisplay(PrintWriter err, Mode mode, Progress initial, long intervalNanos, LongSupplier clock) {
        this.err = err;
        this.mode = mode;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.latest = initial;
    }

    /** The mode for this process: {@code quiet} wins; a terminal when {@code System.console() != null}. */
    static Mode modeFor(boolean quiet) {
        if (quiet) return Mode.QUIET;
        return System.console() != null ? Mode.TERMINAL : Mode.LINES;
    }

    /** Starts redrawing (terminal mode only: a daemon thread, stopped by {@link #finish}). */
    synchronized ProgressDisplay start() {
        if (mode == Mode.TERMINAL) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "driftlab-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 0, 500, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (finished) return;
        latest = p;
        if (mode == Mode.TERMINAL) {
            draw();
        } else if (mode == Mode.LINES) {
            long now = clock.getAsLong();
            if (!printedLine || now - lastLineNanos >= intervalNanos || p.done() == p.total()) {
                lastLineNanos = now;
                printedLine = true;
                err.println("progress: " + describe(p, now - startNanos));
                err.flush();
            }
        }
    }

    /**
     * A cluster notice on its own line, as it happens (unless quiet): "cluster: member … is unreachable". On a
     * terminal it replaces the bar, which is drawn again below it.
     */
    @Override
    public synchronized void onNotice(ClusterNotice notice) {
        if (finished || mode == Mode.QUIET) return;
        if (mode == Mode.TERMINAL && lastWidth > 0) err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.println("cluster: " + notice.describe());
        lastWidth = 0;
        if (mode == Mode.TERMINAL) draw();
        err.flush();
    }

    private synchronized void redraw() {
        if (!finished) draw();
    }

    private void draw() {
        String line = bar(latest) + " " + describe(latest, clock.getAsLong() - startNanos);
        // pad over the rest of a longer previous line
        String pad = lastWidth > line.length() ? " ".repeat(lastWidth - line.length()) : "";
        lastWidth = line.length();
        err.print("\r" + line + pad);
        err.flush();
    }

    /** Stops redrawing and clears the terminal line, so what follows starts on a clean line. Idempotent. */
    synchronized void finish() {
        if (finished) return;
        finished = true;
        if (ticker != null) ticker.shutdownNow();
        if (mode == Mode.TERMINAL && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    @Override
    public void close() {
        finish();
    }

    /** "[#####.....]" by runs done. */
    static String bar(Progress p) {
        int filled = p.total() == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * p.done() / p.total());
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /**
     * "37/120 runs (4 skipped, 1 failed)  41% of steps  1.2M steps/s  ETA 0:42  2 nodes up": the share of this
     * submission's learner-steps done counts the runs under way too, so a single long run moves; the ETA
     * extrapolates that share over the elapsed time (the runs finished, when no steps are known; {@code --}
     * before either).
     */
    static String describe(Progress p, long elapsedNanos) {
        StringBuilder s = new StringBuilder();
        s.append(p.done()).append('/').append(p.total()).append(" runs");
        if (p.skipped() > 0 || p.failed() > 0) {
            s.append(" (");
            if (p.skipped() > 0) s.append(p.skipped()).append(" skipped");
            if (p.skipped() > 0 && p.failed() > 0) s.append(", ");
            if (p.failed() > 0) s.append(p.failed()).append(" failed");
            s.append(')');
        }
        double stepShare = p.stepFraction();
        if (stepShare >= 0)
            s.append("  ").append((int) Math.floor(stepShare * 100)).append("% of steps");
        s.append("  ").append(si(p.learnerStepsPerSecond())).append(" steps/s");
        int finishedNow = p.done() - p.skipped();
        int remaining = p.total() - p.done();
        String eta;
        if (remaining == 0) eta = "0:00";
        else if (elapsedNanos <= 0) eta = "--";
        else if (stepShare > 0) eta = clock((long) (elapsedNanos / 1e9 * (1 - stepShare) / stepShare));
        else if (finishedNow > 0) eta = clock((long) ((double) elapsedNanos / finishedNow * remaining / 1e9));
        else eta = "--";
        s.append("  ETA ").append(eta);
        s.append("  ").append(p.nodesUp()).append(p.nodesUp() == 1 ? " node up" : " nodes up");
        return s.toString();
    }

    /** 1234567 → "1.2M". */
    static String si(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) return "--";
        if (v >= 1e9) return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** Seconds → "m:ss" or "h:mm:ss". */
    static String clock(long seconds) {
        long h = seconds / 3600, m = seconds / 60 % 60, sec = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
