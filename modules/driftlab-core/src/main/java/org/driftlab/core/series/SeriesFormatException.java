package org.driftlab.core.series;

import org.driftlab.core.input.BadInputException;

/** A series file that cannot be read as numbers; the message names the file, the line or data row, and the column. */
public final class SeriesFormatException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public SeriesFormatException(String message) {
        super(message);
    }
}
