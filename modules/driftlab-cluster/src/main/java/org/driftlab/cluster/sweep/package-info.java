/**
 * Sweeps over the cluster (DESIGN §2, §9): the {@link org.driftlab.cluster.sweep.SweepCoordinator} cluster
 * singleton, the submitter-side {@link org.driftlab.cluster.sweep.SweepSubmitter}, and the facade the CLI
 * wires: {@link org.driftlab.cluster.sweep.EmbeddedCluster} ({@code driftlab run}),
 * {@link org.driftlab.cluster.sweep.DriftlabNode#worker} ({@code driftlab node}),
 * {@link org.driftlab.cluster.sweep.DriftlabNode#client} ({@code driftlab submit}) and
 * {@link org.driftlab.cluster.sweep.SweepClient}.
 *
 * <p>Flow control is pull-based end to end, so memory stays bounded for any sweep size: the coordinator
 * has at most {@code in-flight-per-node × nodes} runs computing (dispatched, not yet answered) and pulls specs
 * from the submitter only to refill that window; a slot frees when the run is answered. The submitter stores
 * answers in group commits ({@code store-batch-size}, {@code store-batch-delay}: one store transaction per
 * batch) and acknowledges each only after its batch is committed; answered runs not yet acknowledged are
 * bounded per sweep by the limit the submitter announces ({@code 2 × store-batch-size}): a sweep at its limit
 * gets no new runs, so a slow store throttles its sweep. Each entity acknowledges a dispatch ({@code Started}, with its node). Runs are re-dispatched when
 * the entity was stopped ({@code Interrupted}), when a member is removed (the runs started there and those
 * not yet acknowledged), when a dispatch is not acknowledged within {@code start-timeout} (a message lost in
 * the race between a node's removal and its region's), or after {@code run-timeout}. Results are taken once
 * per run id; later copies are dropped. Determinism (DESIGN §3)
 * makes any re-dispatch give the identical result.
 *
 * <p>The submitter is the source of truth: it keeps the runs handed out but not stored, and re-queues them
 * when a new coordinator incarnation (the singleton moved after its node left) pulls, so a sweep survives
 * the loss of the coordinator's node too. A sweep whose submitter's node is removed (a client that
 * crashed or was killed) is dropped: its runs in flight and its outstanding pull stop counting against the
 * window, so its slots go to the other sweeps; a client's removal re-dispatches nothing.
 */
package org.driftlab.cluster.sweep;
