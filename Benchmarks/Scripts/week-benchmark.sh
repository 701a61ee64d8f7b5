#!/usr/bin/env bash
# The call-centre week without named agents: `shiftcast staff` on Fixtures/forecast-week.csv (80% within
# 20 s, occupancy at most 85%, shrinkage 30%), then `shiftcast schedule --cyclic` with the shift families of
# Fixtures/shifts-week.csv and the breaks of Fixtures/breaks-week.csv (two 15-minute breaks and an unpaid
# 30-minute lunch), release build, --time-limit 60s. Prints the summary (objective, lower bound, gap, time).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" staff --forecast "$root/Fixtures/forecast-week.csv" --service-level 80% --max-occupancy 85% --shrinkage 30% \
    -o "$work/requirements.csv"
"$binary" schedule --requirements "$work/requirements.csv" --shifts "$root/Fixtures/shifts-week.csv" \
    --breaks "$root/Fixtures/breaks-week.csv" --cyclic --time-limit "${1:-60s}" -o "$work/schedule.csv" --coverage "$work/coverage.csv"
