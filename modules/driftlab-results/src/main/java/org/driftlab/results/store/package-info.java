/**
 * The results store (DESIGN §10): one DuckDB file per experiment, default {@code results/<config-name>.duckdb}.
 *
 * <p>Schema (version {@value org.driftlab.results.store.ResultStore#SCHEMA_VERSION}, recorded in
 * {@code schema_version}; the tool creates and migrates it):
 * <ul>
 *   <li>{@code sweeps(name, config_sha256, config_text, version, created_at, swept_keys, planned_runs)}: one row
 *       per distinct (name, config text); re-running the same config adds nothing.</li>
 *   <li>{@code params(key, column_name, type, position)}: the swept parameters that have a column in {@code runs};
 *       {@code type} is {@code DOUBLE} when every value seen so far is a plain number, else {@code VARCHAR}
 *       (a later non-numeric value widens the column to text).</li>
 *   <li>{@code runs(run_id PK, sweep, condition_id, seed, master_seed, node, status 'ok'|'diverged', wall_ms,
 *       steps, …every scalar RunMetrics field…, <one column per swept parameter>)}. An undefined metric (NaN,
 *       e.g. the detection delay of a run that detected nothing) is stored as SQL NULL.</li>
 *   <li>{@code curves(run_id, kind, idx, value)} with kind {@code binned_loss | binned_excess | aligned_excess |
 *       switch | reset}; switch and reset hold the step numbers of true switches and of resets (exact as
 *       DOUBLE below 2^53); NaN is NULL.</li>
 *   <li>{@code t_quantiles(df, q975)}: Student-t 97.5% quantiles, filled by the tool (commons-math3) so that SQL
 *       can form confidence intervals.</li>
 *   <li>view {@code condition_stats}: per condition and metric, over the runs with status 'ok' and a defined
 *       value: n, mean, sd (n − 1 denominator), se = sd/√n, the 95% interval mean ± t(0.975, n − 1)·se, and the
 *       median. It agrees with {@code org.driftlab.results.stats} (DESIGN §8).</li>
 * </ul>
 *
 * <p>Durability: each batch of results ({@code acceptAll}; {@code accept} is a batch of one) is one
 * transaction (the runs rows and their curves together, all or nothing) committed before it returns, so a
 * crash leaves only whole runs, and a failed batch none of its runs; run ids already stored are skipped.
 */
package org.driftlab.results.store;
