/**
 * Numeric series from files, for running a task belief over recorded data ({@code driftlab belief}, DESIGN §6):
 * {@link org.driftlab.core.series.SeriesCsv} reads a CSV with a header row and one numeric column per
 * dimension, naming file, row and column in every error.
 */
package org.driftlab.core.series;
