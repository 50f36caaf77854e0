/**
 * Reset policies (DESIGN §7): none, periodic(T), oracle (causal), oracle-prescient, belief-threshold(τ, w), belief-soft(τ, w),
 * shrink-perturb(λ, σ, every) (Ash &amp; Adams 2020), l2-init(λ) (Kumar et al.), recall (HMM),
 * continual-backprop(ρ, maturity, η) (Dohare et al. 2024, Algorithm 1 with the contribution utility of Eq. 1,
 * u_j ← η u_j + (1 − η)|h_j| Σ_k |w_jk|; see {@code ContinualBackprop} for the exact variant).
 *
 * <p>A reset moves θ ← θ + p(θ_reset − θ) (p = 1 for a full reset, p = p_change for belief-soft) toward the
 * initial weights, the prior mean μ0·1 or a fresh draw from N(μ0·1, σ0²I) (for an MLP learner: the mean 0 or a
 * draw of its Kaiming-uniform init distribution), or, for belief-driven policies with a Gaussian BOCPD, the new
 * run's posterior mean of the optimum, which the belief computes and sends with its order; shrink-perturb sets
 * θ ← λθ + σε; l2-init adds λ(θ − θ₀) to the gradient the rule sees. Each {@link org.driftlab.core.reset.ResetSpec}
 * builds its {@link org.driftlab.core.reset.ResetPolicy}, one class per policy holding its decision (from the
 * belief, for belief-threshold, belief-soft and recall) and its action on the learner's side, at discrete
 * events only, so chunked execution stays exact (§9). A new policy is one spec, one policy class, one reader
 * entry and one test (a subclass of the policy contract test).
 */
package org.driftlab.core.reset;
