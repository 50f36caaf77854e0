package org.driftlab.results.export;

import java.util.Locale;

/** How the per-condition table is printed: aligned columns, a Markdown table, CSV, or a JSON array. */
public enum TableFormat {
    TABLE,
    MD,
    CSV,
    JSON;

    /** The format named {@code name} (case-insensitive); IllegalArgumentException listing the choices. */
    public static TableFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown table format '" + name + "' (known: table, md, csv, json)", e);
        }
    }
}
