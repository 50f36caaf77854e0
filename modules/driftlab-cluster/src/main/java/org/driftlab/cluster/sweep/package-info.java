/**
 * Sweeps over the cluster (DESIGN §2, §9): the {@link org.driftlab.cluster.sweep.SweepCoordinator} cluster
 * singleton, the submitter-side {@link org.driftlab.cluster.sweep.SweepSubmitter}, and the facade the CLI
 * wires: {@link org.driftlab.cluster.sweep.EmbeddedCluster} ({@code driftlab run}),
 * {@link org.driftlab.cluster.sweep.DriftlabNode#worker} ({@code driftlab node}),
 * {@link org.driftlab.cluster.sweep.DriftlabNode#client} ({@code driftlab submit}) and
 * {@link org.driftlab.cluster.sweep.SweepClient}.
 *
 * <p>Flow control is pull-based end to end, so memory stays bounded for any sweep size: the coordinator
 * has at most {@code in-flight-per-node × reachable worker nodes} runs computing (dispatched, not yet answered)
 * and pulls specs from the submitter only to refill that window. Entities answer the submitter directly (the
 * coordinator dispatches each run with the submitter's reply address), so storing never waits for the
 * coordinator; the submitter reports each run's start (with the node's incarnation, host:port#uid),
 * interruption and answer to the coordinator that handed it out, and a slot frees at the answer. The
 * submitter stores answers in group commits ({@code store-batch-size}, {@code store-batch-delay}: one store
 * transaction per batch) and acknowledges each only after its batch is committed; answered runs not yet
 * acknowledged are bounded per sweep by the limit the submitter announces ({@code 2 × store-batch-size}): a
 * sweep at its limit gets no new runs, so a slow store throttles its sweep. Runs are dispatched again when the
 * entity was stopped ({@code Interrupted}), when their worker becomes unreachable (under another routing key,
 * to a shard homed on a reachable worker: a cut-off node holds no slot), when a worker is removed, when a
 * start is not reported within {@code start-timeout}, or after {@code run-timeout}. The submitter keeps the
 * first answer of each run and drops later ones; determinism (DESIGN §3) makes any re-dispatch give the
 * identical result.
 *
 * <p>The submitter is the source of truth. It registers with the receptionist, so a new coordinator
 * incarnation (the singleton moved after its node left) finds it and has it announce its sweep; it watches
 * the coordinators it handed runs to and queues again the unanswered runs of one that stops. The coordinator
 * watches each sweep's submitter: a sweep whose submitter stops or whose node is removed (a client that
 * crashed or was killed) is dropped, its runs in flight and its outstanding pull stop counting against the
 * window, and its slots go to the other sweeps.
 */
package org.driftlab.cluster.sweep;
