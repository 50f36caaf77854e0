/**
 * Task streams: landscapes that shift (DESIGN §4) and the evidence they give the task belief (DESIGN §6).
 *
 * <ul>
 *   <li>quadratic: L(θ) = ½(θ − w*)ᵀH(θ − w*), H = diag(λ) or Q diag(λ) Qᵀ with Q Haar-random (QR of a
 *       Gaussian matrix, signs fixed by R's diagonal); observation g = H(θ − w*) + σ_g ε.</li>
 *   <li>linear regression: x ~ N(0, I), y = w*·x + σ_y ε, minibatches of B; g = (1/B) Σ (θ·x − y) x;
 *       expected loss ½|θ − w*|² + ½σ_y², excess ½|θ − w*|²; as a task view H = I, noise σ_y²/B.</li>
 *   <li>slowly-changing regression (Dohare et al. 2024): x = (f flipping bits, m − f random bits, 1); target
 *       y = Σ_k u_k·1[Σ_i V_ki x_i &gt; (m + 1)β − S_k] of a fixed random network with ±1 weights (S_k: unit k's
 *       negative input weights); the learner is a one-hidden-layer MLP (flat θ: {@link
 *       org.driftlab.core.stream.MlpLayout}), loss ½(ŷ − y)² of each step's example, gradient by backprop;
 *       initial weights Kaiming-uniform ({@link org.driftlab.core.stream.InitDistribution}); a task switch is a
 *       flip event (f bits redrawn, or one flipped).</li>
 *   <li>switching: none; hazard ρ (geometric task durations); periodic T; markov over K recurring tasks
 *       (stay with 1 − ρ, else uniform over the others); drift w ← w + r(μ0 − w) + s ε (Ornstein–Uhlenbeck).
 *       New optima w* ~ N(μ0·1, σ0²I), the initial-weight distribution, unless pinned.</li>
 *   <li>evidence ({@link org.driftlab.core.stream.EvidenceKind}): z = θ − H⁻¹g ~ N(w*, σ_g²H⁻²) in the
 *       eigenbasis, Qᵀ(z − μ0·1) ~ N(Qᵀ(w* − μ0·1), σ_g²Λ⁻²) when rotated (diagonal noise, isotropic
 *       prior); the scalar loss ½gᵀH⁻¹g (quadratic) or the minibatch loss; the samples (x, y).</li>
 * </ul>
 */
package org.driftlab.core.stream;
