package org.driftlab.core.sim;

import org.driftlab.core.metrics.RunAccumulator;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.reset.ResetContext;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetPolicy;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.TaskStream;

/**
 * The learner side of one run (DESIGN §9): owns θ, the rule's state, the stream cursor, the learner-side
 * reset policies (periodic, oracle, shrink-perturb, l2-init) and the metrics. Advances in chunks; each
 * step writes its evidence for the belief. Confined to one thread; {@link #copyStateFrom} of a second
 * learner of the same spec is a checkpoint for rollback ({@link OptimisticLearner}).
 *
 * <p>Step t (0-based): (a) the stream advances, switching before t (never before step 0); a policy may reset
 * θ before the step ({@link ResetPolicy#beforeStep}); (b) the noisy gradient g at θ_t is observed and
 * L_t(θ_t) and its excess are computed (a loss that is not finite ends the run as diverged at t, step t not
 * counted); (c) the evidence is written; (d) a reset decided from this
 * observation acts before the update (the timing contract, DESIGN §7): a belief order for step t
 * ({@link #runResetStep}) or the policy's own ({@link ResetPolicy#beforeUpdate}, the causal oracle) replaces θ_t
 * by the reset weights and g is re-evaluated there with the same sample and noise draw
 * ({@link TaskStream#reobserveGradient}); (e) the rule steps with g (plus λ(θ − θ₀) under
 * l2-init); if θ or the squared move |Δθ|² is then not finite the run has diverged at t and stops, step t not
 * counted; (f) the step
 * is recorded (with an MLP learner also its hidden activations, for the plasticity metrics) and the
 * learner-side policy acts after it (periodic, shrink-perturb, continual backprop). The snapshot-residual
 * evidence is written with the weights as they were at the start or right after the latest reset.
 */
public final class Learner {
    private final RunSpec spec;
    private final TaskStream stream;
    private final LearningRule rule;
    private final ResetPolicy policy;
    private final RunAccumulator metrics;
    private final HiddenLayer hiddenLayer; // null unless the learner is an MLP
    private final EvidenceKind evidenceKind;
    private final int width;
    private final double[] theta;
    private final double[] g;
    private final double[] gRule;
    private final double[] thetaBefore;
    // a rollback checkpoint only holds state: it shares g, gRule and thetaBefore (pure per-step scratch) with
    // the learner it was made from and refuses to run (see checkpoint())
    private final boolean holdsStateOnly;
    private ResetOrder pending; // a belief order for step `next`, carried out by the step it names
    // the weights frozen at the start and after each reset, for the snapshot-residual evidence (else null)
    private final double[] snapshot;
    private long next;
    private boolean diverged;
    // the latest completed step, for per-step observers (meaningful in lockstep)
    private double lastLoss = Double.NaN;
    private double lastExcess = Double.NaN;
    private int lastTask;
    private boolean lastReset;

    private Learner(RunSpec spec) {
        this(spec, TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed())), null);
    }

    // scratchOwner: null for a runnable learner; else the learner whose scratch this state-only copy shares
    private Learner(RunSpec spec, TaskStream stream, Learner scratchOwner) {
        this.spec = spec;
        SeedStreams seeds = SeedStreams.of(spec.masterSeed(), spec.seed());
        this.stream = stream;
        int d = stream.dim();
        this.rule = spec.rule().newRule(d, spec.dt());
        this.policy = spec.reset().newPolicy(ResetContext.of(stream, seeds));
        this.hiddenLayer = stream.hiddenLayer();
        this.metrics = hiddenLayer == null
                ? new RunAccumulator(spec.metrics(), spec.steps(), spec.dt())
                : new RunAccumulator(
                        spec.metrics(),
                        spec.steps(),
                        spec.dt(),
                        hiddenLayer.layout().hidden(),
                        ((SlowlyChangingRegressionStreamSpec) spec.stream()).activationWindow());
        this.evidenceKind = RunChecks.evidenceKind(spec.belief());
        this.width = stream.evidenceWidth(evidenceKind);
        this.theta = stream.initialWeights().clone();
        this.holdsStateOnly = scratchOwner != null;
        this.g = holdsStateOnly ? scratchOwner.g : new double[d];
        this.gRule = holdsStateOnly ? scratchOwner.gRule : new double[d];
        this.thetaBefore = holdsStateOnly ? scratchOwner.thetaBefore : new double[d];
        this.snapshot = evidenceKind.usesSnapshot() ? theta.clone() : null;
    }

    /**
     * A learner at step 0 with its initial weights drawn (or pinned) as the spec says. The spec's blocks fit
     * together: that was checked once, when its config loaded.
     */
    public static Learner start(RunSpec spec) {
        return new Learner(spec);
    }

    /**
     * A learner of the same spec in exactly this learner's state, sharing the stream's immutable parts (θ₀,
     * H and its basis, recurring optima) rather than drawing and decomposing them again: the cheap way to
     * build a rollback checkpoint (then kept current with {@link #copyStateFrom}).
     */
    public Learner twin() {
        Learner copy = new Learner(spec, stream.twin(), null);
        copy.copyStateFrom(this);
        return copy;
    }

    /**
     * As {@link #twin()}, but the copy only holds state (a rollback checkpoint, {@link OptimisticLearner}): it
     * shares this learner's per-step scratch (the gradient, the rule's gradient, θ before the move) and its
     * stream's scratch and observation caches ({@link TaskStream#stateTwin()}), which no state copy reads, and
     * so saves 11 × d doubles with a quadratic stream; running it throws IllegalStateException. Use it only
     * with {@link #copyStateFrom} in either direction.
     */
    Learner checkpoint() {
        Learner copy = new Learner(spec, stream.stateTwin(), this);
        copy.copyStateFrom(this);
        return copy;
    }

    /** The spec this learner runs. */
    public RunSpec spec() {
        return spec;
    }

    /** Index of the next step to run (0-based); equals the number of steps run. */
    public long nextStep() {
        return next;
    }

    /** True when all steps ran or the weights diverged. */
    public boolean finished() {
        return diverged || next >= spec.steps();
    }

    /** Doubles of evidence each step writes (0 when the run has no belief). */
    public int evidenceWidth() {
        return width;
    }

    /**
     * Runs up to {@code maxSteps} steps (fewer at the end of the stream or on divergence) and writes step
     * j's evidence at {@code evidence[j·width …]}. Returns the number of steps run. Allocates nothing
     * (apart from the rare growth of the switch/reset logs, see {@link RunAccumulator}).
     */
    public int runChunk(int maxSteps, double[] evidence) {
        return runChunk(maxSteps, evidence, 0);
    }

    /**
     * As {@link #runChunk(int, double[])}, writing step j's evidence at {@code evidence[offset + j·width …]}
     * (so a chunk can be run in segments into one buffer).
     */
    public int runChunk(int maxSteps, double[] evidence, int offset) {
        if (holdsStateOnly) throw new IllegalStateException("a rollback checkpoint holds state only and cannot run");
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        if (offset + (long) maxSteps * width > evidence.length) {
            throw new IllegalArgumentException("evidence must hold " + offset + " + " + maxSteps + " x " + width
                    + " doubles, got " + evidence.length);
        }
        int d = theta.length;
        int n = 0;
        // thetaBefore equals θ at every step's start and after every reset (a reset's jump is measured against
        // it, J_total); the update's move refreshes it in the same pass that measures the move
        System.arraycopy(theta, 0, thetaBefore, 0, d);
        while (n < maxSteps && !finished()) {
            long t = next;
            lastReset = false;
            boolean switched = stream.advance();
            if (switched) metrics.recordSwitch(t);
            if (policy.beforeStep(t, switched, theta)) {
                if (policy.resetsRuleState()) rule.reset();
                metrics.recordReset(t, jumpSquared());
                lastReset = true;
                freezeSnapshot();
                System.arraycopy(theta, 0, thetaBefore, 0, d);
            }
            stream.observeGradient(theta, g);
            double loss = stream.loss(theta);
            double excess = loss - stream.minLoss();
            if (!Double.isFinite(loss)) { // weights finite, but too far out for their loss to be a number
                diverged = true;
                metrics.recordDivergence(t);
                break;
            }
            stream.writeEvidence(evidenceKind, snapshot != null ? snapshot : theta, g, evidence, offset + n * width);
            boolean resetBeforeUpdate;
            if (pending != null) {
                policy.apply(pending, theta);
                pending = null;
                resetBeforeUpdate = true;
            } else {
                resetBeforeUpdate = policy.beforeUpdate(t, switched, theta);
            }
            if (resetBeforeUpdate) {
                stream.reobserveGradient(thetaBefore, theta, g);
                if (policy.resetsRuleState()) rule.reset();
                metrics.recordReset(t, jumpSquared());
                lastReset = true;
                freezeSnapshot();
                System.arraycopy(theta, 0, thetaBefore, 0, d); // the move is the update's, from the reset weights
            }
            System.arraycopy(g, 0, gRule, 0, d);
            policy.regularise(theta, gRule);
            rule.step(theta, gRule, stream);
            double move = 0;
            boolean finite = true;
            for (int i = 0; i < d; i++) {
                double v = theta[i];
                if (!Double.isFinite(v)) finite = false;
                double delta = v - thetaBefore[i];
                move += delta * delta;
                thetaBefore[i] = v;
            }
            if (!finite || !Double.isFinite(move)) { // |Δθ|² enters the objective J: an overflow there diverges too
                diverged = true;
                metrics.recordDivergence(t);
                break;
            }
            metrics.recordStep(t, loss, excess, move);
            if (hiddenLayer != null) metrics.recordHidden(t, hiddenLayer.activations());
            lastLoss = loss;
            lastExcess = excess;
            lastTask = stream.task();
            if (policy.afterStep(t, theta, rule)) {
                if (policy.resetsRuleState()) rule.reset();
                metrics.recordReset(t + 1, jumpSquared());
                lastReset = true;
                freezeSnapshot();
                System.arraycopy(theta, 0, thetaBefore, 0, d);
            }
            next++;
            n++;
        }
        return n;
    }

    /**
     * Runs step s = {@code order.step()}, which must be {@link #nextStep()}, with the belief-ordered reset acting
     * after its observation and before its update (class comment, (d)): the policy carries the order out (a
     * recall order keeps θ for the assumed task and loads the recalled task's; otherwise θ moves the order's
     * fraction of the way to the policy's target) and the rule's state is reset unless the policy says not
     * to. Step s's evidence is written at {@code evidence[offset …]} (the same values as without the reset).
     * Returns the number of steps run (0 when the run had already finished).
     */
    public int runResetStep(ResetOrder order, double[] evidence, int offset) {
        if (order.step() != next) {
            throw new IllegalArgumentException(
                    "reset ordered for step " + order.step() + " but the learner is before step " + next);
        }
        pending = order;
        int ran = runChunk(1, evidence, offset);
        pending = null;
        return ran;
    }

    /** |θ − thetaBefore|²: the jump of a reset, thetaBefore holding θ from just before it (for J_total). */
    private double jumpSquared() {
        double s = 0;
        for (int i = 0; i < theta.length; i++) {
            double delta = theta[i] - thetaBefore[i];
            s += delta * delta;
        }
        return s;
    }

    private void freezeSnapshot() {
        if (snapshot != null) System.arraycopy(theta, 0, snapshot, 0, theta.length);
    }

    /**
     * Makes this learner (of the same spec) an exact twin of {@code other}: weights, rule, stream (with its
     * random generators), policy (its generator and kept recall weights), metrics. Allocates nothing (a
     * generator that drew 32-bit ints copies through an allocated state, see {@code Rng#copyStateFrom}).
     */
    public void copyStateFrom(Learner other) {
        if (other.spec != spec && !other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot copy the state of a learner of another run spec");
        }
        System.arraycopy(other.theta, 0, theta, 0, theta.length);
        if (snapshot != null) System.arraycopy(other.snapshot, 0, snapshot, 0, snapshot.length);
        rule.copyStateFrom(other.rule);
        stream.copyStateFrom(other.stream);
        policy.copyStateFrom(other.policy);
        metrics.copyStateFrom(other.metrics);
        next = other.next;
        pending = other.pending;
        diverged = other.diverged;
        lastLoss = other.lastLoss;
        lastExcess = other.lastExcess;
        lastTask = other.lastTask;
        lastReset = other.lastReset;
    }

    /** The result so far; normally called once {@link #finished()}. Allocates. */
    public RunResult result(long wallNanos, String node) {
        return new RunResult(
                spec.runId(),
                spec.conditionId(),
                spec.seed(),
                metrics.finish(stream.distanceToOptimum(theta)),
                wallNanos,
                node);
    }

    /** True when the weights diverged (then {@link #nextStep()} is the step that diverged, not counted). */
    boolean diverged() {
        return diverged;
    }

    // --- the latest completed step, for per-step observers (package-private: Simulation) ---

    double lastLoss() {
        return lastLoss;
    }

    double lastExcessLoss() {
        return lastExcess;
    }

    int lastTask() {
        return lastTask;
    }

    boolean lastStepReset() {
        return lastReset;
    }

    /** The current weights. Do not modify. */
    double[] theta() {
        return theta;
    }
}
