#!/usr/bin/env python3
"""Draws a Requirements file (what `shiftcast staff` writes) as a PNG: the forecast volume per interval
and the agents needed and to schedule. Used for the picture in the README; needs matplotlib
(`pip install matplotlib`), which is a documentation tool only and not part of Shiftcast.

Usage: plot_requirements.py requirements.csv picture.png
"""
import csv
import datetime
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt


def main(source, target):
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    times = [datetime.datetime.fromisoformat(r["timestamp"]) for r in rows]
    fig, volume_axis = plt.subplots(figsize=(11, 4), dpi=110)
    volume_axis.fill_between(times, [float(r["volume"]) for r in rows], step="post", color="#c6dbef",
                             label="forecast volume (contacts per 15 min)")
    volume_axis.set_ylabel("contacts per 15 min")
    agent_axis = volume_axis.twinx()
    agent_axis.step(times, [int(r["agents"]) for r in rows], where="post", color="#2171b5", lw=1.2,
                    label="agents needed (80% in 20 s, occupancy at most 85%)")
    agent_axis.step(times, [int(r["scheduled_agents"]) for r in rows], where="post", color="#cb181d", lw=1.2,
                    label="agents to schedule (30% shrinkage)")
    agent_axis.set_ylabel("agents")
    volume_axis.xaxis.set_major_formatter(mdates.DateFormatter("%a %d %b"))
    volume_axis.set_xlim(times[0], times[-1])
    handles = volume_axis.get_legend_handles_labels()[0] + agent_axis.get_legend_handles_labels()[0]
    volume_axis.legend(handles, [h.get_label() for h in handles], loc="upper center", bbox_to_anchor=(0.5, -0.1),
                       ncol=3, fontsize=8, frameon=False)
    volume_axis.set_title("shiftcast demo: requirements for the forecast week", fontsize=10)
    fig.tight_layout()
    fig.savefig(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
