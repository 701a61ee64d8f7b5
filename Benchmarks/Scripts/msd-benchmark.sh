#!/usr/bin/env bash
# The DBAI Minimum Shift Design benchmark (DataSet1): converts each instance with convert_msd.py, schedules
# it with the release build of shiftcast (--cyclic, under and over weight 1 per agent-minute, distinct-shift
# penalty equal to the slot length, --time-limit 10s) and prints the objective, the proven optimum, the
# bound and the time. Run from anywhere:
#     Benchmarks/Scripts/msd-benchmark.sh [folder of .dzn files]
set -euo pipefail
source "$(dirname "$0")/common.sh"
instances="${1:-$root/../shared/shift-design/dbai-msd/DataSet1}"
build_shiftcast
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A optimum=([RandomExample1]=480 [RandomExample2]=300 [RandomExample3]=600 [RandomExample4]=450 [RandomExample5]=480)
printf '%-16s %10s %10s %12s %8s\n' instance objective optimum "lower bound" seconds
for dzn in "$instances"/*.dzn; do
    name="$(basename "$dzn" .dzn)"
    flags="$(python3 "$here/convert_msd.py" "$dzn" "$work/$name")"
    # shellcheck disable=SC2086
    summary="$("$binary" schedule --requirements "$work/$name/requirements.csv" --shifts "$work/$name/shifts.csv" \
        $flags --time-limit 10s -o "$work/$name/schedule.csv" 2>&1)"
    objective="$(sed -n 's/^objective: \([^,]*\),.*/\1/p' <<<"$summary")"
    bound="$(sed -n 's/.*lower bound: \([^,]*\),.*/\1/p' <<<"$summary")"
    seconds="$(sed -n 's/^time: \(.*\)s$/\1/p' <<<"$summary")"
    printf '%-16s %10s %10s %12s %8s\n' "$name" "$objective" "${optimum[$name]:-?}" "$bound" "$seconds"
done
