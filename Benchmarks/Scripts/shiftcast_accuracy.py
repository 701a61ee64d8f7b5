#!/usr/bin/env python3
"""Shiftcast's WAPE alone on the folds of forecast_accuracy.py (no peers, so seconds not hours): for a
before/after comparison of one change. Same folds, same scoring, per fold and cumulative.

Usage: shiftcast_accuracy.py SHIFTCAST_BINARY DATA_FOLDER WORK_FOLDER [SETS, comma-separated]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forecast_accuracy as fa  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

binary, data, work = sys.argv[1:4]
sets = sys.argv[4].split(",") if len(sys.argv) > 4 else list(fa.DATA_SETS)
os.makedirs(work, exist_ok=True)
for name in sets:
    history_file, events_file, horizon_days, origins = fa.DATA_SETS[name]
    history, step, column = fa.load(os.path.join(data, history_file))
    events = os.path.join(data, events_file)
    slots_per_day = 1 if step >= pd.Timedelta("1D") else int(pd.Timedelta("1D") / step)
    horizon = horizon_days * slots_per_day
    error = total = 0.0
    for origin in origins:
        actual = history[history.index >= origin][:horizon].to_numpy()
        if len(actual) < horizon:
            continue
        forecast = fa.shiftcast_forecast(binary, history, column, events, origin, horizon_days, work)
        scored_actual = fa.scored(actual, step)
        fold_error = np.abs(fa.scored(forecast[:horizon], step) - scored_actual).sum()
        error, total = error + fold_error, total + scored_actual.sum()
        print(f"{name} {origin:%Y-%m-%d}: fold {fold_error / scored_actual.sum():.3f}, cumulative {error / total:.4f}", flush=True)
    print(f"{name}: Shiftcast WAPE {error / total:.4f}", flush=True)
