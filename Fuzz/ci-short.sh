#!/usr/bin/env bash
# The short hostile-input run for CI (issue 12), called from .ci/run after `swift test`:
#   1. every libFuzzer target of Fuzz/ for FUZZ_SECONDS (20) seconds, with AddressSanitizer;
#   2. CLI_RUNS (200) runs of the CLI mutation campaign with a fixed seed (CLI_SEED, 1) on the debug
#      `shiftcast` that `swift test` already built.
# Needs only what .ci/run installs (the Swift toolchain, LAPACK, CBC) and python3's standard library;
# installs nothing. Exit status 0 when neither found anything; findings are under Fuzz/findings/ and
# Fuzz/cli-findings/ (git-ignored), with the inputs and commands that reproduce them.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
status=0

Fuzz/run-fuzzers.sh "${FUZZ_SECONDS:-20}" || status=1

echo "== building shiftcast (debug, as swift test does) =="
if ! swift build --product shiftcast > /dev/null 2>&1; then
    swift build --product shiftcast 2>&1 | grep -v '^\[' | tail -20 >&2
    echo "error: shiftcast did not build" >&2
    exit 2
fi
binary="$(swift build --show-bin-path)/shiftcast"
python3 Fuzz/cli_campaign.py --binary "$binary" --runs "${CLI_RUNS:-200}" --seed "${CLI_SEED:-1}" --jobs 2 || status=1

echo "== hostile-input run took $(( $(date +%s) - started )) s; status $status =="
exit $status
