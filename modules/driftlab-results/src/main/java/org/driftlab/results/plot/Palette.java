package org.driftlab.results.plot;

import java.awt.Color;

/** The series colours of every report plot (Okabe–Ito, readable for colour-blind readers), cycled by index. */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66),
    };

    /** Colour of switch markers. */
    public static final Color MARKER = new Color(120, 120, 120);

    private Palette() {}

    /** The colour of series {@code i} (opaque). */
    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    /** The band (confidence interval) colour of series {@code i}: the series colour, mostly transparent. */
    public static Color band(int i) {
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 56);
    }
}
