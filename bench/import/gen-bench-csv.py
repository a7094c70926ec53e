#!/usr/bin/env python3
# gen-bench-csv.py — the long-format CSV of the import benchmark
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: gen-bench-csv.py OUT.csv [CLINICS=2000] [INDICATORS=50] [PERIODS=10]

Columns: clinic_number,clinic_name,indicator,period,numerator,denominator.
Seeded, so every run measures the same bytes; every seventh clinic has a quoted
name with a comma and Danish letters, as record systems write them.
"""
import random
import sys

out = sys.argv[1]
clinics, indicators, periods = (int(a) for a in (sys.argv[2:5] + ["2000", "50", "10"][len(sys.argv[2:5]):]))
rnd = random.Random(20261122)
with open(out, "w", newline="", encoding="utf-8") as f:
    f.write("clinic_number,clinic_name,indicator,period,numerator,denominator\n")
    for ci in range(clinics):
        name = f"Klinik {ci:04d}" if ci % 7 else f"\"Lægehuset {ci:04d}, Østergade\""
        for ii in range(indicators):
            for pi in range(periods):
                den = rnd.randint(20, 5000)
                f.write(f"{100000 + ci},{name},IND{ii:03d},{2017 + pi // 4}-Q{pi % 4 + 1},{rnd.randint(0, den)},{den}\n")
