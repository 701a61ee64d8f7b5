#!/usr/bin/env bash
# Builds shiftcast (release), installs pyworkforce 0.5.4 in Benchmarks/.venv-pyworkforce (it needs
# Python 3.12 or later), and runs schedule_vs_pyworkforce.py. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="${SHIFTCAST_SCRATCH:-$root/.build-release}"
(cd "$root" && swift build -c release --product shiftcast --scratch-path "$scratch" >/dev/null)
binary="$scratch/release/shiftcast"

venv="$root/Benchmarks/.venv-pyworkforce"
if [ ! -x "$venv/bin/python" ]; then
    python=""
    for candidate in python3.13 python3.12 /root/.pyenv/versions/3.12*/bin/python3 /root/.pyenv/versions/3.13*/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            python="$candidate"; break
        fi
    done
    [ -n "$python" ] || { echo "pyworkforce 0.5.4 needs Python 3.12 or later; none found" >&2; exit 1; }
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyworkforce==0.5.4"
fi
"$venv/bin/python" "$here/schedule_vs_pyworkforce.py" "$binary" "$root/Benchmarks/out/schedule" "$@"
