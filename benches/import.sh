#!/usr/bin/env bash
# Benchmark of `rapporteur import` (docs/performance.md, "Import: 1,000,000
# interval rows"): an ACD interval export of 1,000,000 rows
# (benches/gen_interval_export.py: 16 queues, 30-minute intervals around the
# clock, dd/mm/YYYY HH:MM, 2023-01-01 to 2026-07-26, 43 months, 41 MiB)
# imported with tests/fixtures/import/acd-queues.yaml into a fresh copy of
# tests/fixtures/import/repo (hyperfine --prepare copies it before every run,
# so every run creates the same 43 period files), and the same with
# --dry-run (reads, aggregates, merges and validates; writes nothing).
# Peak RSS by /usr/bin/time -f %M.
#
# Environment: WORK (default /tmp/rapporteur-bench-import), RUNS (default 3),
# ROWS (default 1000000), BIN (default target/release/rapporteur; built if
# missing).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/rapporteur-bench-import}
RUNS=${RUNS:-3}
ROWS=${ROWS:-1000000}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${BIN:-$TARGET/release/rapporteur}
[ -x "$BIN" ] || cargo build --release
BIN=$(realpath "$BIN")
FIXTURES=$(realpath tests/fixtures/import)
mkdir -p "$WORK"
CSV=$WORK/interval-$ROWS.csv
[ -f "$CSV" ] || python3 benches/gen_interval_export.py "$CSV" --rows "$ROWS"
echo "export: $CSV, $(wc -l <"$CSV") lines, $(du -h "$CSV" | cut -f1)"

fresh="rm -rf $WORK/repo && cp -r $FIXTURES/repo $WORK/repo"
import="$BIN import $CSV --mapping $FIXTURES/acd-queues.yaml --root $WORK/repo"

hyperfine -w 1 -r "$RUNS" --export-json "$WORK/import.json" \
  --prepare "$fresh" -n import "$import" \
  --prepare "$fresh" -n dry-run "$import --dry-run >/dev/null"

eval "$fresh"
/usr/bin/time -f %M -o "$WORK/rss" $import >/dev/null 2>&1
kb=$(tail -1 "$WORK/rss")
echo "peak RSS import: $((kb / 1024)) MiB ($kb KiB)"
echo "period files written: $(find "$WORK/repo/content/brightline/periods" -name '*.yaml' | wc -l)"
