#!/usr/bin/env python3
"""Delivered service of 7-day plans on the Israeli bank's real arrivals (issue 10), measured by `shiftcast review`.

Run through delivered-service.sh, which builds Shiftcast in release mode. Standard library only.

Origins: exactly those of the forecasting benchmark's Israel 7-day set (forecast_accuracy.py,
DATA_SETS["israel-7d"]: every 4 weeks from Sunday 1999-03-07 to 1999-12-19), read from that file so the
two benchmarks cannot drift apart. For each origin the history is every row of israel-bank-1999-6min.csv
before it, and the actuals are the 7 days (1 680 six-minute intervals) from it.

The file has calls and no handle times: every command gets `--aht 200s` (Brown et al. 2005, JASA 100:36,
report mean service times of about 3 minutes, 200 s, for this bank). Target 80% within 20 s, occupancy at
most 85%, shrinkage 30% (Erlang C). Shifts: one family, any day, starts every 30 minutes from 00:00 to
23:30, 4 to 9 hours in 30-minute steps (the centre is open Sunday to Thursday 07:00-24:00, closes Friday
at 14:00 and reopens Saturday evening; an IVR answers at night). Not cyclic: the plan is one week that
does not repeat. `--time-limit 30s` on every schedule search.

Variants, each reviewed against the same actuals (`shiftcast review --replications 30`):
- A, forecast plan: `shiftcast plan --history H --events israel-holidays --horizon 7d ...`, what a
  planner would have done on the Sunday before the week;
- P, perfect foresight: the actuals themselves as the forecast, then `staff` and `schedule` with the
  same settings, and A's plan.json (the same policy), in a plan folder of its own;
- U (optional, `--variant-u-args "--uncertainty"`): `plan` as A with extra arguments; if `plan`
  rejects them (exit 64), U is reported unavailable.

Printed: per origin, each variant's delivered service level (the review summary's, answered within 20 s
over offered) and paid hours with the ratio of paid hours to P's; then the totals over the origins where
every variant ran: the contact-weighted service level (each origin's level weighted by its actual
contacts, so answered in time over offered) and the total paid hours with their ratio to P. Per-origin
results go to WORK/results.json; every command's files stay in WORK (A-YYYY-MM-DD, P-..., U-...).

A failing command prints its standard error; that origin (or that variant of it) is marked failed and
the others go on.

Usage: delivered_service.py SHIFTCAST_BINARY DATA_FOLDER WORK_FOLDER [--origins N|DATE,DATE,...]
       [--variants A,P] [--variant-u-args "--uncertainty"] [--replications 30] [--time-limit 30s]
"""
import argparse
import ast
import csv
import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HISTORY_FILE = "israel-bank-1999-6min.csv"
EVENTS_FILE = "israel-holidays-1999.csv"
STEP = dt.timedelta(minutes=6)
HORIZON_DAYS = 7
AHT = "200s"
AHT_SECONDS = 200
TARGETS = ["--service-level", "80%", "--answer-within", "20s", "--max-occupancy", "85%", "--shrinkage", "30%"]
# What `plan` writes to plan.json for these targets; used for P only when A's plan folder has none.
PLAN_JSON = {"answer_within": 20, "cyclic": False, "max_occupancy": 0.85, "model": "erlang-c",
             "service_level": 0.8, "shrinkage": 0.3}
SHIFTS = ("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n"
          "any,*,00:00,23:30,30m,4h,9h,30m,1\n")
DATA_SET = "israel-7d"
SLOTS_PER_DAY = 240
# The other development set with an interval grid (`--data-set bernalillo-hourly-7d`): hourly, so shifts
# start on the hour; the same targets and the same assumed AHT (the export has none).
OTHER_SETS = {
    "bernalillo-hourly-7d": {
        "history": "bernalillo-hourly-2023-2024.csv", "events": "bernalillo-events-2023-2024.csv",
        "step": dt.timedelta(hours=1), "slots": 24,
        "shifts": ("shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour\n"
                   "any,*,00:00,23:00,1h,4h,9h,1h,1\n"),
    },
}
COMMAND_TIMEOUT = 1800  # seconds; a command that runs longer is killed and counted as failed
SUMMARY = re.compile(r"delivered service level ([0-9.]+)% within \S+ \(95% interval ([0-9.]+)% to ([0-9.]+)%\)"
                     r".*?forecast WAPE ([0-9.]+)%, bias (-?[0-9.]+)%; paid hours ([0-9.]+)")
BELOW = re.compile(r"^\s+(\d+) of (\d+) intervals below target: (\d+) by the forecast.*?, (\d+) by the schedule.*?, "
                   r"(\d+) by variability")
DAY = re.compile(r"^\s+(\d{4}-\d{2}-\d{2}): service level ([0-9.]+)%, forecast (\d+) against (\d+) arrived")


def benchmark_origins():
    """The origins of DATA_SETS["israel-7d"] in forecast_accuracy.py, evaluated from its source (that file
    imports numpy and pandas, so it is parsed rather than imported: its date helpers and DATA_SETS only)."""
    path = os.path.join(HERE, "forecast_accuracy.py")
    with open(path) as f:
        tree = ast.parse(f.read(), path)
    keep = [node for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name in ("month_starts", "every_four_weeks")
            or isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "DATA_SETS" for t in node.targets)]
    namespace = {"dt": dt}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), namespace)
    history_file, events_file, horizon_days, origins = namespace["DATA_SETS"][DATA_SET]
    assert (history_file, events_file, horizon_days) == (HISTORY_FILE, EVENTS_FILE, HORIZON_DAYS), f"{DATA_SET} changed"
    return origins


def load_series(path):
    """(timestamp, volume text) for every 6-minute interval of the file, gaps filled with 0 (as the
    forecasting benchmark does)."""
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rows.append((dt.datetime.fromisoformat(row["timestamp"]), row["volume"].strip()))
    rows.sort()
    series, expected = [], rows[0][0]
    for stamp, volume in rows:
        while expected < stamp:
            series.append((expected, "0"))
            expected += STEP
        series.append((stamp, volume))
        expected = stamp + STEP
    filled = len(series) - len(rows)
    if filled:
        print(f"note: {filled} missing intervals of {path} filled with 0", file=sys.stderr)
    return series


def write_volumes(path, rows, aht=None):
    with open(path, "w") as f:
        f.write("timestamp,volume" + (",aht" if aht is not None else "") + "\n")
        for stamp, volume in rows:
            f.write(f"{stamp:%Y-%m-%dT%H:%M:%S},{volume}" + (f",{aht}" if aht is not None else "") + "\n")


class CommandFailed(Exception):
    def __init__(self, command, code, stderr):
        super().__init__(f"exit {code}")
        self.command, self.code, self.stderr = command, code, stderr


def run(command, label):
    """Runs a command; returns its standard error. A non-zero exit prints the command and its standard
    error and raises CommandFailed."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=COMMAND_TIMEOUT)
        code, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as timeout:
        code = "timeout"
        stderr = (timeout.stderr.decode() if isinstance(timeout.stderr, bytes) else timeout.stderr or "")
        stderr += f"\n(killed after {COMMAND_TIMEOUT} s)"
    except OSError as error:
        code, stderr = "not run", str(error)
    elapsed = time.perf_counter() - start
    if code != 0:
        print(f"  {label} FAILED ({code}, {elapsed:.1f} s): {shlex.join(command)}\n"
              + "".join(f"    | {line}\n" for line in stderr.rstrip().splitlines()), file=sys.stderr, flush=True)
        raise CommandFailed(command, code, stderr)
    print(f"  {label}: {elapsed:.1f} s", file=sys.stderr, flush=True)
    return stderr


def schedule_note(text):
    """The schedule summary's line(s) about the search (objective, bound, gap, stopped by the limit)."""
    lines = [line.strip() for line in text.splitlines()
             if re.search(r"gap|bound|time limit|optimal|stopped|objective", line, re.IGNORECASE)]
    return " | ".join(lines[:3])


def review(binary, folder, actuals, replications, label):
    """Runs `review` on a plan folder; returns the figures of its summary and of review.csv."""
    out = os.path.join(folder, "review.csv")
    stderr = run([binary, "review", "--plan", folder, "--actuals", actuals, "--replications", str(replications),
                  "-o", out], label)
    with open(os.path.join(folder, "review-summary.txt"), "w") as f:
        f.write(stderr)
    lines = stderr.splitlines()
    first = next((line for line in lines if line.startswith("review:")), "")
    match = SUMMARY.search(first)
    if not match:
        raise CommandFailed(["review"], "unparsed summary", stderr)
    result = {
        "service_level": float(match.group(1)) / 100,
        "service_level_low": float(match.group(2)) / 100,
        "service_level_high": float(match.group(3)) / 100,
        "forecast_wape": float(match.group(4)) / 100,
        "forecast_bias": float(match.group(5)) / 100,
        "paid_hours": float(match.group(6)),
    }
    for line in lines:
        below = BELOW.match(line)
        if below:
            result["below_target"] = dict(zip(["intervals", "of", "forecast", "schedule", "variability"],
                                              map(int, below.groups())))
    result["days"] = {m.group(1): {"service_level": float(m.group(2)) / 100, "forecast": int(m.group(3)),
                                   "actual": int(m.group(4))}
                      for m in map(DAY.match, lines) if m}
    # From the review file: contacts, the contact-weighted mean of the intervals' levels, agent-hours at work.
    contacts = weighted = at_work = required = required_actual = 0.0
    with open(out, newline="") as f:
        for row in csv.DictReader(f):
            actual = float(row["actual"])
            contacts += actual
            weighted += actual * float(row["service_level"])
            at_work += float(row["at_work"])
            required += float(row["required"])
            required_actual += float(row["required_actual"])
    hours = STEP.total_seconds() / 3600
    result.update({
        "contacts": contacts,
        "service_level_from_intervals": weighted / contacts if contacts else None,
        "at_work_hours": at_work * hours,
        "required_hours": required * hours,
        "required_actual_hours": required_actual * hours,
    })
    return result


def variant_plan(binary, history, events, shifts, folder, time_limit, extra, label):
    shutil.rmtree(folder, ignore_errors=True)
    run([binary, "plan", "--history", history, "--events", events, "--horizon", f"{HORIZON_DAYS}d", "--aht", AHT,
         *TARGETS, "--shifts", shifts, "--output-folder", folder, "--quiet", "--time-limit", time_limit, *extra], label)
    note = ""
    report = os.path.join(folder, "report.md")
    if os.path.exists(report):
        with open(report) as f:
            note = schedule_note(f.read())
    return note


def variant_perfect(binary, actual_rows, shifts, folder, plan_json_from, time_limit, label):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    forecast = os.path.join(folder, "forecast.csv")
    write_volumes(forecast, actual_rows, AHT_SECONDS)
    run([binary, "staff", "--forecast", forecast, "--aht", AHT, *TARGETS, "-o", os.path.join(folder, "requirements.csv")],
        label + " staff")
    # Without --quiet so that the search's summary (bound, gap) is kept; the schedule is the same.
    stderr = run([binary, "schedule", "--requirements", os.path.join(folder, "requirements.csv"), "--shifts", shifts,
                  "--time-limit", time_limit, "-o", os.path.join(folder, "schedule.csv")], label + " schedule")
    with open(os.path.join(folder, "schedule-summary.txt"), "w") as f:
        f.write(stderr)
    source = os.path.join(plan_json_from, "plan.json")
    if os.path.exists(source):
        shutil.copy(source, os.path.join(folder, "plan.json"))
    else:
        with open(os.path.join(folder, "plan.json"), "w") as f:
            json.dump(PLAN_JSON, f, sort_keys=True)
            f.write("\n")
    return schedule_note(stderr)


def select_origins(all_origins, spec):
    if not spec:
        return all_origins
    if spec.isdigit():
        return all_origins[:int(spec)]
    wanted = [dt.datetime.strptime(day, "%Y-%m-%d") for day in spec.split(",") if day]
    unknown = [f"{day:%Y-%m-%d}" for day in wanted if day not in all_origins]
    if unknown:
        sys.exit(f"not an origin of the {DATA_SET} set: {', '.join(unknown)}; "
                 f"those are {', '.join(f'{d:%Y-%m-%d}' for d in all_origins)}")
    return wanted


def fmt(value, spec, width):
    return f"{value:{width}{spec}}" if value is not None else f"{'-':>{width}}"


def print_table(results, variants, u_unavailable):
    columns = [v for v in variants if not (v == "U" and u_unavailable)]
    header = f"{'origin':10} {'contacts':>8}"
    for v in columns:
        header += f" | {v + ' SL %':>7} {v + ' paid h':>9}" + (f" {v + '/P':>6}" if v != "P" else "")
    print(header)
    print("-" * len(header))
    for r in results:
        line = f"{r['origin']:10} {fmt(r.get('contacts'), '.0f', 8)}"
        p = r["variants"].get("P", {})
        for v in columns:
            x = r["variants"].get(v, {})
            if x.get("status") != "ok":
                line += f" | {'failed':>17}" + ("       " if v != "P" else "")
                continue
            line += f" | {x['service_level'] * 100:7.2f} {x['paid_hours']:9.1f}"
            if v != "P":
                ratio = x["paid_hours"] / p["paid_hours"] if p.get("status") == "ok" and p["paid_hours"] else None
                line += f" {fmt(ratio, '.3f', 6)}"
        print(line)
    complete = [r for r in results if all(r["variants"].get(v, {}).get("status") == "ok" for v in columns)]
    print("-" * len(header))
    totals = {"origins": [r["origin"] for r in complete], "variants": {}}
    if complete:
        contacts = sum(r["contacts"] for r in complete)
        line = f"{'total':10} {contacts:8.0f}"
        paid_p = sum(r["variants"]["P"]["paid_hours"] for r in complete) if "P" in columns else None
        for v in columns:
            level = sum(r["variants"][v]["service_level"] * r["contacts"] for r in complete) / contacts
            paid = sum(r["variants"][v]["paid_hours"] for r in complete)
            totals["variants"][v] = {"service_level": level, "paid_hours": paid,
                                     "paid_ratio_to_p": paid / paid_p if paid_p else None}
            line += f" | {level * 100:7.2f} {paid:9.1f}"
            if v != "P":
                line += f" {fmt(paid / paid_p if paid_p else None, '.3f', 6)}"
        print(line)
        print(f"(totals over {len(complete)} of {len(results)} origins where every variant ran; service level "
              f"weighted by each origin's actual contacts)")
    else:
        print("no origin where every variant ran: no totals")
    if u_unavailable:
        print(f"variant U unavailable: {u_unavailable}")
    return totals


def main():
    global HISTORY_FILE, EVENTS_FILE, STEP, SHIFTS, DATA_SET, SLOTS_PER_DAY
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("data")
    parser.add_argument("work")
    parser.add_argument("--origins", help="the first N origins, or a comma-separated list of them (default: all)")
    parser.add_argument("--variants", default="A,P", help="of A and P (U comes with --variant-u-args)")
    parser.add_argument("--variant-u-args", help='extra arguments of plan for variant U, e.g. "--uncertainty"')
    parser.add_argument("--replications", type=int, default=30)
    parser.add_argument("--time-limit", default="30s")
    parser.add_argument("--data-set", default="israel-7d", choices=["israel-7d", *OTHER_SETS],
                        help="the development set (its origins in forecast_accuracy.py)")
    argv = sys.argv[1:]
    for i, arg in enumerate(argv[:-1]):  # its value starts with "--", which argparse would take for a flag
        if arg == "--variant-u-args":
            argv[i:i + 2] = [f"--variant-u-args={argv[i + 1]}"]
            break
    args = parser.parse_args(argv)
    if args.data_set != DATA_SET:
        chosen = OTHER_SETS[args.data_set]
        HISTORY_FILE, EVENTS_FILE, STEP = chosen["history"], chosen["events"], chosen["step"]
        SHIFTS, SLOTS_PER_DAY, DATA_SET = chosen["shifts"], chosen["slots"], args.data_set

    binary = os.path.abspath(args.binary)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    variants = [v for v in "AP" if v in args.variants.upper().split(",")]
    u_args = shlex.split(args.variant_u_args) if args.variant_u_args else None
    if u_args is not None:
        variants.append("U")
    u_unavailable = None
    origins = select_origins(benchmark_origins(), args.origins)
    series = load_series(os.path.join(args.data, HISTORY_FILE))
    events = os.path.join(args.data, EVENTS_FILE)
    shifts = os.path.join(work, "shifts.csv")
    with open(shifts, "w") as f:
        f.write(SHIFTS)
    print(f"{len(origins)} origins, variants {','.join(variants)}" + (f" (U: plan {shlex.join(u_args)})" if u_args else "")
          + f", {args.replications} replications, --time-limit {args.time_limit}, work folder {work}", file=sys.stderr)

    results, started = [], time.perf_counter()
    for origin in origins:
        name = f"{origin:%Y-%m-%d}"
        origin_start = time.perf_counter()
        print(f"{name}:", file=sys.stderr, flush=True)
        end = origin + dt.timedelta(days=HORIZON_DAYS)
        history_rows = [row for row in series if row[0] < origin]
        actual_rows = [row for row in series if origin <= row[0] < end]
        record = {"origin": name, "variants": {}}
        results.append(record)
        if len(actual_rows) < HORIZON_DAYS * SLOTS_PER_DAY:
            print(f"  only {len(actual_rows)} intervals of actuals: skipped", file=sys.stderr)
            record["status"] = "no actuals"
            continue
        folder = os.path.join(work, f"data-{name}")
        os.makedirs(folder, exist_ok=True)
        history = os.path.join(folder, "history.csv")
        actuals = os.path.join(folder, "actuals.csv")
        write_volumes(history, history_rows)
        write_volumes(actuals, actual_rows, AHT_SECONDS)
        record["contacts"] = sum(float(volume) for _, volume in actual_rows)
        for variant in variants:
            if variant == "U" and u_unavailable:
                continue
            plan_folder = os.path.join(work, f"{variant}-{name}")
            label = f"{variant} {name}"
            entry = {"folder": plan_folder}
            record["variants"][variant] = entry
            try:
                if variant == "P":
                    entry["schedule_search"] = variant_perfect(binary, actual_rows, shifts, plan_folder,
                                                               os.path.join(work, f"A-{name}"), args.time_limit, label)
                else:
                    entry["schedule_search"] = variant_plan(binary, history, events, shifts, plan_folder, args.time_limit,
                                                            u_args if variant == "U" else [], label + " plan")
                entry.update(review(binary, plan_folder, actuals, args.replications, label + " review"))
                entry["status"] = "ok"
                print(f"  {variant}: delivered {entry['service_level'] * 100:.2f}%, paid {entry['paid_hours']:.1f} h; "
                      f"search: {entry['schedule_search'] or '?'}", file=sys.stderr, flush=True)
            except CommandFailed as failure:
                entry.update({"status": "failed", "command": shlex.join(map(str, failure.command)),
                              "exit": failure.code, "stderr": failure.stderr})
                if variant == "U" and failure.code == 64 and failure.command[1:2] == ["plan"]:
                    u_unavailable = f"plan rejected {shlex.join(u_args)}: {failure.stderr.strip().splitlines()[0] if failure.stderr.strip() else 'exit 64'}"
                    entry["status"] = "unavailable"
        record["seconds"] = time.perf_counter() - origin_start
        record["status"] = "ok" if all(v.get("status") in ("ok", "unavailable") for v in record["variants"].values()) else "failed"
        with open(os.path.join(work, "results.json"), "w") as f:
            json.dump({"origins": results}, f, indent=1)

    if u_unavailable:
        for record in results:
            record["variants"].pop("U", None)
    elapsed = time.perf_counter() - started
    totals = print_table(results, variants, u_unavailable)
    print(f"{len(origins)} origins in {elapsed / 60:.1f} min")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"settings": {"aht": AHT, "targets": TARGETS, "shifts": SHIFTS, "replications": args.replications,
                                "time_limit": args.time_limit, "variant_u_args": u_args, "u_unavailable": u_unavailable},
                   "origins": results, "totals": totals, "seconds": elapsed}, f, indent=1)


if __name__ == "__main__":
    main()
