#!/usr/bin/env python3
"""Forecast accuracy of `shiftcast forecast` against statsforecast and Prophet on the same folds.

Run through forecast-accuracy.sh, which builds Shiftcast in release mode and installs statsforecast and
prophet in a virtual environment. For each data set of issue 3 and each origin, every forecaster sees
only the history before the origin and forecasts the horizon after it:

- Shiftcast: the history up to the origin is written to a file and `shiftcast forecast --model auto`
  runs on it (with the events file), exactly as a user would.
- statsforecast: SeasonalWindowAverage (4 weeks), SeasonalNaive (1 week), MSTL (daily and weekly
  seasons, AutoETS trend); AutoETS and AutoARIMA (weekly season) on the daily data set only.
- Prophet, with the events given to it as holidays (one row per day of each occurrence).

Negative forecasts of the peers are clipped at 0 (in their favour). WAPE = sum |error| / sum actual
over all folds, after summing forecasts and actuals finer than 30 minutes into 30-minute intervals.
Prints one table of WAPE per data set and model (each data set as soon as it is done), the ratio of Shiftcast's WAPE to the best peer's,
and the time of each forecaster.

Usage: forecast_accuracy.py SHIFTCAST_BINARY DATA_FOLDER WORK_FOLDER [--sets israel-7d,...] [--no-prophet] [--speed]
"""
import argparse
import datetime as dt
import os
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")


def month_starts(first, last):
    origins, day = [], first
    while day <= last:
        origins.append(day)
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return origins


def every_four_weeks(first, last):
    origins, day = [], first
    while day <= last:
        origins.append(day)
        day += dt.timedelta(days=28)
    return origins


DATA_SETS = {
    "israel-7d": ("israel-bank-1999-6min.csv", "israel-holidays-1999.csv", 7,
                  every_four_weeks(dt.datetime(1999, 3, 7), dt.datetime(1999, 12, 19))),
    "israel-28d": ("israel-bank-1999-6min.csv", "israel-holidays-1999.csv", 28,
                   every_four_weeks(dt.datetime(1999, 3, 7), dt.datetime(1999, 12, 19))),
    "bernalillo-daily-28d": ("bernalillo-daily-2023-2024.csv", "bernalillo-events-2023-2024.csv", 28,
                             month_starts(dt.datetime(2024, 2, 1), dt.datetime(2024, 12, 1))),
    "bernalillo-hourly-7d": ("bernalillo-hourly-2023-2024.csv", "bernalillo-events-2023-2024.csv", 7,
                             month_starts(dt.datetime(2024, 2, 1), dt.datetime(2024, 12, 1))),
}


def load(path):
    frame = pd.read_csv(path)
    column = "timestamp" if "timestamp" in frame.columns else "date"
    frame["ds"] = pd.to_datetime(frame[column])
    series = frame.set_index("ds")["volume"].astype(float)
    step = series.index.to_series().diff().min()
    full = pd.date_range(series.index[0], series.index[-1], freq=step)
    return series.reindex(full, fill_value=0.0), step, column


def holidays_frame(path):
    events = pd.read_csv(path)
    rows = []
    for _, row in events.iterrows():
        for day in pd.date_range(pd.to_datetime(row["start"]).normalize(), pd.to_datetime(row["end"]).normalize(), freq="D"):
            rows.append({"holiday": str(row["event"]), "ds": day})
    return pd.DataFrame(rows)


def shiftcast_forecast(binary, history, column, events, origin, horizon_days, work):
    path = os.path.join(work, "history.csv")
    out = os.path.join(work, "forecast.csv")
    frame = history[history.index < origin]
    fmt = "%Y-%m-%d" if column == "date" else "%Y-%m-%dT%H:%M:%S"
    with open(path, "w") as f:
        f.write(f"{column},volume\n")
        f.writelines(f"{t.strftime(fmt)},{v:g}\n" for t, v in frame.items())
    subprocess.run([binary, "forecast", "--history", path, "--events", events, "--horizon", f"{horizon_days}d",
                    "--quiet", "-o", out], check=True, stderr=subprocess.DEVNULL)
    result = pd.read_csv(out)
    return result["volume"].to_numpy()


def statsforecast_models(slots_per_day, daily):
    from statsforecast.models import MSTL, AutoARIMA, AutoETS, SeasonalNaive, SeasonalWindowAverage
    week = 7 * slots_per_day
    models = [SeasonalWindowAverage(season_length=week, window_size=4, alias="SeasonalWindowAverage"),
              SeasonalNaive(season_length=week, alias="SeasonalNaive")]
    seasons = [7] if daily else [slots_per_day, week]
    models.append(MSTL(season_length=seasons, trend_forecaster=AutoETS(model="ZZN"), alias="MSTL"))
    if daily:
        models += [AutoETS(season_length=7, alias="AutoETS"), AutoARIMA(season_length=7, alias="AutoARIMA")]
    return models


def peer_forecasts(history, origin, horizon, slots_per_day, daily, freq, holidays, use_prophet, timings):
    from statsforecast import StatsForecast
    train = history[history.index < origin]
    frame = pd.DataFrame({"unique_id": "q", "ds": train.index, "y": train.to_numpy()})
    results = {}
    for model in statsforecast_models(slots_per_day, daily):
        start = time.perf_counter()
        forecast = StatsForecast(models=[model], freq=freq, n_jobs=1).forecast(df=frame, h=horizon)
        timings[model.alias] = timings.get(model.alias, 0) + time.perf_counter() - start
        results[model.alias] = np.clip(forecast[model.alias].to_numpy(), 0, None)
    if use_prophet:
        import logging
        logging.getLogger("cmdstanpy").setLevel(logging.WARNING)
        from prophet import Prophet
        start = time.perf_counter()
        model = Prophet(holidays=holidays, daily_seasonality=not daily, weekly_seasonality=True, yearly_seasonality=False)
        model.fit(pd.DataFrame({"ds": train.index, "y": train.to_numpy()}))
        future = pd.DataFrame({"ds": pd.date_range(origin, periods=horizon, freq=freq)})
        results["Prophet"] = np.clip(model.predict(future)["yhat"].to_numpy(), 0, None)
        timings["Prophet"] = timings.get("Prophet", 0) + time.perf_counter() - start
    return results


def scored(values, step):
    block = int(pd.Timedelta("30min") / step) if step < pd.Timedelta("30min") else 1
    values = np.asarray(values, dtype=float)
    return values.reshape(-1, block).sum(axis=1) if block > 1 else values


def speed(binary, data, work):
    """Issue 3's speed bar: `forecast --model auto` on the whole 6-minute year with a 28-day horizon
    (selection included, process start to file written; median of 3 runs) against statsforecast's MSTL
    fitted and forecast on the same series, in the same run."""
    from statsforecast import StatsForecast
    from statsforecast.models import MSTL, AutoETS
    path = os.path.join(data, "israel-bank-1999-6min.csv")
    out = os.path.join(work, "speed-forecast.csv")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, "forecast", "--history", path, "--horizon", "28d", "--quiet", "-o", out], check=True)
        times.append(time.perf_counter() - start)
    shiftcast = sorted(times)[1]
    history, _, _ = load(path)
    frame = pd.DataFrame({"unique_id": "q", "ds": history.index, "y": history.to_numpy()})
    start = time.perf_counter()
    StatsForecast(models=[MSTL(season_length=[240, 1680], trend_forecaster=AutoETS(model="ZZN"))], freq="6min",
                  n_jobs=1).forecast(df=frame, h=28 * 240)
    mstl = time.perf_counter() - start
    print(f"speed: shiftcast forecast --model auto, {len(history)} rows, 28d: {shiftcast:.2f} s; "
          f"MSTL: {mstl:.2f} s; MSTL / Shiftcast: {mstl / shiftcast:.1f} (bar: 3 s and 10x)", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("data")
    parser.add_argument("work")
    parser.add_argument("--sets", default=",".join(DATA_SETS))
    parser.add_argument("--no-prophet", action="store_true")
    parser.add_argument("--speed", action="store_true", help="also run the speed comparison")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.speed:
        speed(args.binary, args.data, args.work)
    table = []
    for name in filter(None, args.sets.split(",")):
        history_file, events_file, horizon_days, origins = DATA_SETS[name]
        history, step, column = load(os.path.join(args.data, history_file))
        events = os.path.join(args.data, events_file)
        holidays = holidays_frame(events)
        daily = step >= pd.Timedelta("1D")
        slots_per_day = 1 if daily else int(pd.Timedelta("1D") / step)
        freq = "D" if daily else pd.tseries.frequencies.to_offset(step).freqstr
        horizon = horizon_days * slots_per_day
        errors, actual_total, timings = {}, 0.0, {}
        for origin in origins:
            actual = history[(history.index >= origin)][:horizon].to_numpy()
            if len(actual) < horizon:
                continue
            start = time.perf_counter()
            forecasts = {"Shiftcast": shiftcast_forecast(args.binary, history, column, events, origin, horizon_days, args.work)}
            timings["Shiftcast"] = timings.get("Shiftcast", 0) + time.perf_counter() - start
            forecasts.update(peer_forecasts(history, origin, horizon, slots_per_day, daily, freq, holidays,
                                            not args.no_prophet, timings))
            scored_actual = scored(actual, step)
            actual_total += scored_actual.sum()
            for model, forecast in forecasts.items():
                errors[model] = errors.get(model, 0.0) + np.abs(scored(forecast[:horizon], step) - scored_actual).sum()
            print(f"{name} {origin:%Y-%m-%d}: " + ", ".join(f"{m} {errors[m] / actual_total:.3f}" for m in errors),
                  file=sys.stderr, flush=True)
        wape = {model: error / actual_total for model, error in errors.items()}
        best_peer = min((v, m) for m, v in wape.items() if m != "Shiftcast")
        if not table:
            print(f"{'data set':22} {'model':22} {'WAPE':>7} {'seconds':>8}")
        table.append(name)
        for model, value in sorted(wape.items(), key=lambda item: item[1]):
            print(f"{name:22} {model:22} {value:7.3f} {timings.get(model, 0):8.1f}")
        ratio = wape["Shiftcast"] / best_peer[0]
        print(f"{name:22} Shiftcast / best peer ({best_peer[1]}): {ratio:.3f} (bar: 0.9)\n", flush=True)


if __name__ == "__main__":
    main()
