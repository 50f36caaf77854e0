package org.driftlab.results.store;

/**
 * A run parameter's column in {@code runs}: the config path of a leaf of the resolved config (e.g.
 * {@code rule.lr}), the column's name (the key itself unless it would clash with a fixed column, then
 * {@code param.<key>}), its type, and its position (order of first appearance in the store).
 */
public record ParamColumn(String key, String column, ParamType type, int position) {}
