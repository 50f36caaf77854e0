#!/usr/bin/env python3
"""Paired differences between two values of one column of a `driftlab export` runs CSV (standard library only).

    python3 docs/results/scripts/paired.py RUNS.csv COLUMN BASELINE OTHER [METRIC]

For every combination of the other parameter columns, pairs the runs of OTHER and BASELINE by seed (common random
numbers: same switches, optima and noise) and prints the mean of OTHER − BASELINE over the shared seeds with its
95% Student-t interval, and the mean ratio OTHER / BASELINE. METRIC defaults to mean_excess_loss. Diverged runs
are not paired (and are counted). A stand-in until `driftlab report` gives paired statistics itself.
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


def main(path, column, baseline, other, metric="mean_excess_loss"):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    params = [c for c in rows[0] if c not in FIXED and c != column]
    groups = defaultdict(lambda: {baseline: {}, other: {}})
    diverged = 0
    for r in rows:
        if r[column] not in (baseline, other):
            continue
        if r["status"] != "ok":
            diverged += 1
            continue
        groups[tuple(r[p] for p in params)][r[column]][r["seed"]] = float(r[metric])
    print(f"{metric}: {other} - {baseline} (paired by seed; {diverged} diverged runs left out)")
    print("  ".join(params + ["n", "mean diff", "95% CI", "mean ratio"]))
    for key in sorted(groups):
        b, o = groups[key][baseline], groups[key][other]
        seeds = sorted(set(b) & set(o))
        diffs = [o[s] - b[s] for s in seeds]
        n = len(diffs)
        if n == 0:
            continue
        mean = statistics.fmean(diffs)
        half = (T975[n - 2] if n - 1 <= len(T975) else 1.96) * statistics.stdev(diffs) / n ** 0.5 if n > 1 else float("nan")
        ratio = statistics.fmean(o[s] / b[s] for s in seeds)
        print("  ".join(list(key) + [str(n), f"{mean:.4g}", f"[{mean - half:.4g}, {mean + half:.4g}]", f"{ratio:.3f}"]))


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    main(*sys.argv[1:])
