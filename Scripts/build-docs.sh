#!/usr/bin/env bash
# The DocC catalog of every library module (issue 9), as CI builds them: each must build, and the
# pipeline's and the report's without a single warning (a public symbol without docs, a broken link).
set -euo pipefail
cd "$(dirname "$0")/.."
for target in ShiftcastCore ShiftcastCSV ShiftcastForecasting ShiftcastStaffing ShiftcastScheduling ShiftcastIO; do
    swift package generate-documentation --target "$target" > /dev/null
    echo "documentation built: $target"
done
for target in ShiftcastPlanning ShiftcastReport; do
    swift package generate-documentation --target "$target" --warnings-as-errors > /dev/null
    echo "documentation built without warnings: $target"
done
