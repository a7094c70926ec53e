#!/usr/bin/env python3
# bench/charts/funnel-matplotlib.py CSV PNG RUNS — the funnel plot of the C
# bench drawn by matplotlib (Debian python3-matplotlib) at 1920×1080; prints
# the median time per chart in the bench's format.
# SPDX-License-Identifier: GPL-3.0-or-later
import csv, statistics, sys, time

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib: not measured (python3-matplotlib is not installed)")
    sys.exit(0)

path, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
points, l95, l998, pooled = [], [], [], 0.0
with open(path) as f:
    for row in csv.DictReader(f):
        if row["kind"] == "point":
            points.append((float(row["n"]), float(row["value"]), int(row["level"])))
        elif row["kind"] == "limit":
            l95.append((float(row["n"]), float(row["value"]), float(row["level"])))
        elif row["kind"] == "limit998":
            l998.append((float(row["n"]), float(row["value"]), float(row["level"])))
        else:
            pooled = float(row["value"])

colours = ["#0072b2", "#e69f00", "#d55e00"]

def draw():
    fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
    for curve, style in ((l95, "--"), (l998, "-")):
        ax.plot([c[0] for c in curve], [c[1] for c in curve], style, color="#5e5c64")
        ax.plot([c[0] for c in curve], [c[2] for c in curve], style, color="#5e5c64")
    ax.axhline(pooled, color="#009e73")
    ax.scatter([p[0] for p in points], [p[1] for p in points], s=20,
               c=[colours[p[2]] for p in points])
    ax.set_title("Statin treatment after heart attack", loc="left", fontsize=28, fontweight="bold")
    ax.set_xlabel("Denominator (patients in the clinic’s count)")
    fig.text(0.03, 0.02, "250 of 2,000 clinics lie outside the 99.8 % limits.", fontsize=20)
    fig.savefig(out)
    plt.close(fig)

draw()  # fonts and caches, as in the C bench
samples = []
for _ in range(runs):
    start = time.perf_counter()
    draw()
    samples.append((time.perf_counter() - start) * 1000)
samples.sort()
print("%-52s median %7.2f ms  (best %6.2f, worst %6.2f)" % (
    "matplotlib: the same funnel, 1920×1080 PNG written", statistics.median(samples), samples[0], samples[-1]))
