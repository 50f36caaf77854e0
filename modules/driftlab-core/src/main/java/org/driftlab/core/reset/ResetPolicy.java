package org.driftlab.core.reset;

import java.util.Arrays;
import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.PriorSpec;

/**
 * The learner's side of a reset policy (DESIGN §7): it decides the learner-side events (oracle before a
 * step, periodic and shrink-perturb after one), adds the l2-init term to the gradient, and carries out
 * every weight change, including those ordered by the belief (belief-threshold, belief-soft, recall).
 *
 * <p>State: the POLICY random stream (fresh draws, perturbations) and, for recall, the weights kept per
 * recurring task (K×d, preallocated). Confined to one learner; every method except {@link #create} and
 * {@link #copyStateFrom} (the generator's state copy) allocates nothing.
 */
public final class ResetPolicy {
    private enum Kind { NONE, PERIODIC, ORACLE, BELIEF, SHRINK_PERTURB, L2_INIT, RECALL }

    private final ResetSpec spec;
    private final Kind kind;
    private final double[] theta0;
    private final PriorSpec prior;
    private final Rng rng;
    private final ResetTarget target;
    private final boolean resetRuleState;
    private final double[] targetWeights;
    private final double[][] kept;
    private final boolean[] hasKept;

    private ResetPolicy(ResetSpec spec, double[] theta0, PriorSpec prior, int recurringTasks, Rng rng) {
        this.spec = spec;
        this.theta0 = theta0;
        this.prior = prior;
        this.rng = rng;
        this.targetWeights = new double[theta0.length];
        ResetTarget t = ResetTarget.INIT;
        boolean ruleState = false;
        Kind k;
        if (spec instanceof NoResetSpec) {
            k = Kind.NONE;
        } else if (spec instanceof PeriodicResetSpec p) {
            k = Kind.PERIODIC;
            t = p.target();
            ruleState = p.resetRuleState();
        } else if (spec instanceof OracleResetSpec o) {
            k = Kind.ORACLE;
            t = o.target();
            ruleState = o.resetRuleState();
        } else if (spec instanceof BeliefThresholdSpec b) {
            k = Kind.BELIEF;
            t = b.target();
            ruleState = b.resetRuleState();
        } else if (spec instanceof BeliefSoftSpec b) {
            k = Kind.BELIEF;
            t = b.target();
            ruleState = b.resetRuleState();
        } else if (spec instanceof ShrinkPerturbSpec) {
            k = Kind.SHRINK_PERTURB; // Ash & Adams keep the optimizer state
        } else if (spec instanceof L2InitSpec) {
            k = Kind.L2_INIT;
        } else if (spec instanceof RecallSpec r) {
            k = Kind.RECALL;
            ruleState = r.resetRuleState();
            if (recurringTasks < 2) throw new IllegalArgumentException("recall needs a markov stream with >= 2 tasks, got " + recurringTasks);
        } else {
            throw new IllegalArgumentException("unknown reset policy " + spec);
        }
        this.kind = k;
        this.target = t;
        this.resetRuleState = ruleState;
        this.kept = k == Kind.RECALL ? new double[recurringTasks][theta0.length] : new double[0][];
        this.hasKept = new boolean[kept.length];
    }

    /**
     * The policy for {@code spec}. {@code theta0} (the run's initial weights, length d) is kept by reference
     * and never modified; {@code recurringTasks} is K of a markov stream (0 otherwise; recall needs K ≥ 2).
     * The POLICY stream comes from {@code seeds}.
     */
    public static ResetPolicy create(ResetSpec spec, double[] theta0, PriorSpec prior, int recurringTasks, SeedStreams seeds) {
        return new ResetPolicy(spec, theta0, prior, recurringTasks, seeds.stream(Purpose.POLICY));
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

    /**
     * The learner-side event after step {@code step} (0-based) has updated θ: periodic resets after steps
     * period − 1, 2·period − 1, …; shrink-perturb θ ← λθ + σε after steps every − 1, 2·every − 1, ….
     * Modifies {@code theta}; returns true when it acted.
     */
    public boolean afterStep(long step, double[] theta) {
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
     * θ ← θ + fraction·(θ_reset − θ) with θ_reset the policy's target: the initial weights, the prior mean
     * μ0·1, or a fresh draw from the prior (POLICY stream, d draws). A full reset (fraction 1) sets θ to the
     * target exactly. Modifies {@code theta}; the caller resets the rule's state when {@link #resetsRuleState}.
     */
    public void reset(double[] theta, double fraction) {
        switch (target) {
            case INIT:
                System.arraycopy(theta0, 0, targetWeights, 0, targetWeights.length);
                break;
            case PRIOR_MEAN:
                Arrays.fill(targetWeights, prior.mean());
                break;
            case FRESH_DRAW:
                for (int i = 0; i < targetWeights.length; i++) targetWeights[i] = prior.mean() + prior.std() * rng.nextGaussian();
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
    }
}
