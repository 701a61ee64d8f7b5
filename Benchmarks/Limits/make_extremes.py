#!/usr/bin/env python3
"""Writes the largest inputs Shiftcast accepts (Docs/Limits.md), for limits-benchmark.sh (issue 12).

Each sits just inside one limit of ShiftcastCore's InputLimits:
- requirements-500k-week.csv: a week of quarter-hours adding up to 462 000 agent-hours (limit: half a million);
- requirements-peak.csv: one quarter-hour at 100 000 agents (limit 100 000 per interval);
- requirements-year-15m.csv: 39 936 quarter-hours, 416 days (limit: 40 000 intervals);
- requirements-week-5m.csv with shifts-dense.csv: shifts every 5 minutes, 4 to 5h45 long, which with the
  sample breaks count 2.9 million columns (limit: 3 million);
- history-4M-5m.csv: one queue of 3 990 000 five-minute intervals (limit 4 million per queue);
- agents-2500.csv with requirements-175k-week.csv: 5 000 named agents (limit 5 000) on a week adding up to
  323 400 agent-hours.

Usage: make_extremes.py FOLDER
"""
import datetime
import os
import random
import sys


def requirements(path, start, minutes, count, agents):
    with open(path, "w") as out:
        out.write("timestamp,scheduled_agents\n")
        for k in range(count):
            at = start + datetime.timedelta(minutes=minutes * k)
            out.write(f"{at:%Y-%m-%dT%H:%M},{agents(at)}\n")


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    day = lambda busy, quiet: (lambda at: busy if 7 <= at.hour < 22 else quiet)
    requirements(f"{folder}/requirements-500k-week.csv", datetime.datetime(2025, 3, 3), 15, 672, day(3500, 1500))
    requirements(f"{folder}/requirements-175k-week.csv", datetime.datetime(2025, 3, 3), 15, 672, day(1225, 525))
    rng = random.Random(3)
    with open(f"{folder}/agents-2500.csv", "w") as out:
        out.write("agent,shifts,min_week_hours,max_week_hours,max_days_per_week,min_rest_hours,unavailable\n")
        for number in range(2500):
            if number % 4 == 3:
                out.write(f"a{number:05d},part_time,16,24,5,11,\n")
            else:
                out.write(f"a{number:05d},*,36,40,5,11,{rng.choice(['', 'Sat', 'Sun', '2025-03-05'])}\n")
    requirements(f"{folder}/requirements-peak.csv", datetime.datetime(2025, 3, 3, 8), 15, 2,
                 lambda at: 100000 if at.minute == 0 else 0)
    requirements(f"{folder}/requirements-year-15m.csv", datetime.datetime(2025, 1, 6), 15, 39_936, day(55, 20))
    requirements(f"{folder}/requirements-week-5m.csv", datetime.datetime(2025, 3, 3), 5, 2016, day(300, 100))
    with open(f"{folder}/shifts-dense.csv", "w") as out:
        out.write("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n")
        out.write("any,*,00:00,23:55,5m,4h,345m,5m,1\n")
    rng = random.Random(1)
    at, step = datetime.datetime(1987, 1, 1), datetime.timedelta(minutes=5)
    with open(f"{folder}/history-4M-5m.csv", "w") as out:
        out.write("timestamp,volume,aht\n")
        rows = []
        for _ in range(3_990_000):
            rows.append(f"{at:%Y-%m-%dT%H:%M},{rng.randint(0, 30)},{rng.randint(100, 400)}\n")
            at += step
            if len(rows) == 100_000:
                out.write("".join(rows))
                rows = []
        out.write("".join(rows))


if __name__ == "__main__":
    main()
