package org.driftlab.core.reset;

import java.util.Arrays;
import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskStream;

/**
 * The learner's side of a reset policy (DESIGN §7): it decides the learner-side events (oracle before a
 * step, periodic and shrink-perturb after one), adds the l2-init term to the gradient, and carries out
 * every weight change, including those ordered by the belief (belief-threshold, belief-soft, recall).
 *
 * <p>Targets: INIT is θ₀; PRIOR_MEAN is the mean of the stream's {@link InitDistribution} (μ0·1 for the
 * Gaussian prior; 0 for an MLP's Kaiming-uniform init); FRESH_DRAW draws every coordinate from it with POLICY.
 *
 * <p><b>Continual backprop</b> (Dohare et al. 2024, Algorithm 1; one hidden layer of H units, after the rule's
 * update at step t, h_j = σ(z_j) the unit's activation on step t's example at θ_t, v_j its outgoing weight
 * after the update):
 * <pre>
 *   for every unit j:  a_j ← a_j + 1;   u_j ← η·u_j + (1 − η)·|h_j|·|v_j|          (Eq. 1, one output unit)
 *   n_eligible = #{j : a_j &gt; maturity};   if n_eligible = 0: stop
 *   c ← c + ρ·n_eligible;   k = ⌊c⌋;   c ← c − k
 *   replace the k eligible units of lowest u_j (ties: lowest index), in index order:
 *     unit j's input weights (its row of W, bias included) ← a draw from the init distribution (POLICY),
 *     v_j ← 0,   u_j ← 0,   a_j ← 0,   the rule's state of those entries reset (LearningRule#resetEntries)
 * </pre>
 * The utility is Eq. (1) as printed (no bias correction): the authors' code ranks u_j/(1 − η^{a_j}) instead and
 * also adds the replaced unit's mean contribution to the output bias; neither is done here. ⌊c⌋ with c ≥ 1 is
 * the code's {@code accumulate} variant of Algorithm 1's "if c &gt; 1 replace one". Each step with at least one
 * replacement is one reset event (effective at t + 1). The whole rule state is never reset by this policy.
 *
 * <p>State: the POLICY random stream (fresh draws, perturbations), for recall the weights kept per recurring
 * task (K×d, preallocated), for continual backprop the utilities, ages and c. Confined to one learner; every
 * method except {@link #create} allocates nothing ({@link #copyStateFrom}: see {@code Rng#copyStateFrom}).
 */
public final class ResetPolicy {
    private enum Kind { NONE, PERIODIC, ORACLE, BELIEF, SHRINK_PERTURB, L2_INIT, RECALL, CONTINUAL_BACKPROP }

    private final ResetSpec spec;
    private final Kind kind;
    private final double[] theta0;
    private final InitDistribution prior;
    private final ContinualBackprop cbp;
    private final Rng rng;
    private final ResetTarget target;
    private final boolean resetRuleState;
    private final double[] targetWeights;
    private final double[][] kept;
    private final boolean[] hasKept;

    private ResetPolicy(ResetSpec spec, double[] theta0, InitDistribution prior, int recurringTasks, HiddenLayer hidden, Rng rng) {
        if (prior.dim() != theta0.length) {
            throw new IllegalArgumentException("init distribution has dim " + prior.dim() + " but theta0 has " + theta0.length);
        }
        this.spec = spec;
        this.theta0 = theta0;
        this.prior = prior;
        this.rng = rng;
        this.targetWeights = new double[theta0.length];
        Kind k;
        if (spec instanceof NoResetSpec) {
            k = Kind.NONE;
        } else if (spec instanceof PeriodicResetSpec) {
            k = Kind.PERIODIC;
        } else if (spec instanceof OracleResetSpec) {
            k = Kind.ORACLE;
        } else if (spec instanceof BeliefThresholdSpec || spec instanceof BeliefSoftSpec) {
            k = Kind.BELIEF;
        } else if (spec instanceof ShrinkPerturbSpec) {
            k = Kind.SHRINK_PERTURB; // Ash & Adams keep the optimizer state (its spec has no resetRuleState)
        } else if (spec instanceof L2InitSpec) {
            k = Kind.L2_INIT;
        } else if (spec instanceof RecallSpec) {
            k = Kind.RECALL;
            if (recurringTasks < 2) throw new IllegalArgumentException("recall needs a markov stream with >= 2 tasks, got " + recurringTasks);
        } else if (spec instanceof ContinualBackpropSpec) {
            k = Kind.CONTINUAL_BACKPROP;
            if (hidden == null) {
                throw new IllegalArgumentException("continual-backprop needs an MLP learner (a slowly-changing-regression stream)");
            }
        } else {
            throw new IllegalArgumentException("unknown reset policy " + spec);
        }
        this.kind = k;
        this.target = spec.target();
        this.resetRuleState = spec.resetRuleState();
        this.kept = k == Kind.RECALL ? new double[recurringTasks][theta0.length] : new double[0][];
        this.hasKept = new boolean[kept.length];
        this.cbp = k == Kind.CONTINUAL_BACKPROP ? new ContinualBackprop((ContinualBackpropSpec) spec, hidden, prior) : null;
    }

    /**
     * The policy for {@code spec}. {@code theta0} (the run's initial weights, length d) is kept by reference
     * and never modified; {@code recurringTasks} is K of a markov stream (0 otherwise; recall needs K ≥ 2).
     * The POLICY stream comes from {@code seeds}.
     */
    public static ResetPolicy create(ResetSpec spec, double[] theta0, PriorSpec prior, int recurringTasks, SeedStreams seeds) {
        return new ResetPolicy(spec, theta0, InitDistribution.isotropic(prior, theta0.length), recurringTasks, null,
                seeds.stream(Purpose.POLICY));
    }

    /**
     * The policy for {@code spec} on {@code stream}'s learner: θ₀, the init distribution, the recurring tasks and
     * (for continual backprop) the hidden layer are the stream's; the stream is read, never advanced. The POLICY
     * stream comes from {@code seeds}.
     */
    public static ResetPolicy create(ResetSpec spec, TaskStream stream, SeedStreams seeds) {
        return new ResetPolicy(spec, stream.initialWeights(), stream.initDistribution(), stream.recurringTasks(),
                stream.hiddenLayer(), seeds.stream(Purpose.POLICY));
    }

    public ResetSpec spec() {
        return spec;
    }

    /** Whether a weight reset by this policy also resets the learning rule's state. */
    public boolean resetsRuleState() {
        return resetRuleState;
    }

    /** Oracle: true when the task switched before this step, so the learner resets before it. */
    public boolean resetsBeforeStep(boolean switched) {
        return switched && kind == Kind.ORACLE;
    }

    /** l2-init: g ← g + λ(θ − θ₀) (the rule sees the regularised gradient). {@code theta} not modified. */
    public void regularise(double[] theta, double[] g) {
        if (kind != Kind.L2_INIT) return;
        double lambda = ((L2InitSpec) spec).lambda();
        for (int i = 0; i < g.length; i++) g[i] += lambda * (theta[i] - theta0[i]);
    }

    /** {@link #afterStep(long, double[], LearningRule)} without a rule (not for continual backprop). */
    public boolean afterStep(long step, double[] theta) {
        return afterStep(step, theta, null);
    }

    /**
     * The learner-side event after step {@code step} (0-based) has updated θ: periodic resets after steps
     * period − 1, 2·period − 1, …; shrink-perturb θ ← λθ + σε after steps every − 1, 2·every − 1, …;
     * continual backprop every step (class comment), resetting the replaced entries of {@code rule}'s state.
     * Modifies {@code theta} (and {@code rule}'s state for continual backprop); returns true when it changed θ.
     */
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        if (kind == Kind.CONTINUAL_BACKPROP) {
            if (rule == null) throw new IllegalStateException("continual-backprop needs the learning rule to reset replaced entries");
            return cbp.afterStep(theta, rule, rng) > 0;
        }
        if (kind == Kind.PERIODIC) {
            if ((step + 1) % ((PeriodicResetSpec) spec).period() != 0) return false;
            reset(theta, 1.0);
            return true;
        }
        if (kind == Kind.SHRINK_PERTURB) {
            ShrinkPerturbSpec sp = (ShrinkPerturbSpec) spec;
            if ((step + 1) % sp.every() != 0) return false;
            double lambda = sp.lambda();
            double sigma = sp.sigma();
            for (int i = 0; i < theta.length; i++) {
                double e = sigma == 0 ? 0 : rng.nextGaussian();
                theta[i] = lambda * theta[i] + sigma * e;
            }
            return true;
        }
        return false;
    }

    /**
     * θ ← θ + fraction·(θ_reset − θ) with θ_reset the policy's target: the initial weights, the mean of the init
     * distribution (μ0·1 for the Gaussian prior), or a fresh draw from it (POLICY stream, one draw per
     * non-point-mass coordinate). A full reset (fraction 1) sets θ to the
     * target exactly. Modifies {@code theta}; the caller resets the rule's state when {@link #resetsRuleState}.
     */
    public void reset(double[] theta, double fraction) {
        switch (target) {
            case INIT:
                System.arraycopy(theta0, 0, targetWeights, 0, targetWeights.length);
                break;
            case PRIOR_MEAN:
                for (int i = 0; i < targetWeights.length; i++) targetWeights[i] = prior.mean(i);
                break;
            case FRESH_DRAW:
                for (int i = 0; i < targetWeights.length; i++) targetWeights[i] = prior.draw(i, rng);
                break;
            default:
                throw new IllegalStateException("unknown target " + target);
        }
        if (fraction == 1.0) {
            System.arraycopy(targetWeights, 0, theta, 0, theta.length);
        } else {
            for (int i = 0; i < theta.length; i++) theta[i] += fraction * (targetWeights[i] - theta[i]);
        }
    }

    /**
     * Recall: keeps θ as the weights of task {@code assumed}, then loads those kept for {@code recalled}
     * (the initial weights when none were kept yet). Modifies {@code theta}.
     */
    public void recall(double[] theta, int assumed, int recalled) {
        if (kind != Kind.RECALL) throw new IllegalStateException("recall ordered but the reset policy is " + spec);
        if (assumed < 0 || assumed >= kept.length || recalled < 0 || recalled >= kept.length || assumed == recalled) {
            throw new IllegalArgumentException("recall needs two distinct tasks in [0, " + kept.length + "), got " + assumed + " -> " + recalled);
        }
        System.arraycopy(theta, 0, kept[assumed], 0, theta.length);
        hasKept[assumed] = true;
        System.arraycopy(hasKept[recalled] ? kept[recalled] : theta0, 0, theta, 0, theta.length);
    }

    /** Makes this policy (of an equal spec and shape) continue exactly as {@code other}: rng, kept weights. */
    public void copyStateFrom(ResetPolicy other) {
        if (!other.spec.equals(spec) || other.kept.length != kept.length || other.targetWeights.length != targetWeights.length) {
            throw new IllegalArgumentException("cannot copy the state of a reset policy of another spec");
        }
        rng.copyStateFrom(other.rng);
        for (int k = 0; k < kept.length; k++) {
            System.arraycopy(other.kept[k], 0, kept[k], 0, kept[k].length);
        }
        System.arraycopy(other.hasKept, 0, hasKept, 0, hasKept.length);
        if (cbp != null) cbp.copyStateFrom(other.cbp);
    }

    /** Continual backprop's state (tests), or null for other policies. */
    ContinualBackprop continualBackprop() {
        return cbp;
    }
}
