#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for SECONDS_PER_TARGET seconds (default 60).
#
#   Fuzz/run-fuzzers.sh 60                  # every target
#   FUZZ_TARGETS="FuzzShifts" Fuzz/run-fuzzers.sh 300
#   FUZZ_SANITIZERS=fuzzer Fuzz/run-fuzzers.sh 60   # without AddressSanitizer (faster, no malloc limit)
#
# For each target it prints the executions (libFuzzer's final stat::number_of_executed_units, summed over
# its runs) and what was found: crash (a trap, a crash, a non-ShiftcastError or a malformed one), leak,
# timeout (one input over -timeout seconds), oom (over -rss_limit_mb, or one allocation over
# -malloc_limit_mb). After a finding libFuzzer stops; the target is started again with the time left, so
# one known bug does not hide the others (up to FUZZ_MAX_FINDINGS per target).
#
# Layout (all git-ignored, made at run time):
#   Fuzz/.fuzz-work/corpus/TARGET   the corpus: the committed seeds of Fuzz/Seeds, the Fixtures files and
#                                   slices of them, and whatever libFuzzer adds
#   Fuzz/findings/TARGET/           the inputs of the findings (crash-*, leak-*, timeout-*, oom-*) and logs
# Exit status: 0 when nothing was found, 1 when something was, 2 when the build failed.
set -uo pipefail

seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
targets=${FUZZ_TARGETS:-"FuzzHistory FuzzEvents FuzzRequirements FuzzShifts FuzzBreaks FuzzAgents FuzzSchedule FuzzPlanSettings FuzzPlanReport"}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
max_findings=${FUZZ_MAX_FINDINGS:-4}
case $sanitizers in
    fuzzer) scratch="$here/.build-fuzz" ;;
    fuzzer,address) scratch="$here/.build-fuzz-asan" ;;
    *) scratch="$here/.build-fuzz-${sanitizers//,/-}" ;;
esac
work="$here/.fuzz-work"
findings="$here/findings"

cd "$here" || exit 2
echo "== building the fuzz targets (-sanitize=$sanitizers) =="
mkdir -p "$work"
if ! swift build -c release --scratch-path "$scratch" -Xswiftc "-sanitize=$sanitizers" > "$work/build.log" 2>&1; then
    grep -v '^\[' "$work/build.log" | tail -30 >&2
    echo "error: the fuzz targets did not build (log: $work/build.log)" >&2
    exit 2
fi
bin="$scratch/release"
for target in $targets; do
    [[ -x "$bin/$target" ]] || { echo "error: $bin/$target was not built" >&2; exit 2; }
done

# The corpus of a target: its seeds, and the fixtures that fit it, whole and in slices.
seed_corpus() {
    local target=$1 dir=$2
    local name=${target#Fuzz}
    name=$(echo "$name" | tr '[:upper:]' '[:lower:]')
    mkdir -p "$dir"
    cp "$here/Seeds/$name/"* "$dir/" 2>/dev/null
    python3 - "$root/Fixtures" "$dir" "$name" <<'PY'
import sys, os
fixtures, out, name = sys.argv[1:4]
def read(f):
    with open(os.path.join(fixtures, f), "rb") as h:
        return h.read().split(b"\n")
def put(tag, lines):
    with open(os.path.join(out, "fixture-" + tag + ".csv"), "wb") as h:
        h.write(b"\n".join(lines))
def slices(tag, lines, sizes):
    header, rows = lines[0], [l for l in lines[1:] if l]
    for size in sizes:
        for start in (0, len(rows) // 3, max(0, len(rows) - size)):
            put("%s-%d-%d" % (tag, start, size), [header] + rows[start:start + size] + [b""])
if name == "history":
    history = read("history-sample.csv")
    put("history-sample", history)
    slices("history", history, (4, 24, 96, 700))
    forecast = read("forecast-week.csv")
    put("forecast-week", forecast)
    slices("forecast", forecast, (8, 96))
elif name == "requirements":
    forecast = read("forecast-week.csv")
    rows = [l.split(b",") for l in forecast[1:] if l]
    lines = [b"timestamp,scheduled_agents"] + [r[0] + b"," + r[1] for r in rows] + [b""]
    put("requirements-week", lines)
    slices("requirements", lines, (4, 96))
elif name in ("events", "schedule", "plansettings", "planreport"):
    pass  # their seeds are in Fuzz/Seeds
else:
    source = {"shifts": "shifts-week.csv", "breaks": "breaks-week.csv", "agents": "agents-sample.csv"}[name]
    lines = read(source)
    put(name, lines)
    slices(name, lines, (1, 2, 20))
PY
}

# The first frame of the library in a stack trace of a log, demangled: where a finding happens.
first_frame() {
    local symbol
    symbol=$(grep -E '^ *#[0-9]+ 0x' "$1" | grep -o -E '\$s[0-9]+Shiftcast[A-Za-z]*[^ ]*' | head -1)
    [[ -n $symbol ]] || { echo "?"; return; }
    swift demangle --compact --simplified "$symbol" 2>/dev/null | cut -c1-140 || echo "$symbol"
}

# The number after `stat::number_of_executed_units:` in a libFuzzer log, or 0.
executions_in() { sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1 | grep -E '^[0-9]+$' || echo 0; }

export SWIFT_BACKTRACE=enable=no   # libFuzzer's own handler must see the signal to save the input
export ASAN_OPTIONS=${ASAN_OPTIONS:-"allocator_may_return_null=0:detect_leaks=1"}
status=0
summary=()
for target in $targets; do
    lower=$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')
    corpus="$work/corpus/$target"
    out="$findings/$target"
    mkdir -p "$out"
    seed_corpus "$target" "$corpus"
    dict="$work/$lower.dict"
    cat "$here/Dictionaries/common.dict" "$here/Dictionaries/$lower.dict" > "$dict"
    max_len=4096
    [[ $lower == history ]] && max_len=16384
    deadline=$(( $(date +%s) + seconds ))
    executions=0 found=() found_detail=() run=0
    while :; do
        left=$(( deadline - $(date +%s) ))
        (( left >= 2 && ${#found[@]} < max_findings )) || break
        run=$((run + 1))
        log="$out/run-$run.log"
        before=$(ls "$out" | grep -E '^(crash|leak|timeout|oom)-' | sort)
        "$bin/$target" "$corpus" -dict="$dict" -max_total_time="$left" -print_final_stats=1 \
            -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -max_len=$max_len \
            -artifact_prefix="$out/" -close_fd_mask=1 > "$log" 2>&1
        code=$?
        executions=$(( executions + $(executions_in "$log") ))
        after=$(ls "$out" | grep -E '^(crash|leak|timeout|oom)-' | sort)
        new=$(comm -13 <(echo "$before") <(echo "$after") | grep . || true)
        if [[ -n $new ]]; then
            for artifact in $new; do
                kind=${artifact%%-*}
                grep -q -E 'out of memory|out-of-memory|malloc limit' "$log" && kind=oom
                why=$(grep -m1 -E 'Fatal error|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)' "$log" | sed 's/^==[0-9]*== *//' | cut -c1-140)
                found+=("$kind: $out/$artifact")
                found_detail+=("$why; at $(first_frame "$log")")
            done
        elif (( code != 0 )); then
            found+=("exit $code without an input saved: see $log")
            break
        else
            rm -f "$log"
        fi
    done
    if (( ${#found[@]} )); then
        status=1
        summary+=("$target: $executions executions; FOUND ${#found[@]}")
        for i in "${!found[@]}"; do
            summary+=("    ${found[$i]}")
            [[ -n ${found_detail[$i]:-} ]] && summary+=("        ${found_detail[$i]}")
        done
    else
        summary+=("$target: $executions executions; nothing found")
    fi
done

echo "== fuzzing summary ($seconds s per target, -sanitize=$sanitizers) =="
printf '%s\n' "${summary[@]}"
exit $status
