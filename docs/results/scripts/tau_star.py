#!/usr/bin/env python3
"""The predicted expected-loss-optimal reset threshold of docs/RESULTS.md ("τ*: the expected-loss-optimal threshold"),
for experiment 3's stream (dim 16, eigenvalues log-spaced in [0.1, 10], σ0 = 1): A(d) per rule and hazard, the
threshold 1 / (1 + A(d)), and the evidence B(d) that a switch gives after d observations. Math only: no simulation.

    python3 docs/results/scripts/tau_star.py
"""
import math

H = [0.1 * 100 ** (i / 15) for i in range(16)]
RULES = {  # per-mode contraction q_i of one update
    "sgd lr 0.1": [1 - 0.1 * h for h in H],
    "sgd lr 0.03": [1 - 0.03 * h for h in H],
    "sgd lr 0.01": [1 - 0.01 * h for h in H],
    "optimal-control γ = 10, dt = 1": [math.exp(-(math.sqrt(25 + h) - 5)) for h in H],
}


def advantage(q, rho, d):
    """A(d) = Σ C_i (2 q_i^{2d} − 1) / Σ C_i, C_i = h_i / (2 (1 − (1 − ρ) q_i²))."""
    c = [h / (2 * (1 - (1 - rho) * qi * qi)) for h, qi in zip(H, q)]
    return sum(ci * (2 * qi ** (2 * d) - 1) for ci, qi in zip(c, q)) / sum(c)


def evidence(d, sigma_g):
    """B(d) = Σ_i [d SNR_i² − ½ log(1 + d SNR_i²)], SNR_i = σ0 h_i / σ_g."""
    return sum(d * (h / sigma_g) ** 2 - 0.5 * math.log(1 + d * (h / sigma_g) ** 2) for h in H)


if __name__ == "__main__":
    print("| rule | ρ | A(0) | A(1) | A(2) | A(3) | τ*(d = 0, 1, 2, 3) | last d with A(d) > 0 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, q in RULES.items():
        for rho in (0.002, 0.02):
            a = [advantage(q, rho, d) for d in range(4)]
            tau = ", ".join(f"{1 / (1 + x):.2f}" if x > 0 else "1 (never)" for x in a)
            last = max(d for d in range(1000) if advantage(q, rho, d) > 0)
            print(f"| {name} | {rho} | " + " | ".join(f"{x:.3f}" for x in a) + f" | {tau} | {last} |")
    print()
    print("| σ_g | Σ SNR_i² | B(1) | B(2) | B(5) |")
    print("|---|---|---|---|---|")
    for sg in (0.5, 2, 4, 6, 8, 20):
        print(f"| {sg} | {sum((h / sg) ** 2 for h in H):.3g} | {evidence(1, sg):.3g} | {evidence(2, sg):.3g} | {evidence(5, sg):.3g} |")
