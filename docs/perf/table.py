#!/usr/bin/env python3
"""table.py FILE.json...: one markdown row per benchmark+params: wall score ± error, CPU ns/op, B/op (and flops/s)."""
import json, sys
def fmt(x):
    if x is None: return "-"
    a = abs(x)
    if a >= 1e6: return f"{x:.3g}"
    if a >= 100: return f"{x:.0f}"
    if a >= 1: return f"{x:.1f}"
    return f"{x:.3f}"
print("| benchmark | params | wall score ± 99.9% | unit | CPU ns/op | B/op | flops/s |")
print("|---|---|---|---|---|---|---|")
for f in sys.argv[1:]:
    for r in json.load(open(f)):
        name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
        params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        p = r["primaryMetric"]; s = r["secondaryMetrics"]
        cpu = s.get("cpu.time.norm", {}).get("score")
        b = s.get("gc.alloc.rate.norm", {}).get("score")
        fl = s.get("flops", {}).get("score")
        print(f"| {name} | {params} | {fmt(p['score'])} ± {fmt(p['scoreError'])} | {p['scoreUnit']} | {fmt(cpu)} | {fmt(b)} | {fmt(fl)} |")
