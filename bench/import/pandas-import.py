#!/usr/bin/env python3
# pandas-import.py — the same file through pandas.read_csv + to_sql, for the ratio
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import resource
import sqlite3
import sys
import time

import pandas

csv, db = sys.argv[1], sys.argv[2]
if os.path.exists(db):
    os.unlink(db)
start = time.monotonic()
frame = pandas.read_csv(csv, dtype={"clinic_number": str})
with sqlite3.connect(db) as connection:
    frame.to_sql("measurement", connection, index=False)
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"pandas read_csv + to_sql: {len(frame)} rows in {elapsed:.2f} s, peak memory {peak:.0f} MB")
