#!/usr/bin/env bash
# The call-centre week with 200 named agents (issue 4): `shiftcast staff` on Benchmarks/AgentsWeek/forecast.csv
# (the sample week scaled to a peak of 158 agents to schedule; 80% within 20 s, occupancy at most 85%,
# shrinkage 30%), then `shiftcast schedule --cyclic --agents` with shifts of 4 to 10 hours starting every
# 15 minutes, two breaks and a lunch, release build, --time-limit 60s. The instance is made by
# Benchmarks/AgentsWeek/make_agents_week.py (seeded). Prints the summary and the wall-clock seconds.
# Usage: agents-week-benchmark.sh [TIME-LIMIT] [SEED]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
instance="$root/Benchmarks/AgentsWeek"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" staff --forecast "$instance/forecast.csv" --service-level 80% --max-occupancy 85% --shrinkage 30% \
    -o "$work/requirements.csv"
started=$(date +%s.%N)
"$binary" schedule --requirements "$work/requirements.csv" --shifts "$instance/shifts.csv" --breaks "$instance/breaks.csv" \
    --agents "$instance/agents.csv" --cyclic --time-limit "${1:-60s}" --seed "${2:-1}" \
    -o "$work/schedule.csv" --coverage "$work/coverage.csv"
ended=$(date +%s.%N)
echo "wall-clock: $(echo "$ended - $started" | bc) s"
