/**
 * Validated experiment specs and the config loader (DESIGN §1–3; STYLE C10.1).
 *
 * <p>{@link org.driftlab.core.spec.SweepLoader} maps a HOCON experiment file onto the spec records of the
 * stream, rule, belief, reset and metrics packages, expands its {@code sweep} grid into conditions × seeds,
 * and gives each condition and run a deterministic id: the first 16 hex digits of SHA-256 of the condition's
 * canonical resolved config (defaults filled in, keys sorted, numbers normalised), and of that text plus
 * {@code "|seed=" + seed} for a run ({@link org.driftlab.core.spec.ConditionIds}). Every mistake in a config
 * is collected, with file, line and key, into one {@link org.driftlab.core.spec.ConfigProblems}. The schema is
 * declared once ({@link org.driftlab.core.spec.ConfigSchema}: each block's keys with type, unit, default, range and
 * doc, and the cross-block {@link org.driftlab.core.spec.CompatibilityRules}); the readers, docs/CONFIG.md and
 * {@code driftlab help config} follow from it.
 */
package org.driftlab.core.spec;
