#!/usr/bin/env python3
"""Writes Fixtures/history-sample.csv, the ten weeks of history that `shiftcast demo` forecasts from.

Source: ../shared/data/israel-bank-1999-6min.csv (the Technion "Anonymous Bank" call log of 1999, via the
R package Rfssa, GPL-3; credit Brown et al. 2005 and the Technion SEE Center).

Method: the ten weeks from Monday 1999-01-04 to Sunday 1999-03-14, summed to 15-minute intervals and
scaled by 12 (the same large centre as forecast-week.csv), laid day for day on Monday 2024-12-23 to
Sunday 2025-03-02, so the demo's forecast covers the week of forecast-week.csv. The weekdays match, so
the bank's week (busy Sunday to Thursday) is kept. AHT is synthetic: 280 s with seeded noise of 5%, as
the aggregated source has none.

Run from the package root: python3 Fixtures/make_sample_history.py
"""
import csv
import datetime
import os
import random
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "israel-bank-1999-6min.csv")
SCALE = 12
FIRST_SOURCE_DAY = datetime.date(1999, 1, 4)
FIRST_TARGET_DAY = datetime.date(2024, 12, 23)
DAYS = 70

volumes = defaultdict(float)
with open(SOURCE, newline="") as f:
    for row in csv.DictReader(f):
        t = datetime.datetime.fromisoformat(row["timestamp"])
        day = (t.date() - FIRST_SOURCE_DAY).days
        if 0 <= day < DAYS:
            volumes[(day, (t.hour * 60 + t.minute) // 15)] += float(row["volume"])

rng = random.Random(7)
with open(os.path.join(HERE, "history-sample.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["timestamp", "volume", "aht"])
    for day in range(DAYS):
        date = FIRST_TARGET_DAY + datetime.timedelta(days=day)
        for slot in range(96):
            t = datetime.datetime.combine(date, datetime.time()) + datetime.timedelta(minutes=15 * slot)
            volume = round(volumes[(day, slot)] * SCALE)
            aht = round(280 * (1 + rng.gauss(0, 0.05))) if volume > 0 else ""
            out.writerow([t.strftime("%Y-%m-%dT%H:%M:%S"), volume, aht])
