#!/usr/bin/env bash
# Builds shiftcast (release), installs pyworkforce 0.5.4 in Benchmarks/.venv-pyworkforce, and runs
# schedule_vs_pyworkforce.py. Run from anywhere.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
pyworkforce_venv
"$venv/bin/python" "$here/schedule_vs_pyworkforce.py" "$binary" "$root/Benchmarks/out/schedule" "$@"
