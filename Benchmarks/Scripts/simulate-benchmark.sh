#!/usr/bin/env bash
# Issue 10's speed bar: `shiftcast simulate` on a week of 15-minute intervals for a 300-agent centre
# (about 100 000 contacts; Benchmarks/Simulation/make_week.py), 100 replications, release build. Prints
# the summary and the wall-clock seconds of three runs (bar: 3 s on the 2-core development machine).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/Benchmarks/Simulation/make_week.py" "$work"
for run in 1 2 3; do
    quiet=""
    [ "$run" -gt 1 ] && quiet="--quiet"
    start=$(date +%s%N)
    "$binary" simulate --schedule "$work/schedule.csv" --volumes "$work/volumes.csv" --replications 100 \
        -o "$work/simulation.csv" $quiet
    end=$(date +%s%N)
    echo "run $run: $(( (end - start) / 1000000 )) ms"
done
