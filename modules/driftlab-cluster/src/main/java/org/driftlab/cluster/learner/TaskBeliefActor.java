package org.driftlab.cluster.learner;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.sim.BeliefMonitor;
import org.driftlab.core.spec.RunSpec;

/**
 * The belief side of one run, a child of its {@link LearnerEntity} (same JVM, moves and stops with it). Owns
 * the core {@link BeliefMonitor}: consumes each chunk's evidence in order and answers with the first reset it
 * orders, after which it has consumed nothing more, so the entity's next chunk starts right after that step.
 * A monitor failure (an exception) stops this actor; the entity watches it and fails the run.
 */
public final class TaskBeliefActor extends AbstractBehavior<TaskBeliefActor.Command> {

    /** What the belief actor accepts. */
    public sealed interface Command extends WireMessage permits Consume {}

    /**
     * The evidence of steps {@code firstStep … firstStep + steps − 1}, {@code width} doubles per step as the
     * learner wrote them, at {@code evidence[0 … steps·width)} (the array may be longer: it is the learner's
     * chunk buffer).
     *
     * <p>Hand-back contract: the array is <em>lent</em>, not handed off. The sender does not touch it until it
     * receives the {@link Verdict} for this chunk; the belief reads it only while handling this message and
     * never keeps a reference after sending the Verdict. This saves a chunk-sized copy per chunk, and is sound
     * only because the belief actor is a co-located child of the entity (the message never crosses nodes; if
     * it did, Kryo would copy the array anyway). Records holding arrays compare by identity (STYLE C6).
     */
    public record Consume(long firstStep, int steps, int width, double[] evidence, ActorRef<Verdict> replyTo)
            implements Command {
        public Consume {
            if (firstStep < 0) throw new IllegalArgumentException("firstStep must be >= 0, got " + firstStep);
            if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            if (width < 0) throw new IllegalArgumentException("width must be >= 0, got " + width);
            if (evidence == null) throw new IllegalArgumentException("evidence must not be null");
            if ((long) steps * width > evidence.length) {
                throw new IllegalArgumentException("evidence must hold steps x width = " + steps + " x " + width
                        + " doubles, got " + evidence.length);
            }
            if (replyTo == null) throw new IllegalArgumentException("replyTo must not be null");
        }
    }

    /**
     * The answer to a {@link Consume}: the first reset the belief ordered within the chunk, or {@code reset}
     * null when none (then all {@code steps} were consumed).
     */
    public record Verdict(long firstStep, int steps, ResetOrder reset) implements WireMessage {}

    private final BeliefMonitor monitor;
    private long expectedStep;

    /** A belief actor for {@code spec}, expecting step 0 first. */
    public static Behavior<Command> create(RunSpec spec) {
        return Behaviors.setup(ctx -> new TaskBeliefActor(ctx, BeliefMonitor.start(spec)));
    }

    private TaskBeliefActor(ActorContext<Command> ctx, BeliefMonitor monitor) {
        super(ctx);
        this.monitor = monitor;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Consume.class, this::onConsume).build();
    }

    private Behavior<Command> onConsume(Consume c) {
        if (c.firstStep() != expectedStep) {
            // the entity's chunk bookkeeping and ours disagree: continuing would silently break determinism
            throw new IllegalStateException(
                    "belief expected step " + expectedStep + " but got a chunk from " + c.firstStep());
        }
        if (c.width() != monitor.width()) {
            throw new IllegalStateException(
                    "belief consumes " + monitor.width() + " doubles per step but the chunk has " + c.width());
        }
        // c.evidence() is lent by the entity: read here only, never kept (see Consume)
        ResetOrder order = monitor.consume(c.firstStep(), c.steps(), c.evidence());
        expectedStep = order == null ? c.firstStep() + c.steps() : order.step() + 1;
        c.replyTo().tell(new Verdict(c.firstStep(), c.steps(), order));
        return this;
    }
}
