#!/usr/bin/env bash
# The largest inputs Shiftcast accepts, run with a short time limit (issue 12): how far past its
# --time-limit each run ends, and its peak memory. Prints one row per case: wall seconds, peak RSS.
#
#   bash Benchmarks/Limits/limits-benchmark.sh [TIME_LIMIT]      (default 2s; the named agents' case uses 5s)
#
# Release build from a clean scratch path (SHIFTCAST_SCRATCH), on this 2-core machine; figures in
# Docs/Limits.md.
set -euo pipefail
source "$(dirname "$0")/../Scripts/common.sh"
limit=${1:-2s}
build_shiftcast
work="$root/Benchmarks/out/limits"
[ -f "$work/agents-2500.csv" ] || python3 "$root/Benchmarks/Limits/make_extremes.py" "$work"
fixtures="$root/Fixtures"
run() {
    local name=$1; shift
    local stats
    stats=$( { /usr/bin/time -f "%e %M" "$binary" "$@" -o "$work/out.csv" --quiet 2>&1 >/dev/null | tail -1; } || true)
    printf '| %s | %s s | %s MB |\n' "$name" "${stats%% *}" "$(( ${stats##* } / 1024 ))"
}
echo "| case (time limit $limit) | wall | peak memory |"
echo "|---|---|---|"
schedule=(schedule --shifts "$fixtures/shifts-week.csv" --breaks "$fixtures/breaks-week.csv" --time-limit "$limit" --coverage "$work/coverage.csv")
run "schedule, a week adding up to 462 000 agent-hours" "${schedule[@]}" --requirements "$work/requirements-500k-week.csv"
run "schedule, one interval of 100 000 agents" "${schedule[@]}" --requirements "$work/requirements-peak.csv"
run "schedule, 39 936 quarter-hours (416 days)" "${schedule[@]}" --requirements "$work/requirements-year-15m.csv"
run "schedule, 2.9 million counted columns (5-minute shifts with breaks)" schedule --shifts "$work/shifts-dense.csv" \
    --breaks "$fixtures/breaks-week.csv" --time-limit "$limit" --requirements "$work/requirements-week-5m.csv"
run "schedule, 2 500 named agents (time limit 5s)" schedule --shifts "$fixtures/shifts-week.csv" --breaks "$fixtures/breaks-week.csv" \
    --agents "$work/agents-2500.csv" --cyclic --time-limit 5s --requirements "$work/requirements-175k-week.csv"
run "forecast, one queue of 3 990 000 five-minute intervals, 7 d" forecast --history "$work/history-4M-5m.csv" --horizon 7d
