#!/usr/bin/env python3
"""Makes the call-centre week with named agents (Benchmarks/AgentsWeek), seeded so it is the same every time.

- forecast.csv: Fixtures/forecast-week.csv with volumes scaled by 0.55, so that `shiftcast staff` (80% within
  20 s, occupancy at most 85%, shrinkage 30%) asks for a peak of 158 agents to schedule;
- shifts.csv: one family, shifts of 4 to 10 hours in 15-minute steps starting every 15 minutes, any day;
- breaks.csv: the rules of Fixtures/breaks-week.csv (a 15-minute break 90m-3h after the start, an unpaid
  30-minute lunch 210m-5h after the start in shifts of 6h or more, a 15-minute break 2h-1h before the end in
  shifts of 8h or more): two breaks and a lunch in a full shift;
- agents.csv: 200 agents, 150 full-time (36-40 h, 5 days) and 50 part-time (16-24 h, 3 days, or 20-30 h,
  4 days), all with 11 h rest; about one in four has an unavailable weekday, about one in ten a day off
  on a date of the week.

Usage: make_agents_week.py [FOLDER]   (default: the folder of this script)
"""
import csv
import os
import sys

SCALE = 0.55
here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else here
root = os.path.dirname(os.path.dirname(here))

with open(os.path.join(root, "Fixtures", "forecast-week.csv"), newline="") as source:
    rows = list(csv.DictReader(source))
with open(os.path.join(folder, "forecast.csv"), "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["timestamp", "volume", "aht"])
    for row in rows:
        writer.writerow([row["timestamp"], f"{float(row['volume']) * SCALE:.1f}", row["aht"]])

with open(os.path.join(folder, "shifts.csv"), "w") as out:
    out.write("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n")
    out.write("any,*,00:00,23:45,15m,4h,10h,15m,1\n")

with open(os.path.join(folder, "breaks.csv"), "w") as out:
    out.write("shift,activity,duration,anchor,earliest,latest,min_shift_length,paid\n")
    out.write("*,break,15m,start,90m,3h,,true\n")
    out.write("*,lunch,30m,start,210m,5h,6h,false\n")
    out.write("*,break,15m,end,2h,1h,8h,true\n")

# The agents: the generator of Fixtures/make_sample_agents.py, 200 of them, 150 full-time.
sys.path.insert(0, os.path.join(root, "Fixtures"))
from make_sample_agents import write_agents  # noqa: E402

write_agents(os.path.join(folder, "agents.csv"), count=200, full_time=150)
