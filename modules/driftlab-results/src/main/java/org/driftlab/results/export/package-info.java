/**
 * Getting results out of the store (DESIGN §10): whole tables as CSV or Parquet through DuckDB's COPY, written
 * atomically (a temporary sibling, then a rename), and the per-condition table of one metric as aligned text,
 * Markdown, CSV or JSON (statistics as in DESIGN §8 and {@code org.driftlab.results.stats}).
 */
package org.driftlab.results.export;
