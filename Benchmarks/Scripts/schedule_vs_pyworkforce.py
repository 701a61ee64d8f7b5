#!/usr/bin/env python3
"""`shiftcast schedule` side by side with pyworkforce's shift schedulers on the sample week.

Run through schedule-vs-pyworkforce.sh, which builds Shiftcast in release mode and installs pyworkforce
0.5.4 in a virtual environment. Both sides get the same problem:

- requirements: `shiftcast staff` on Fixtures/forecast-week.csv (80% within 20 s, occupancy at most 85%,
  shrinkage 30%): 7 days x 96 intervals of 15 minutes, peaking near 290 agents to schedule;
- shifts: 8 hours starting every 30 minutes from 00:00 to 16:00 and 4 hours starting every 30 minutes
  from 00:00 to 20:00, every day. pyworkforce schedules each day on its own and its shifts cannot cross
  midnight, so these shifts end by midnight and Shiftcast runs without --cyclic: the same set of shifts.

Two comparisons:
1. pyworkforce `MinAbsDifference` (least sum of |scheduled - required| over intervals) against Shiftcast with
   `--under-weight 1 --over-weight 1` and `cost_per_hour 0`: the same objective. Printed: under- plus
   over-staffed agent-hours of each.
2. pyworkforce `MinRequiredResources` with each shift's cost equal to its hours (every interval covered,
   least paid hours) against Shiftcast with `cost_per_hour 1`, `--under-weight 1000`: printed paid hours
   and whether every interval is covered.

Each side gets the same time limit (--time-limit, default 60 s); times are wall clock, one run each, and
include Shiftcast's whole process (reading and writing files).

Usage: schedule_vs_pyworkforce.py SHIFTCAST_BINARY WORK_FOLDER [--time-limit SECONDS]
"""
import argparse
import csv
import os
import subprocess
import time

from pyworkforce.scheduling import MinAbsDifference, MinRequiredResources

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PERIODS = 96
DAYS = 7


def shift_set():
    """(name, start period, length in periods) of every shift."""
    shifts = []
    for length_hours, last_start_hour in ((8, 16), (4, 20)):
        for start in range(0, last_start_hour * 4 + 1, 2):
            shifts.append((f"h{length_hours}_{start // 4:02d}{start % 4 * 15:02d}", start, length_hours * 4))
    return shifts


def coverage_stats(path):
    under = over = 0.0
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            gap = float(row["gap"])
            under += max(0.0, -gap)
            over += max(0.0, gap)
    return under * 0.25, over * 0.25  # agent-hours


def run_shiftcast(binary, folder, requirements, cost, extra, time_limit):
    shifts = os.path.join(folder, f"shifts-cost{cost}.csv")
    with open(shifts, "w") as f:
        f.write("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n")
        f.write(f"h8,*,00:00,16:00,30m,8h,8h,1h,{cost}\n")
        f.write(f"h4,*,00:00,20:00,30m,4h,4h,1h,{cost}\n")
    schedule = os.path.join(folder, "schedule.csv")
    coverage = os.path.join(folder, "coverage.csv")
    start = time.perf_counter()
    result = subprocess.run([binary, "schedule", "--requirements", requirements, "--shifts", shifts,
                             "--time-limit", f"{time_limit}s", "-o", schedule, "--coverage", coverage] + extra,
                            check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    paid = 0.0
    with open(schedule, newline="") as f:
        for row in csv.DictReader(f):
            paid += (int(row["end"][11:13]) * 60 + int(row["end"][14:16]) - int(row["start"][11:13]) * 60
                     - int(row["start"][14:16])) % 1440 / 60 or 24
    under, over = coverage_stats(coverage)
    return elapsed, under, over, paid, result.stderr


def run_pyworkforce(kind, required, time_limit):
    shifts = shift_set()
    coverage = {name: [1 if start <= p < start + length else 0 for p in range(PERIODS)] for name, start, length in shifts}
    arguments = dict(num_days=DAYS, periods=PERIODS, shifts_coverage=coverage, required_resources=required,
                     max_period_concurrency=1000, max_shift_concurrency=400, max_search_time=time_limit,
                     num_search_workers=2)
    if kind == "MinRequiredResources":
        arguments["cost_dict"] = {name: length / 4 for name, _, length in shifts}
        scheduler = MinRequiredResources(**arguments)
    else:
        scheduler = MinAbsDifference(**arguments)
    start = time.perf_counter()
    solution = scheduler.solve()
    elapsed = time.perf_counter() - start
    lengths = {name: length for name, _, length in shifts}
    scheduled = [[0] * PERIODS for _ in range(DAYS)]
    paid = 0.0
    for item in solution["resources_shifts"]:
        if item["resources"] <= 0:
            continue
        paid += item["resources"] * lengths[item["shift"]] / 4
        for p in range(PERIODS):
            scheduled[item["day"]][p] += item["resources"] * coverage[item["shift"]][p]
    under = sum(max(0, required[d][p] - scheduled[d][p]) for d in range(DAYS) for p in range(PERIODS)) * 0.25
    over = sum(max(0, scheduled[d][p] - required[d][p]) for d in range(DAYS) for p in range(PERIODS)) * 0.25
    return elapsed, under, over, paid, solution["status"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("folder")
    parser.add_argument("--time-limit", type=float, default=60)
    arguments = parser.parse_args()
    os.makedirs(arguments.folder, exist_ok=True)
    requirements = os.path.join(arguments.folder, "requirements.csv")
    subprocess.run([arguments.binary, "staff", "--forecast", os.path.join(ROOT, "Fixtures", "forecast-week.csv"),
                    "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%", "-o", requirements],
                   check=True)
    with open(requirements, newline="") as f:
        values = [int(float(row["scheduled_agents"])) for row in csv.DictReader(f)]
    required = [values[d * PERIODS:(d + 1) * PERIODS] for d in range(DAYS)]
    limit = arguments.time_limit

    print(f"Sample week: {DAYS} days x {PERIODS} intervals, peak {max(values)} agents; {len(shift_set())} shifts a day; "
          f"time limit {limit:g} s each")
    print()
    print("1. Least under- plus over-staffing (pyworkforce MinAbsDifference)")
    s = run_shiftcast(arguments.binary, arguments.folder, requirements, 0, ["--under-weight", "1", "--over-weight", "1"], limit)
    p = run_pyworkforce("MinAbsDifference", required, limit)
    print(f"   {'':12} {'under h':>9} {'over h':>9} {'sum h':>9} {'paid h':>9} {'seconds':>8}")
    print(f"   {'shiftcast':12} {s[1]:9.2f} {s[2]:9.2f} {s[1] + s[2]:9.2f} {s[3]:9.2f} {s[0]:8.2f}")
    print(f"   {'pyworkforce':12} {p[1]:9.2f} {p[2]:9.2f} {p[1] + p[2]:9.2f} {p[3]:9.2f} {p[0]:8.2f}  ({p[4]})")
    print()
    print("2. Least paid hours with every interval covered (pyworkforce MinRequiredResources, cost = hours)")
    s = run_shiftcast(arguments.binary, arguments.folder, requirements, 1, ["--under-weight", "1000"], limit)
    p = run_pyworkforce("MinRequiredResources", required, limit)
    print(f"   {'':12} {'paid h':>9} {'under h':>9} {'seconds':>8}")
    print(f"   {'shiftcast':12} {s[3]:9.2f} {s[1]:9.2f} {s[0]:8.2f}")
    print(f"   {'pyworkforce':12} {p[3]:9.2f} {p[1]:9.2f} {p[0]:8.2f}  ({p[4]})")


if __name__ == "__main__":
    main()
