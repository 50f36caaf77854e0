/**
 * Seeded random streams (DESIGN §3). Every draw of a run comes from a stream keyed by (master seed, seed
 * index, purpose) — purposes TASKS (switch times, optima, rotations), NOISE (gradient and data noise), INIT
 * (initial weights), POLICY (reset draws) — via SHA-256 of the key into xoshiro256++ state
 * ({@link org.driftlab.core.random.SeedStreams}). Streams can copy each other's state exactly
 * ({@link org.driftlab.core.random.Rng#copyStateFrom}), which chunked execution with rollback needs, so a run's
 * results are bit-identical however it is scheduled.
 */
package org.driftlab.core.random;
