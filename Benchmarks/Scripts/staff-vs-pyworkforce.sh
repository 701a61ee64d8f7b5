#!/usr/bin/env bash
# Builds shiftcast (release), installs pyworkforce 0.5.4 in Benchmarks/.venv-pyworkforce, and runs
# staff_vs_pyworkforce.py. Run from anywhere; takes a few minutes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_shiftcast
pyworkforce_venv
"$venv/bin/python" "$here/staff_vs_pyworkforce.py" "$binary" "$root/Benchmarks/out" "$@"
