package org.driftlab.results.plot;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunLengthPosterior;

/**
 * The run-length posterior heatmap of one run (DESIGN §10): x = step, y = run length r, colour = P(r_t = r | x_1:t)
 * on a log colour scale (viridis from {@link #FLOOR} to 1; below the floor, including pruned run lengths, the
 * lowest colour), the true switch steps as solid {@link #SWITCH_COLOR} lines and the reset steps as dashed
 * {@link #RESET_COLOR} lines, with a legend and a colour bar. A pixel covering several steps or run lengths shows
 * the largest value among them, so a narrow ridge of posterior mass stays visible at any size.
 *
 * <p>Drawn with Java2D rather than XChart: XChart's HeatMapChart draws one vector rectangle per cell (millions
 * for 2,000 steps × r_max run lengths: an SVG of hundreds of MB), has a linear colour scale only and cannot
 * draw vertical marker lines over the map. One paint routine draws both files: into a {@link BufferedImage}
 * for the PNG and into XChart's own SVG backend (VectorGraphics2D) for the SVG, where the map is one embedded
 * raster image and everything else (axes, lines, text) is vector.
 */
public final class RunLengthHeatmap {
    /** Pixel size of the plot files. */
    public static final int WIDTH = Charts.WIDTH;

    public static final int HEIGHT = Charts.HEIGHT;
    /** The smallest probability the colour scale resolves (log10 = −6). */
    public static final double FLOOR = 1e-6;
    /** Colour of the true switch lines (Okabe–Ito vermillion: absent from viridis). */
    public static final Color SWITCH_COLOR = new Color(213, 94, 0);
    /** Colour of the reset lines (Okabe–Ito sky blue: absent from viridis). */
    public static final Color RESET_COLOR = new Color(86, 180, 233);
    /** The most columns a heatmap's posterior is recorded in (steps are averaged in groups beyond that). */
    public static final int MAX_COLUMNS = 2000;
    /** Colour of columns without data (steps after a divergence). */
    public static final Color NO_DATA = new Color(200, 200, 200);

    private static final int LEFT = 80;
    private static final int RIGHT = 140;
    private static final int TOP = 78;
    private static final int BOTTOM = 58;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final Stroke SWITCH_STROKE = new BasicStroke(2f);
    private static final Stroke RESET_STROKE =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
    /** viridis at 0, 1/8, …, 1 (matplotlib's table), interpolated linearly in RGB. */
    private static final int[][] VIRIDIS = {
        {68, 1, 84},
        {71, 44, 122},
        {59, 81, 139},
        {44, 113, 142},
        {33, 144, 141},
        {39, 173, 129},
        {92, 200, 99},
        {170, 220, 50},
        {253, 231, 37},
    };

    private RunLengthHeatmap() {}

    /** The file base name for {@code runId}: {@code run-length-<runId>} with characters unsafe in file names as '-'. */
    public static String fileName(String runId) {
        return "run-length-" + runId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /**
     * Writes {@code <fileName(runId)>.png} and {@code .svg} ({@link #WIDTH} × {@link #HEIGHT}) into the existing
     * directory {@code dir}, each atomically; returns their paths (PNG first).
     */
    public static List<Path> write(RunLengthPosterior posterior, Path dir) {
        String name = fileName(posterior.runId());
        BufferedImage map = raster(posterior, yMax(posterior));
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        ChartFiles.atomically(png, out -> {
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                paint(g, posterior, map);
            } finally {
                g.dispose();
            }
            ImageIO.write(img, "png", out);
        });
        ChartFiles.atomically(svg, out -> {
            VectorGraphics2D g = new VectorGraphics2D();
            paint(g, posterior, map);
            Processors.get("svg")
                    .getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT))
                    .writeTo(out);
        });
        return List.of(png, svg);
    }

    /** The highest run length shown: the largest r with P ≥ FLOOR in some column, 5% headroom, within [1, r_max]. */
    static int yMax(RunLengthPosterior p) {
        int top = 0;
        for (int c = 0; c < p.columns(); c++) {
            for (int r = p.rMax(); r > top; r--) {
                if (p.at(c, r) >= FLOOR) {
                    top = r;
                    break;
                }
            }
        }
        return Math.max(1, Math.min(p.rMax(), top + Math.max(1, top / 20)));
    }

    /** The map at plot-area resolution: pixel (px, py) = colour of the max over the steps and run lengths it covers. */
    static BufferedImage raster(RunLengthPosterior p, int yMax) {
        BufferedImage img = new BufferedImage(PLOT_W, PLOT_H, BufferedImage.TYPE_INT_RGB);
        long steps = p.steps();
        int rows = yMax + 1;
        for (int px = 0; px < PLOT_W; px++) {
            long s0 = px * steps / PLOT_W;
            long s1 = Math.max(s0 + 1, (px + 1) * steps / PLOT_W);
            int c0 = (int) (s0 / p.stepsPerColumn());
            int c1 = (int) ((s1 - 1) / p.stepsPerColumn());
            for (int py = 0; py < PLOT_H; py++) {
                int fromBottom = PLOT_H - 1 - py;
                int r0 = (int) ((long) fromBottom * rows / PLOT_H);
                int r1 = (int) Math.max(r0 + 1, (long) (fromBottom + 1) * rows / PLOT_H);
                double max = Double.NaN;
                for (int c = c0; c <= c1; c++) {
                    if (p.counts()[c] == 0) continue;
                    for (int r = r0; r < r1; r++) {
                        double v = p.at(c, r);
                        if (!(v <= max)) max = v;
                    }
                }
                img.setRGB(
                        px,
                        py,
                        Double.isNaN(max) ? NO_DATA.getRGB() : colour(max).getRGB());
            }
        }
        return img;
    }

    /** The colour of probability {@code p}: viridis at (log10 max(p, FLOOR) + 6) / 6. */
    static Color colour(double p) {
        double f = (Math.log10(Math.max(p, FLOOR)) - Math.log10(FLOOR)) / -Math.log10(FLOOR);
        return viridis(Math.min(1.0, Math.max(0.0, f)));
    }

    private static Color viridis(double f) {
        double x = f * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) x);
        double w = x - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + w * (b[0] - a[0])), (int) Math.round(a[1] + w * (b[1] - a[1])), (int)
                Math.round(a[2] + w * (b[2] - a[2])));
    }

    private static void paint(Graphics2D g, RunLengthPosterior p, BufferedImage map) {
        int yMax = yMax(p);
        long steps = p.steps();
        RunMetrics m = p.result().metrics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.drawImage(map, LEFT, TOP, null);

        // markers without antialiasing: each line keeps its exact colour (readable back from the PNG)
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(SWITCH_COLOR);
        g.setStroke(SWITCH_STROKE);
        for (long s : m.switchSteps()) vertical(g, x(s, steps));
        g.setColor(RESET_COLOR);
        g.setStroke(RESET_STROKE);
        for (long s : m.resetSteps()) vertical(g, x(s, steps));

        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, PLOT_W, PLOT_H);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(steps)) {
            int x = x((long) t, steps);
            g.drawLine(x, TOP + PLOT_H, x, TOP + PLOT_H + 5);
            String label = format(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + PLOT_H + 19);
        }
        for (double r : ticks(yMax)) {
            int y = y(r, yMax);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String label = format(r);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        g.setFont(axis);
        String xLabel = "step t";
        g.drawString(xLabel, LEFT + (PLOT_W - g.getFontMetrics().stringWidth(xLabel)) / 2, HEIGHT - 14);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yLabel = "run length r (steps since the last change point)";
        rotated.drawString(yLabel, -(TOP + (PLOT_H + rotated.getFontMetrics().stringWidth(yLabel)) / 2), 22);
        rotated.dispose();

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Run-length posterior P(r_t = r | x_1:t) of run " + p.runId(), LEFT, 24);
        g.setFont(small);
        String per = p.stepsPerColumn() == 1
                ? "one column per step"
                : "each column the mean over " + p.stepsPerColumn() + " steps (" + p.columns() + " columns)";
        g.drawString(
                per + "; a pixel shows the largest value it covers; r_max = " + p.rMax()
                        + (yMax < p.rMax() ? ", shown up to r = " + yMax : ""),
                LEFT,
                42);
        legend(g, m);
        colourBar(g);
    }

    private static void legend(Graphics2D g, RunMetrics m) {
        FontMetrics fm = g.getFontMetrics();
        int y = 62;
        int x = LEFT;
        g.setColor(SWITCH_COLOR);
        g.setStroke(SWITCH_STROKE);
        g.drawLine(x, y - 4, x + 28, y - 4);
        g.setColor(Color.BLACK);
        String s = "true switch (" + m.switchSteps().length + ")";
        g.drawString(s, x + 34, y);
        x += 34 + fm.stringWidth(s) + 24;
        g.setColor(RESET_COLOR);
        g.setStroke(RESET_STROKE);
        g.drawLine(x, y - 4, x + 28, y - 4);
        g.setColor(Color.BLACK);
        g.drawString("reset (" + m.resetSteps().length + ")", x + 34, y);
        g.setStroke(new BasicStroke(1f));
    }

    private static void colourBar(Graphics2D g) {
        int x = LEFT + PLOT_W + 30;
        int w = 18;
        for (int py = 0; py < PLOT_H; py++) {
            double f = 1.0 - (double) py / (PLOT_H - 1);
            g.setColor(viridis(f));
            g.fillRect(x, TOP + py, w, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, TOP, w, PLOT_H);
        FontMetrics fm = g.getFontMetrics();
        int decades = (int) Math.round(-Math.log10(FLOOR));
        for (int k = 0; k <= decades; k++) {
            int y = TOP + PLOT_H - (int) Math.round((double) k / decades * PLOT_H);
            g.drawLine(x + w, y, x + w + 4, y);
            String label = k == decades ? "1" : (k == 0 ? "≤1e-" : "1e-") + (decades - k);
            g.drawString(label, x + w + 7, y + fm.getAscent() / 2 - 1);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(Math.PI / 2);
        String label = "P(r_t = r), log scale";
        rotated.drawString(label, TOP + (PLOT_H - fm.stringWidth(label)) / 2, -(x + w + 52));
        rotated.dispose();
    }

    private static void vertical(Graphics2D g, int x) {
        g.drawLine(x, TOP + 1, x, TOP + PLOT_H - 1);
    }

    /** The pixel column of the start of step {@code s}. */
    private static int x(long s, long steps) {
        return LEFT + (int) Math.min(PLOT_W - 1, s * PLOT_W / steps);
    }

    /** The pixel row of the centre of run length {@code r}. */
    private static int y(double r, int yMax) {
        return TOP + PLOT_H - (int) Math.round((r + 0.5) / (yMax + 1) * PLOT_H);
    }

    /** 1-2-5 ticks from 0 to {@code max} (about 5 to 10 of them). */
    static double[] ticks(double max) {
        double raw = max / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        double step = mag;
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        int n = (int) Math.floor(max / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = i * step;
        return out;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
