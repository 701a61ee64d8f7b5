#!/usr/bin/env python3
"""Convert Minimum Shift Design (MSD) instances to Shiftcast's Requirements and Shifts files.

The instances are the TU Wien DBAI shift-design benchmark (Musliu, Schaerf and Slany 2004; Di Gaspero
et al. 2007) in MiniZinc data form (`name = value;` statements; see ../shared/shift-design/README.md).

Usage:
    convert_msd.py INSTANCE.dzn OUTPUT_FOLDER [--start 2024-01-01]

Writes OUTPUT_FOLDER/requirements.csv and OUTPUT_FOLDER/shifts.csv, and prints the `shiftcast schedule`
flags that give the instance's own objective. The mapping:

- `demand` (workers per slot, Monday 00:00 first) becomes `timestamp,required` rows from --start (a
  Monday) in steps of `interval` minutes.
- Shift type i becomes a family `type<i>` (`morning`, `day`, `afternoon`, `night` when there are four)
  on every day (`*`): starts from slot minStart[i] to maxStart[i] of the day in steps of one slot, lengths
  from minLength[i] to maxLength[i] slots in steps of one slot. Slots are counted from 0 at midnight.
- `cost_per_hour` is 0: the MSD objective does not count paid hours.
- The instance's weights become flags: `--under-weight weightUnderCover --over-weight weightOverCover`
  (both per worker-minute, as in Shiftcast) and `--distinct-shift-penalty weightShiftInstances`; the
  7-day horizon is cyclic (`--cyclic`), so a night shift on Sunday covers Monday morning.
- `minDuties`, `maxDuties` and `avgMinutes` (per-employee limits) are not part of the MSD objective
  and are not converted.
"""
import argparse
import datetime
import os
import re
import sys


def parse_dzn(text):
    """The statements of a .dzn file as a dict of ints or lists of ints."""
    values = {}
    for statement in text.split(";"):
        statement = re.sub(r"%.*", "", statement).strip()
        if not statement or "=" not in statement:
            continue
        name, value = (part.strip() for part in statement.split("=", 1))
        if value.startswith("["):
            values[name] = [int(item) for item in value.strip("[]").split(",") if item.strip()]
        else:
            values[name] = int(value)
    return values


def hhmm(minutes):
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def convert(path, folder, start):
    with open(path, encoding="utf-8") as handle:
        data = parse_dzn(handle.read())
    interval = data["interval"]
    demand = data["demand"]
    days = data.get("days", 7)
    if len(demand) != days * 1440 // interval:
        sys.exit(f"{path}: demand has {len(demand)} values; expected days*1440/interval = {days * 1440 // interval}")
    if start.weekday() != 0:
        sys.exit(f"--start {start} is not a Monday")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "requirements.csv"), "w", encoding="utf-8") as out:
        out.write("timestamp,required\n")
        moment = datetime.datetime.combine(start, datetime.time())
        for value in demand:
            out.write(f"{moment:%Y-%m-%dT%H:%M},{value}\n")
            moment += datetime.timedelta(minutes=interval)
    count = data["shiftTypes"]
    names = ["morning", "day", "afternoon", "night"] if count == 4 else [f"type{i + 1}" for i in range(count)]
    with open(os.path.join(folder, "shifts.csv"), "w", encoding="utf-8") as out:
        out.write("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n")
        for i in range(count):
            out.write(",".join([
                names[i], "*",
                hhmm(data["minStart"][i] * interval), hhmm(data["maxStart"][i] * interval), f"{interval}m",
                f"{data['minLength'][i] * interval}m", f"{data['maxLength'][i] * interval}m", f"{interval}m", "0",
            ]) + "\n")
    return (f"--cyclic --under-weight {data['weightUnderCover']} --over-weight {data['weightOverCover']} "
            f"--distinct-shift-penalty {data['weightShiftInstances']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance")
    parser.add_argument("output_folder")
    parser.add_argument("--start", default="2024-01-01", help="the Monday the week starts on (default 2024-01-01)")
    arguments = parser.parse_args()
    flags = convert(arguments.instance, arguments.output_folder, datetime.date.fromisoformat(arguments.start))
    print(flags)


if __name__ == "__main__":
    main()
