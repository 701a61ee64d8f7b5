#!/usr/bin/env python3
"""Writes a History file of many queues of one year of hourly data, for the speed bar of issue 3.

Each queue: open 08:00-20:00 Monday to Saturday, a daily hump, a weekly cycle and its own level and
trend, Poisson counts from a seeded generator (the same file every run).

Usage: make_queues_history.py QUEUES OUTPUT
"""
import sys

import numpy as np
import pandas as pd


def main():
    queues, output = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(2024)
    index = pd.date_range("2024-01-01", periods=366 * 24, freq="h")
    hour = index.hour.to_numpy()
    weekday = index.dayofweek.to_numpy()
    shape = np.where((hour >= 8) & (hour < 20), np.sin(np.pi * (hour - 7.5) / 12), 0.0)
    weekly = np.array([1.3, 1.1, 1.0, 1.0, 0.9, 0.5, 0.0])[weekday]
    days = np.arange(len(index)) / 24
    stamps = index.strftime("%Y-%m-%dT%H:%M").to_numpy()
    with open(output, "w") as f:
        f.write("queue,timestamp,volume\n")
        for q in range(queues):
            level = rng.uniform(5, 200)
            trend = 1 + rng.uniform(-0.3, 0.3) * days / 366
            volume = rng.poisson(level * trend * weekly * shape)
            name = f"q{q:04d}"
            f.write("".join(f"{name},{s},{v}\n" for s, v in zip(stamps, volume)))


if __name__ == "__main__":
    main()
