package org.driftlab.results.store;

/** File formats of DuckDB's COPY that the store writes: CSV with a header row, or Parquet. */
public enum CopyFormat {
    CSV("(FORMAT csv, HEADER true)", "csv"),
    PARQUET("(FORMAT parquet)", "parquet");

    private final String options;
    private final String extension;

    CopyFormat(String options, String extension) {
        this.options = options;
        this.extension = extension;
    }

    String options() {
        return options;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
