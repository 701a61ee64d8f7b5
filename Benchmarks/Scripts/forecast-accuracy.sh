#!/usr/bin/env bash
# Builds shiftcast (release), installs statsforecast and prophet in Benchmarks/.venv-forecast, and runs
# forecast_accuracy.py on the data sets of issue 3 (../shared/data by default, or $SHIFTCAST_DATA).
# Arguments pass through (--sets israel-7d,bernalillo-daily-28d, --no-prophet). Takes tens of minutes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
data="${SHIFTCAST_DATA:-$root/../shared/data}"

venv="${SHIFTCAST_VENV:-$root/Benchmarks/.venv-forecast}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet statsforecast prophet pandas
fi
"$venv/bin/python" "$here/forecast_accuracy.py" "$binary" "$data" "$root/Benchmarks/out/forecast" "$@"
