#!/usr/bin/env bash
# Repeats the CSV measurements of Docs/CSV.md: builds two throwaway packages in $WORK (default
# /tmp/shiftcast-csv-measure), one against SwiftCSV 0.10.0 and CSV.swift 2.5.2, one against this
# checkout by path, both in release, and runs them on generated files. Nothing is added to the project.
#   bash Benchmarks/CSVPeers/run.sh [peers|own|all]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/shiftcast-csv-measure}"
what="${1:-all}"
mkdir -p "$work/data" "$work/peers/Sources/PeerBench" "$work/own/Sources/OwnBench"

[ -f "$work/data/history-100MB.csv" ] || python3 "$here/gen_history.py" "$work/data/history-100MB.csv"
[ -f "$work/data/longline-100MB.csv" ] || python3 "$here/gen_long_line.py" "$work/data/longline-100MB.csv"
cat "$work/data/history-100MB.csv" > /dev/null  # warm the page cache

if [ "$what" = peers ] || [ "$what" = all ]; then
  cp "$here/PeerBench.swift" "$work/peers/Sources/PeerBench/main.swift"
  cat > "$work/peers/Package.swift" <<'PKG'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "csvpeers",
    dependencies: [
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(name: "PeerBench", dependencies: [
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
PKG
  (cd "$work/peers" && swift build -c release >/dev/null)
  peer="$work/peers/.build/release/PeerBench"
  "$peer" probe
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" read-swiftcsv "$work/data/history-100MB.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" read-csvswift "$work/data/history-100MB.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" write-swiftcsv "$work/data/out-swiftcsv.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" write-csvswift "$work/data/out-csvswift.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" longline-swiftcsv "$work/data/longline-100MB.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$peer" longline-csvswift "$work/data/longline-100MB.csv"
fi

if [ "$what" = own ] || [ "$what" = all ]; then
  cp "$here/OwnBench.swift" "$work/own/Sources/OwnBench/main.swift"
  cat > "$work/own/Package.swift" <<PKG
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "ownbench",
    dependencies: [.package(path: "$repo")],
    targets: [.executableTarget(name: "OwnBench", dependencies: [.product(name: "Shiftcast", package: "$(basename "$repo")")])]
)
PKG
  (cd "$work/own" && swift build -c release >/dev/null)
  own="$work/own/.build/release/OwnBench"
  "$own" read "$work/data/history-100MB.csv"
  "$own" write "$work/data/out-own.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$own" check "$work/data/history-100MB.csv"
  /usr/bin/time -f "  (%e s, max RSS %M KB)" "$own" check "$work/data/longline-100MB.csv"
fi
