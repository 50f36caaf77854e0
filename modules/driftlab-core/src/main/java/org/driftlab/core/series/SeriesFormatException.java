package org.driftlab.core.series;

/** A series file that cannot be read as numbers; the message names the file, the line or data row, and the column. */
public final class SeriesFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SeriesFormatException(String message) {
        super(message);
    }
}
