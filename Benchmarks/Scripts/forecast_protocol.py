#!/usr/bin/env python3
"""The honest protocol for forecasting changes (issue 8): tuning and validation periods, peers, and
leave-one-set-out, on the folds and scoring of forecast_accuracy.py.

Each development set's origins are split by date into a tuning period (the folds a change may be looked
at on) and a validation period (the folds no choice looks at; a change is kept only when validation does
not get worse):

- Bernalillo (daily, hourly): origins up to 2024-06 tune, 2024-07 to 2024-12 validate;
- Israel (7 and 28 days): origins January to June tune, July to December validate.

Printed per set and period: WAPE of Shiftcast's default (`forecast --events`, as a new user runs it), of
the same without the events file, of Shiftcast's `average-4w` (the spreadsheet method, no events), and of
each peer (from forecast_accuracy.py's peer models; cached in WORK/peers-SET.json, since MSTL and Prophet
take tens of minutes), with the ratio of the default to the best peer.

With `--before BINARY`, the default of an earlier build is printed beside this one's, from the same run.
With `--fast-peers`, a set whose full peers are cached keeps them; the others get the seasonal averages.

Leave-one-set-out (`--loso MODEL,MODEL,...`): for each set, the model (`forecast --model M --events`) with
the least mean WAPE relative to `average-4w` over the other three sets (both periods) is scored on it;
a default chosen that way did not see the set it is scored on.

Usage: forecast_protocol.py SHIFTCAST_BINARY DATA_FOLDER WORK_FOLDER [--sets ...] [--peers [--fast-peers]] [--no-prophet]
       [--loso auto,combo-mean,average-4w,...] [--extra '--folds 8'] [--before BINARY]
"""
import argparse
import datetime as dt
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forecast_accuracy as fa  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

VALIDATION_FROM = {
    "israel-7d": dt.datetime(1999, 7, 1),
    "israel-28d": dt.datetime(1999, 7, 1),
    "bernalillo-daily-28d": dt.datetime(2024, 7, 1),
    "bernalillo-hourly-7d": dt.datetime(2024, 7, 1),
}
PERIODS = ("tuning", "validation")
EXTRA = []  # --extra: arguments for every run


def period(name, origin):
    return "validation" if origin >= VALIDATION_FROM[name] else "tuning"


class DataSet:
    def __init__(self, name, data):
        history_file, events_file, self.horizon_days, origins = fa.DATA_SETS[name]
        self.name = name
        self.history, self.step, self.column = fa.load(os.path.join(data, history_file))
        self.events = os.path.join(data, events_file)
        self.daily = self.step >= pd.Timedelta("1D")
        self.slots_per_day = 1 if self.daily else int(pd.Timedelta("1D") / self.step)
        self.horizon = self.horizon_days * self.slots_per_day
        self.origins = [o for o in origins if len(self.history[self.history.index >= o]) >= self.horizon]

    def actual(self, origin):
        return fa.scored(self.history[self.history.index >= origin][:self.horizon].to_numpy(), self.step)

    def error(self, origin, forecast):
        return float(np.abs(fa.scored(forecast[:self.horizon], self.step) - self.actual(origin)).sum())


def shiftcast_errors(binary, data_set, work, extra, with_events=True):
    """Absolute error and actual total per origin of `shiftcast forecast` with the given extra arguments."""
    import subprocess
    result = {}
    path, out = os.path.join(work, "history.csv"), os.path.join(work, "forecast.csv")
    fmt = "%Y-%m-%d" if data_set.column == "date" else "%Y-%m-%dT%H:%M:%S"
    for origin in data_set.origins:
        frame = data_set.history[data_set.history.index < origin]
        with open(path, "w") as f:
            f.write(f"{data_set.column},volume\n")
            f.writelines(f"{t.strftime(fmt)},{v:g}\n" for t, v in frame.items())
        command = [binary, "forecast", "--history", path, "--horizon", f"{data_set.horizon_days}d", "--quiet", "-o", out]
        if with_events:
            command += ["--events", data_set.events]
        subprocess.run(command + extra + EXTRA, check=True, stderr=subprocess.DEVNULL)
        forecast = pd.read_csv(out)["volume"].to_numpy()
        result[origin] = (data_set.error(origin, forecast), float(data_set.actual(origin).sum()))
    return result


def seasonal_averages(history, origin, horizon, slots_per_day, freq):
    """The two fast peers alone (statsforecast's SeasonalWindowAverage over 4 weeks, SeasonalNaive)."""
    from statsforecast import StatsForecast
    from statsforecast.models import SeasonalNaive, SeasonalWindowAverage
    week = 7 * slots_per_day
    train = history[history.index < origin]
    frame = pd.DataFrame({"unique_id": "q", "ds": train.index, "y": train.to_numpy()})
    models = [SeasonalWindowAverage(season_length=week, window_size=4, alias="SeasonalWindowAverage"),
              SeasonalNaive(season_length=week, alias="SeasonalNaive")]
    forecast = StatsForecast(models=models, freq=freq, n_jobs=1).forecast(df=frame, h=horizon)
    return {m.alias: np.clip(forecast[m.alias].to_numpy(), 0, None) for m in models}


def peer_errors(data_set, work, use_prophet, fast=False):
    """Per origin and peer: absolute error; cached, since the peers never change."""
    full = os.path.join(work, f"peers-{data_set.name}.json")
    cache = full if not fast or os.path.exists(full) else os.path.join(work, f"peers-{data_set.name}-fast.json")
    if os.path.exists(cache):
        with open(cache) as f:
            stored = json.load(f)
        return {pd.Timestamp(k).to_pydatetime(): v for k, v in stored.items()}
    freq = "D" if data_set.daily else pd.tseries.frequencies.to_offset(data_set.step).freqstr
    holidays = fa.holidays_frame(data_set.events)
    result = {}
    for origin in data_set.origins:
        forecasts = (seasonal_averages(data_set.history, origin, data_set.horizon, data_set.slots_per_day, freq) if fast
                     else fa.peer_forecasts(data_set.history, origin, data_set.horizon, data_set.slots_per_day,
                                            data_set.daily, freq, holidays, use_prophet, {}))
        result[origin] = {model: data_set.error(origin, forecast) for model, forecast in forecasts.items()}
        print(f"  peers {data_set.name} {origin:%Y-%m-%d} done", file=sys.stderr, flush=True)
    with open(cache, "w") as f:
        json.dump({k.isoformat(): v for k, v in result.items()}, f)
    return result


def wape(errors, data_set, which):
    """WAPE over the origins of one period (`which`) or all (None), from {origin: (error, actual)}."""
    chosen = [o for o in data_set.origins if which is None or period(data_set.name, o) == which]
    return sum(errors[o][0] for o in chosen) / sum(errors[o][1] for o in chosen)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("data")
    parser.add_argument("work")
    parser.add_argument("--sets", default=",".join(fa.DATA_SETS))
    parser.add_argument("--peers", action="store_true", help="compare with the peers (computed once, then cached)")
    parser.add_argument("--no-prophet", action="store_true")
    parser.add_argument("--fast-peers", action="store_true",
                        help="only the seasonal averages as peers (MSTL and Prophet take about an hour on the 6-minute data)")
    parser.add_argument("--loso", default="", help="models for leave-one-set-out, comma-separated")
    parser.add_argument("--before", help="an earlier binary, whose default is printed beside this one's")
    parser.add_argument("--extra", default="", help="arguments added to every `shiftcast forecast`, e.g. '--folds 8'")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    EXTRA.extend(args.extra.split())
    sets = [DataSet(name, args.data) for name in filter(None, args.sets.split(","))]
    started = time.perf_counter()
    print(f"{'data set':22} {'period':10} {'folds':>5} " + (f"{'before':>8} " if args.before else "")
          + f"{'default':>8} {'no events':>9} {'avg-4w':>7}  peers (best first)")
    for data_set in sets:
        default = shiftcast_errors(args.binary, data_set, args.work, [])
        before = shiftcast_errors(args.before, data_set, args.work, []) if args.before else None
        no_events = shiftcast_errors(args.binary, data_set, args.work, [], with_events=False)
        spreadsheet = shiftcast_errors(args.binary, data_set, args.work, ["--model", "average-4w"], with_events=False)
        peers = peer_errors(data_set, args.work, not args.no_prophet, args.fast_peers) if args.peers else {}
        for which in PERIODS:
            folds = sum(period(data_set.name, o) == which for o in data_set.origins)
            line = (f"{data_set.name:22} {which:10} {folds:5} "
                    + (f"{wape(before, data_set, which):8.4f} " if before else "")
                    + f"{wape(default, data_set, which):8.4f} "
                    f"{wape(no_events, data_set, which):9.4f} {wape(spreadsheet, data_set, which):7.4f}")
            if peers:
                names = next(iter(peers.values())).keys()
                scores = {m: wape({o: (peers[o][m], default[o][1]) for o in data_set.origins}, data_set, which) for m in names}
                ranked = sorted(scores.items(), key=lambda item: item[1])
                line += "  " + ", ".join(f"{m} {v:.3f}" for m, v in ranked)
                line += f"  | default / best peer {wape(default, data_set, which) / ranked[0][1]:.3f}"
            print(line, flush=True)
    if args.loso:
        models = args.loso.split(",")
        scores = {}
        for data_set in sets:
            base = wape(shiftcast_errors(args.binary, data_set, args.work, ["--model", "average-4w"], with_events=False), data_set, None)
            for model in models:
                value = wape(shiftcast_errors(args.binary, data_set, args.work, ["--model", model]), data_set, None)
                scores[(data_set.name, model)] = (value, value / base)
        print("\nleave-one-set-out: the model with the least mean WAPE / average-4w on the other sets, scored on this one")
        for data_set in sets:
            others = [s.name for s in sets if s is not data_set]
            chosen = min(models, key=lambda m: np.mean([scores[(o, m)][1] for o in others]))
            print(f"{data_set.name:22} chosen on the others: {chosen:14} WAPE {scores[(data_set.name, chosen)][0]:.3f} "
                  f"({scores[(data_set.name, chosen)][1]:.3f} of average-4w); "
                  + ", ".join(f"{m} {scores[(data_set.name, m)][0]:.3f}" for m in models))
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
