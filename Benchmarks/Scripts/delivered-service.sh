#!/usr/bin/env bash
# Issue 10's delivered service: builds shiftcast (release) and runs delivered_service.py, which plans each
# week of the Israeli bank's 1999 calls from the history before it (the origins of forecast_accuracy.py's
# israel-7d set) and reviews the plan, and a perfect-foresight plan, against the calls that came
# (../shared/data by default, or $SHIFTCAST_DATA; results in Benchmarks/out/delivered-service). Arguments
# pass through (--origins 2, --variant-u-args "--uncertainty"). Takes 20 to 40 minutes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
data="${SHIFTCAST_DATA:-$root/../shared/data}"
python3 "$here/delivered_service.py" "$binary" "$data" "$root/Benchmarks/out/delivered-service" "$@"
