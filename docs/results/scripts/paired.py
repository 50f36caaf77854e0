#!/usr/bin/env python3
"""Paired differences between two kinds of runs of a `driftlab export` runs CSV (standard library only).

    python3 docs/results/scripts/paired.py RUNS.csv BASELINE OTHER [METRIC ...]

BASELINE and OTHER each select runs by parameter values, `column=value` joined by `&` (e.g.
`rule=ideal-observer` or `rule=X&reset=none`). For every combination of the parameter columns neither names, the
runs of OTHER and BASELINE are paired by seed (common random numbers: same switches, optima and noise), and the
mean of OTHER − BASELINE over the shared seeds is printed with its 95% Student-t interval and the mean ratio
OTHER / BASELINE, for each METRIC (default mean_excess_loss). Diverged runs are not paired (and are counted).
A stand-in until `driftlab report` gives paired statistics itself.
"""
import csv
import statistics
import sys
from collections import defaultdict

# two-sided 95% Student-t quantiles for df = 1..30 (beyond: normal)
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
FIXED = {"run_id", "sweep", "condition_id", "seed", "master_seed", "node", "status", "wall_ms", "steps", "mean_loss",
         "mean_excess_loss", "objective", "objective_total", "switches", "resets", "detections", "mean_detection_delay",
         "false_alarms", "missed_switches", "final_distance", "diverged", "diverged_at_step"}


def selector(text):
    return dict(part.split("=", 1) for part in text.split("&"))


def main(path, baseline, other, *metrics):
    metrics = metrics or ("mean_excess_loss",)
    base, oth = selector(baseline), selector(other)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    named = set(base) | set(oth)
    params = [c for c in rows[0] if c not in FIXED and c not in named]
    groups = defaultdict(lambda: ({}, {}))
    diverged = 0
    for r in rows:
        side = 0 if all(r[c] == v for c, v in base.items()) else 1 if all(r[c] == v for c, v in oth.items()) else None
        if side is None:
            continue
        if r["status"] != "ok":
            diverged += 1
            continue
        groups[tuple(r[p] for p in params)][side][r["seed"]] = r
    print(f"{other}  minus  {baseline}  (paired by seed; {diverged} diverged runs left out)")
    print("  ".join(params + ["n"] + [f"{m}: mean diff [95% CI] ratio" for m in metrics]))
    for key in sorted(groups):
        b, o = groups[key]
        seeds = sorted(set(b) & set(o))
        n = len(seeds)
        if n < 2:
            continue
        cells = []
        for m in metrics:
            diffs = [float(o[s][m]) - float(b[s][m]) for s in seeds]
            mean = statistics.fmean(diffs)
            half = (T975[n - 2] if n - 1 <= len(T975) else 1.96) * statistics.stdev(diffs) / n ** 0.5
            ratio = statistics.fmean(float(o[s][m]) / float(b[s][m]) for s in seeds)
            cells.append(f"{mean:.4g} [{mean - half:.4g}, {mean + half:.4g}] {ratio:.3f}")
        print("  ".join(list(key) + [str(n)] + cells))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
