package org.driftlab.results.store;

/**
 * A swept parameter's column in {@code runs}: the config key, the column's name (the key itself unless it
 * would clash with a fixed column, then {@code param.<key>}), whether its values are numbers (DOUBLE) or
 * text (VARCHAR), and its position (order of first appearance across the store's sweeps).
 */
public record ParamColumn(String key, String column, boolean numeric, int position) {}
