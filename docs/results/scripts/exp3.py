#!/usr/bin/env python3
"""The tables of docs/RESULTS.md experiments 3 and 3b (rerun under the reset timing contract), from `driftlab export`
runs CSVs (standard library only).

    python3 docs/results/scripts/exp3.py regret results/reset-regret-runs.csv
    python3 docs/results/scripts/exp3.py tau results/reset-threshold-graded-runs.csv

`regret`: per hazard ρ and noise σ_g, the mean excess loss of every condition, the regret decomposition into
named costs between neighbours (paired differences over shared seeds, 95% Student-t intervals) and the share of
the oracle's gain that a belief reset recovers. `tau`: per ρ, σ_g and rule, the empirical argmin of the
belief-threshold τ (with "never" = no reset as a candidate), its bootstrap interval over seeds, and τ* predicted by
tau_star.py's fixed point τ = τ*(d(τ) − 1).
"""
import csv
import math
import os
import random
import statistics
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tau_star  # noqa: E402

T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def rule_name(r):
    t = r["rule.type"]
    if t == "optimal-control":
        return "optimal-control" if r.get("rule.source") in ("", "observed", None) else "optimal-control source=belief"
    if t == "sgd" and float(r["rule.lr"]) != 0.1:
        return f"sgd lr {float(r['rule.lr']):g}"
    return t


def reset_name(r):
    t = r.get("reset.type") or "none"
    if t in ("none", ""):
        return "none"
    if t.startswith("belief"):
        return f"{t} τ={float(r['reset.tau']):g} {r['reset.target']}"
    return f"{t} {r.get('reset.target', '')}".strip()


def load(path, metric="mean_excess_loss"):
    """{(ρ, σ_g, rule, reset): {seed: value}} over the runs that did not diverge; the count of diverged runs."""
    runs, diverged = defaultdict(dict), 0
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["status"] != "ok" or r["diverged"] == "true":
                diverged += 1
                continue
            key = (float(r["stream.switching.hazard"]), float(r["stream.gradient-noise"]), rule_name(r), reset_name(r))
            runs[key][int(r["seed"])] = float(r[metric])
    return runs, diverged


def paired(base, other):
    """Mean of other − base over shared seeds, its 95% Student-t half-width, and the number of pairs."""
    seeds = sorted(set(base) & set(other))
    d = [other[s] - base[s] for s in seeds]
    n = len(d)
    if n < 2:
        return (d[0] if d else float("nan")), float("nan"), n
    t = T975[n - 2] if n - 1 <= len(T975) else 1.96
    return statistics.fmean(d), t * statistics.stdev(d) / math.sqrt(n), n


def fmt(mean, half):
    return f"{mean:+.3g} [{mean - half:+.3g}, {mean + half:+.3g}]" + ("" if abs(mean) > half else " (not resolved)")


REFS = ["switch-aware-observer", "ideal-observer", "optimal-control source=belief"]
RULES = ["sgd", "adam", "optimal-control"]
ORACLE, PRESCIENT = "oracle prior-mean", "oracle-prescient prior-mean"
BELIEF_MU0, BELIEF_POST = "belief-threshold τ=0.5 prior-mean", "belief-threshold τ=0.5 posterior-mean"


def regret(path):
    runs, diverged = load(path)
    cells = sorted({(k[0], k[1]) for k in runs})
    print(f"diverged or failed runs left out: {diverged}\n")
    for rho, sg in cells:
        get = lambda rule, reset="none": runs.get((rho, sg, rule, reset), {})  # noqa: E731
        print(f"**ρ = {rho:g}, σ_g = {sg:g}** (mean excess loss per step over seeds; n seeds)\n")
        print("| rule | none | oracle-prescient | causal oracle | belief τ=0.5 → μ0 | belief τ=0.5 → posterior mean |")
        print("|---|---|---|---|---|---|")
        for ref in REFS:
            v = get(ref)
            if v:
                print(f"| {ref} | {statistics.fmean(v.values()):.4g} (n={len(v)}) | | | | |")
        for rule in RULES:
            row = [get(rule, x) for x in ("none", PRESCIENT, ORACLE, BELIEF_MU0, BELIEF_POST)]
            print(f"| {rule} | " + " | ".join(f"{statistics.fmean(v.values()):.4g}" if v else "—" for v in row) + " |")
        print()
        sa, io = get("switch-aware-observer"), get("ideal-observer")
        print("| rule | knowing the switch times (ideal − switch-aware) | noise floor and the rule's lag (causal oracle − ideal) "
              "| prescience (causal − prescient oracle) | reset target (μ0 − posterior mean) "
              "| detection delay + false alarms (belief μ0 − causal oracle) | resetting at all (none − belief μ0) |")
        print("|---|---|---|---|---|---|---|")
        for rule in RULES:
            orc, pre, bm, bp, no = (get(rule, x) for x in (ORACLE, PRESCIENT, BELIEF_MU0, BELIEF_POST, "none"))
            cols = [paired(sa, io), paired(io, orc), paired(pre, orc), paired(bp, bm), paired(orc, bm), paired(bm, no)]
            print(f"| {rule} | " + " | ".join(fmt(m, h) for m, h, _ in cols) + " |")
        print()
    print("Share of the causal oracle's gain over no reset that a belief reset (τ = 0.5, μ0) recovers, "
          "(none − belief) / (none − oracle) on paired seeds; the prescient oracle's share in brackets\n")
    print("| rule | " + " | ".join(f"ρ={rho:g} σ_g={sg:g}" for rho, sg in cells) + " |")
    print("|---|" + "---|" * len(cells))
    for rule in RULES:
        out = []
        for rho, sg in cells:
            no, orc, pre, bm = (runs.get((rho, sg, rule, x), {}) for x in ("none", ORACLE, PRESCIENT, BELIEF_MU0))
            gain_b, _, _ = paired(bm, no)
            gain_o, _, _ = paired(orc, no)
            gain_p, _, _ = paired(pre, no)
            out.append(f"{100 * gain_b / gain_o:.0f}% ({100 * gain_b / gain_p:.0f}%)")
        print(f"| {rule} | " + " | ".join(out) + " |")
    print("\nOptimal control with source = belief (no reset policy) − the same rule on the observed gradient with a "
          "belief reset, paired; mean excess loss and J_total (objective_total)\n")
    print("| ρ | σ_g | − reset to μ0: loss | − reset to μ0: J_total | − reset to posterior mean: loss "
          "| − reset to posterior mean: J_total |")
    print("|---|---|---|---|---|---|")
    total, _ = load(path, "objective_total")
    for rho, sg in cells:
        out = []
        for target in (BELIEF_MU0, BELIEF_POST):
            for table in (runs, total):
                m, h, _ = paired(table.get((rho, sg, "optimal-control", target), {}),
                                 table.get((rho, sg, "optimal-control source=belief", "none"), {}))
                out.append(fmt(m, h))
        print(f"| {rho:g} | {sg:g} | " + " | ".join(out) + " |")


def predicted_tau(rule, rho, sigma_g):
    """The smallest τ with τ ≥ 1 / (1 + A(d(τ) − 1)), d(τ) the first d with B(d) ≥ logit τ + log((1 − ρ)/ρ);
    None ("never") when A(d(τ) − 1) ≤ 0 for every τ that could satisfy it."""
    q = tau_star.RULES[{"sgd": "sgd lr 0.1", "sgd lr 0.01": "sgd lr 0.01", "optimal-control": "optimal-control γ = 10, dt = 1"}[rule]]
    for i in range(1, 10000):
        tau = 0.5 + 0.5 * i / 10000
        need = math.log(tau / (1 - tau)) + math.log((1 - rho) / rho)
        d = next(d for d in range(1, 100000) if tau_star.evidence(d, sigma_g) >= need)
        a = tau_star.advantage(q, rho, d - 1)
        if a > 0 and tau >= 1 / (1 + a):
            return tau
    return None


def argmin_boot(by_tau, resamples=2000, seed=1):
    """The τ with the lowest mean (None = never reset) and the 2.5/97.5% quantiles of the argmin over seed resamples,
    with the share of resamples that pick the point argmin."""
    taus = sorted(by_tau, key=lambda t: 2 if t is None else t)
    seeds = sorted(set.intersection(*(set(v) for v in by_tau.values())))
    best = min(taus, key=lambda t: statistics.fmean(by_tau[t][s] for s in seeds))
    rng, picks = random.Random(seed), []
    for _ in range(resamples):
        sample = [rng.choice(seeds) for _ in seeds]
        picks.append(taus.index(min(taus, key=lambda t: sum(by_tau[t][s] for s in sample))))
    picks.sort()
    lo, hi = taus[picks[int(0.025 * resamples)]], taus[picks[int(0.975 * resamples) - 1]]
    return best, lo, hi, sum(taus[p] == best for p in picks) / resamples


def tau(path):
    runs, diverged = load(path)
    print(f"diverged or failed runs left out: {diverged}\n")
    show = lambda t: "never" if t is None else f"{t:g}"  # noqa: E731
    print("| ρ | σ_g | SNR stiffest/median mode | rule | τ* predicted | empirical argmin τ [bootstrap 95%] (share) "
          "| best τ − no reset (paired) | source=belief − no reset (paired) |")
    print("|---|---|---|---|---|---|---|---|")
    for rho, sg in sorted({(k[0], k[1]) for k in runs}):
        for rule in ("sgd", "sgd lr 0.01", "optimal-control"):
            by_tau = {}
            for k, v in runs.items():
                if k[:3] == (rho, sg, rule):
                    by_tau[None if k[3] == "none" else float(k[3].split("τ=")[1].split()[0])] = v
            if None not in by_tau or len(by_tau) < 2:
                continue
            best, lo, hi, share = argmin_boot(by_tau)
            pred = predicted_tau(rule, rho, sg)
            base = by_tau[None]
            m, h, _ = paired(base, by_tau[best]) if best is not None else (0.0, 0.0, 0)
            bel = runs.get((rho, sg, "optimal-control source=belief", "none"))
            belief = fmt(*paired(base, bel)[:2]) if bel and rule == "optimal-control" else ""
            snr = f"{10 / sg:.2g} / {1 / sg:.2g}"
            shown_pred = "never" if pred is None else f"{pred:.2f}"
            print(f"| {rho:g} | {sg:g} | {snr} | {rule} | {shown_pred} | {show(best)} [{show(lo)}, {show(hi)}] "
                  f"({share:.0%}) | {fmt(m, h) if best is not None else '0'} | {belief} |")


if __name__ == "__main__":
    {"regret": regret, "tau": tau}[sys.argv[1]](*sys.argv[2:])
