#!/usr/bin/env python3
"""Makes Fixtures/agents-sample.csv, the named agents `shiftcast demo` schedules, seeded so it is the same
every time.

450 agents for the sample week (`demo` staffs some 14 000 agent-hours from history-sample.csv):
- 340 full-time: 36-40 paid hours on at most 5 days;
- 110 part-time: 16-24 hours on 3 days, or 20-30 hours on 4 days;
- all with 11 hours of rest between shifts and every shift family of shifts-week.csv;
- about one in four has a weekday they never work, about one in ten a date of the week off.

Usage: make_sample_agents.py [OUTPUT]   (default: agents-sample.csv beside this script)
"""
import csv
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DATES = [f"2025-03-{day:02d}" for day in range(3, 10)]  # the sample week, Monday to Sunday


def write_agents(path, count, full_time, seed=20250303):
    """Writes `count` agents to `path`, the first `full_time` of them full-time (36-40 h on 5 days), the rest
    part-time (16-24 h on 3 days or 20-30 h on 4), all with 11 h rest and every family; about one in four
    gets a weekday off and one in ten a date of the sample week off. The same arguments give the same file."""
    rng = random.Random(seed)
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["agent", "shifts", "min_week_hours", "max_week_hours", "max_days_per_week", "min_rest_hours", "unavailable"])
        for number in range(1, count + 1):
            if number <= full_time:
                minimum, maximum, days = 36, 40, 5
            elif rng.random() < 0.5:
                minimum, maximum, days = 16, 24, 3
            else:
                minimum, maximum, days = 20, 30, 4
            unavailable = []
            if rng.random() < 0.25:
                unavailable.append(rng.choice(WEEKDAYS))
            if rng.random() < 0.1:
                unavailable.append(rng.choice(DATES))
            writer.writerow([f"agent{number:03d}", "*", minimum, maximum, days, 11, "|".join(unavailable)])


if __name__ == "__main__":
    write_agents(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "agents-sample.csv"), count=450, full_time=340)
