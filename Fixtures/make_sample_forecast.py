#!/usr/bin/env python3
"""Writes Fixtures/forecast-week.csv, the sample forecast that `shiftcast demo` staffs.

Source: ../shared/data/israel-bank-1999-6min.csv (the Technion "Anonymous Bank" call log of 1999,
via the R package Rfssa, GPL-3; credit Brown et al. 2005 and the Technion SEE Center).

Method: the mean volume of each weekday and 15-minute slot over the whole of 1999, scaled by 12 so the
peak needs some 150 agents (a large centre with the bank's daily and weekly shape), laid on the week of
Monday 2025-03-03 (no daylight-saving change). AHT is a constant 280 s: the aggregated source has none.
`lower` and `upper` are an 80% Poisson interval around the volume (volume -/+ 1.2816 sqrt(volume)).
Like the bank, the centre is busiest Sunday to Thursday and quiet on Friday afternoon and Saturday.

Run from the package root: python3 Fixtures/make_sample_forecast.py
"""
import csv
import datetime
import math
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "israel-bank-1999-6min.csv")
SCALE = 12
AHT = 280

sums = defaultdict(float)
days = defaultdict(set)
with open(SOURCE, newline="") as f:
    for row in csv.DictReader(f):
        t = datetime.datetime.fromisoformat(row["timestamp"])
        slot = (t.hour * 60 + t.minute) // 15
        sums[(t.weekday(), slot)] += float(row["volume"])
        days[t.weekday()].add(t.date())

monday = datetime.datetime(2025, 3, 3)
with open(os.path.join(HERE, "forecast-week.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["timestamp", "volume", "lower", "upper", "aht"])
    for i in range(7 * 96):
        t = monday + datetime.timedelta(minutes=15 * i)
        mean = sums[(t.weekday(), i % 96)] / len(days[t.weekday()]) * SCALE
        volume = round(mean, 1)
        half = 1.2816 * math.sqrt(volume)
        out.writerow([t.strftime("%Y-%m-%dT%H:%M:%S"), f"{volume:.1f}",
                      f"{max(0.0, volume - half):.1f}", f"{volume + half:.1f}", AHT])
