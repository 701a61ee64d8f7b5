#!/usr/bin/env python3
"""Writes a synthetic year of 15-minute forecast intervals for the staffing benchmarks.

35 040 rows (2025-01-01 to 2025-12-31, naive time), columns timestamp, volume, aht. The centre is open
07:00 to 22:00 (volume 0 outside), with two intraday peaks, quieter weekends, a yearly season and
Poisson-like noise. AHT is 300 s, so the traffic in erlangs is volume / 3; the busiest interval of the
year carries exactly 2 000 erlangs, the quietest open ones a fraction of one. Deterministic (seed 42).

Usage: make_year_forecast.py OUTPUT.csv
"""
import csv
import datetime
import math
import random
import sys

AHT = 300
INTERVAL = 900
PEAK_ERLANGS = 2000.0


def shape(minute_of_day: int) -> float:
    """Relative load at a time of day: 0 when closed, two bumps at 10:30 and 14:30."""
    hour = minute_of_day / 60
    if hour < 7 or hour >= 22:
        return 0.0
    morning = math.exp(-((hour - 10.5) / 1.8) ** 2)
    afternoon = 0.8 * math.exp(-((hour - 14.5) / 2.2) ** 2)
    return 0.02 + morning + afternoon


def main(path: str) -> None:
    rng = random.Random(42)
    start = datetime.datetime(2025, 1, 1)
    rows = []
    for i in range(365 * 96):
        t = start + datetime.timedelta(seconds=INTERVAL * i)
        weekday = [1.0, 0.95, 0.9, 0.9, 0.85, 0.45, 0.3][t.weekday()]
        season = 1 + 0.25 * math.cos(2 * math.pi * (t.timetuple().tm_yday - 20) / 365)
        load = shape(t.hour * 60 + t.minute) * weekday * season
        if load > 0:
            load *= math.exp(rng.gauss(0, 0.08))
        rows.append((t, load))
    scale = PEAK_ERLANGS / max(load for _, load in rows)
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["timestamp", "volume", "aht"])
        for t, load in rows:
            volume = load * scale * INTERVAL / AHT
            out.writerow([t.strftime("%Y-%m-%dT%H:%M:%S"), f"{volume:.3f}", AHT])


if __name__ == "__main__":
    main(sys.argv[1])
