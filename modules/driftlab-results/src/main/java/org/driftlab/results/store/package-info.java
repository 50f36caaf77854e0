/**
 * The results store (DESIGN §10): one DuckDB file per experiment, default {@code results/<config-name>.duckdb}.
 *
 * <p>Schema (version {@value org.driftlab.results.store.ResultStore#SCHEMA_VERSION}, recorded in
 * {@code schema_version}; the tool creates it and migrates older stores, see {@code StoreSchema}):
 * <ul>
 *   <li>{@code sweeps(name, config_sha256, config_text, version, created_at, swept_keys, planned_runs)}: one row
 *       per distinct (name, config text); re-running the same config adds nothing.</li>
 *   <li>{@code sweep_runs(sweep, run_id)}: the runs each sweep (by name) planned, stored or not: what
 *       {@code report --sweep} and {@code export --sweep} select.</li>
 *   <li>{@code conditions(condition_id, config)}: each condition's canonical resolved config (JSON, every
 *       default filled in; NULL for a hand-built sweep).</li>
 *   <li>{@code params(key, column_name, type, position)}: one row per parameter column of {@code runs}: every
 *       leaf of every stored condition's resolved config (e.g. {@code rule.lr}, {@code reset.type},
 *       {@code stream.dim}), swept or not, typed by the config parser's value: {@code BIGINT} (integers),
 *       {@code DOUBLE}, {@code BOOLEAN} or {@code VARCHAR} (strings; lists as JSON); a later value of a wider
 *       type widens the column (BIGINT to DOUBLE, anything else mixed to VARCHAR). A key that would clash with
 *       a fixed column is stored as {@code param.<key>}.</li>
 *   <li>{@code runs(run_id PK, sweep, condition_id, seed, master_seed, node, status 'ok'|'diverged', wall_ms,
 *       <one column per scalar RunMetrics component, in snake case>, <one column per parameter>)}. An
 *       undefined metric (NaN, e.g. the detection delay of a run that detected nothing) is SQL NULL.</li>
 *   <li>{@code curves(run_id, kind, idx, value)}: one kind per array RunMetrics component in snake case
 *       ({@code binned_loss}, {@code binned_excess_loss}, {@code aligned_excess_loss}, {@code switch_steps},
 *       {@code reset_steps}, {@code effective_rank}, {@code dead_fraction}); step numbers are exact as DOUBLE
 *       below 2^53; NaN is NULL.</li>
 * </ul>
 * {@code RunMetrics} is the one declaration of the metric columns and curve kinds ({@code RunColumns} reads
 * it): a component added to it gets its column when a store is next opened for writing (NULL for older runs).
 * Statistics are not stored; {@code org.driftlab.results.stats} computes them.
 *
 * <p>Version 1 (driftlab before the typed layer) held only the swept values, typed by their text, and a SQL
 * statistics view; opening such a store for writing migrates it, filling each run's parameters from its
 * sweep's stored config where that config still loads on its own.
 *
 * <p>Durability: each batch of results ({@code acceptAll}; {@code accept} is a batch of one) is one
 * transaction (the runs rows and their curves together, all or nothing) committed before it returns, so a
 * crash leaves only whole runs, and a failed batch none of its runs; run ids already stored are skipped.
 */
package org.driftlab.results.store;
