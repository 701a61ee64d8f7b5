# Shared by the benchmark scripts (source it): where things are, the release build, the pyworkforce venv.
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# Builds shiftcast in release mode into $SHIFTCAST_SCRATCH (default .build-release) and sets $binary.
build_shiftcast() {
    local scratch="${SHIFTCAST_SCRATCH:-$root/.build-release}"
    (cd "$root" && swift build -c release --product shiftcast --scratch-path "$scratch" >/dev/null)
    binary="$scratch/release/shiftcast"
}

# Makes Benchmarks/.venv-pyworkforce with pyworkforce 0.5.4 (the release with Erlang A and the shift
# models; it needs Python 3.12 or later) unless it is there, and sets $venv.
pyworkforce_venv() {
    venv="$root/Benchmarks/.venv-pyworkforce"
    [ -x "$venv/bin/python" ] && return 0
    local python="" candidate
    for candidate in python3.13 python3.12 /root/.pyenv/versions/3.12*/bin/python3 /root/.pyenv/versions/3.13*/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            python="$candidate"; break
        fi
    done
    [ -n "$python" ] || { echo "pyworkforce 0.5.4 needs Python 3.12 or later; none found" >&2; return 1; }
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyworkforce==0.5.4"
}
