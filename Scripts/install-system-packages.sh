#!/usr/bin/env bash
# Installs the Debian packages Shiftcast links against (LAPACK/BLAS, COIN-OR CBC, the zone database) and
# the browser its report is tested in (chromium),
# skipping the work when they are already there. The list is Scripts/system-packages.txt. Used by the README's first command and by .ci/run.
set -euo pipefail
read -r -a packages < "$(dirname "$0")/system-packages.txt"
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ] && [ "${1:-}" != "--always" ]; then
    echo "System packages already installed: ${packages[*]}"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y "${packages[@]}"
