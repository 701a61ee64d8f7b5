#!/usr/bin/env python3
"""Issue 10's speed bar instance: a week of 15-minute intervals for a 300-agent centre.

Writes volumes.csv (672 intervals, about 100 000 contacts, open 07:00-22:00 with a morning and an
afternoon peak, AHT 300 s) and schedule.csv (300 agents, five 8-hour shifts each with a 30-minute break
in the middle, starts staggered over the day). Seeded; no dependencies.
Usage: make_week.py FOLDER
"""
import math, os, random, sys
from datetime import datetime, timedelta

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
random.seed(10)
monday = datetime(2025, 3, 3)
weights = []
for slot in range(7 * 96):
    hour = (slot % 96) / 4
    day = slot // 96
    open_ = 7 <= hour < 22
    shape = math.exp(-((hour - 10.5) / 2.2) ** 2) + 0.8 * math.exp(-((hour - 15.5) / 2.5) ** 2) + 0.15
    weights.append((shape * (0.6 if day >= 5 else 1.0)) if open_ else 0.0)
scale = 100_000 / sum(weights)
with open(os.path.join(folder, "volumes.csv"), "w") as f:
    f.write("timestamp,volume,aht\n")
    for slot, weight in enumerate(weights):
        f.write(f"{(monday + timedelta(minutes=15 * slot)):%Y-%m-%dT%H:%M:%S},{weight * scale:.3f},300\n")
with open(os.path.join(folder, "schedule.csv"), "w") as f:
    f.write("agent,date,shift,activity,start,end\n")
    for agent in range(300):
        start_minute = 7 * 60 + (agent * 37) % (6 * 60)  # starts from 07:00 to 13:00
        off = {agent % 7, (agent + 1) % 7}
        for day in range(7):
            if day in off:
                continue
            start = monday + timedelta(days=day, minutes=start_minute)
            rows = [("work", 0, 240), ("break", 240, 270), ("work", 270, 480)]
            for activity, a, b in rows:
                f.write(f"A{agent + 1:04d},{start:%Y-%m-%d},day,{activity},"
                        f"{start + timedelta(minutes=a):%Y-%m-%dT%H:%M:%S},{start + timedelta(minutes=b):%Y-%m-%dT%H:%M:%S}\n")
