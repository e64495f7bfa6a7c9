#!/usr/bin/env bash
# Benchmarks of rapporteur against Hugo on the same notes, the I/O floor,
# peak RSS and the 1x/2x/4x scaling series. Figures go to stdout and to
# $WORK/results.md; docs/performance.md quotes them with these commands.
#
#   benches/run.sh            small + 100-engagement corpus, scaling 25/50/100
#   benches/run.sh --large    adds 1,000 x 36 x 8 + 50,000 notes
#
# Every timed build writes into an empty output folder (hyperfine --prepare
# removes the previous one, for Hugo and Zola too; c100 is compared a second
# time with previous outputs moved aside, and so is the scaling series, see
# clear_cmd): replacing a previous output costs the removal of the old tree,
# reported separately by `timings`.
#
# Environment: WORK (default /tmp/rapporteur-bench, on the disk under test),
# RUNS (hyperfine runs, default 3), HUGO (path of the hugo binary),
# BIN (default target/release/rapporteur; built if missing), ZOLA (a zola
# command, e.g. from benches/install_zola.sh; default $TOOLS/zola if it exists).
set -euo pipefail
cd "$(dirname "$0")/.."
LARGE=0
for a in "$@"; do
  case "$a" in
    --large) LARGE=1 ;;
    *) echo "usage: benches/run.sh [--large]" >&2; exit 2 ;;
  esac
done
WORK=${WORK:-/tmp/rapporteur-bench}
RUNS=${RUNS:-3}
AS_OF=2026-11-23
HUGO=${HUGO:-$(command -v hugo || echo /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/hugo/binaries/hugo)}
TOOLS=${TOOLS:-/tmp/rapporteur-tools}
ZOLA=${ZOLA:-$( [ -x "$TOOLS/zola" ] && echo "$TOOLS/zola" || command -v zola || true)}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${BIN:-$TARGET/release/rapporteur}
[ -x "$BIN" ] || cargo build --release
BIN=$(realpath "$BIN")
mkdir -p "$WORK"
RESULTS=$WORK/results.md
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

corpus() { # name engagements notes-per-engagement
  local dir=$WORK/$1
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    python3 benches/gen_corpus.py "$dir" --engagements "$2" --periods 36 --kpis 8 --notes "$3" >/dev/null
    touch "$dir/.done"
  fi
}
count() { find "$1" -type f | wc -l; }

build_cmd() { echo "$BIN build --root $WORK/$1/rapporteur --as-of $AS_OF --out $WORK/out-$1"; }

# How a timed build finds its output folder empty: `delete` removes the
# previous one (--prepare "rm -rf"), `aside` moves it into $WORK/trash (removed
# at the end). On an ext4 file system without a journal, inodes deleted in the
# last minutes are skipped when new files are created, so `delete` makes every
# tool pay for the deletion in the next build (see docs/performance.md).
clear_cmd() { # mode dir
  if [ "$1" = aside ]; then
    echo "if [ -e $2 ]; then mkdir -p $WORK/trash && mv $2 $WORK/trash/\$(date +%s%N); fi"
  else
    echo "rm -rf $2"
  fi
}

compare() { # name [delete|aside]: rapporteur vs Hugo (and Zola, when there is one) side by side, pages/s
  local name=$1 mode=${2:-delete}
  local zola=()
  [ -n "$ZOLA" ] && zola=(--prepare "$(clear_cmd "$mode" "$WORK/zola-out-$name")"
    -n zola "cd $WORK/$name/zola && $ZOLA build --force -o $WORK/zola-out-$name")
  say "## $name: rapporteur vs Hugo${ZOLA:+ vs Zola}, previous outputs: $mode"
  hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/$name-$mode-cmp.json" \
    --prepare "$(clear_cmd "$mode" "$WORK/out-$name")" \
    --prepare "$(clear_cmd "$mode" "$WORK/hugo-out-$name")" \
    -n rapporteur "$(build_cmd "$name")" \
    -n hugo "cd $WORK/$name/hugo && $HUGO --quiet -d $WORK/hugo-out-$name" \
    "${zola[@]}" | tee -a "$RESULTS"
  rm -rf "$WORK/trash"
  local pages=() tool
  for tool in rapporteur hugo zola; do
    local out=$WORK/$tool-out-$name
    [ "$tool" = rapporteur ] && out=$WORK/out-$name
    [ -d "$out" ] && pages+=("$tool=$(find "$out" -name '*.html' | wc -l)")
  done
  python3 - "$WORK/$name-$mode-cmp.json" "${pages[@]}" <<'PY' | tee -a "$RESULTS"
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
pages = dict(a.split("=") for a in sys.argv[2:])
rate = {}
for tool, x in r.items():
    n = int(pages[tool])
    rate[tool] = n / x["mean"]
    print(f"{tool:10} {n} pages, mean {x['mean']:.2f} s (min {x['min']:.2f}, max {x['max']:.2f}), {rate[tool]:.0f} pages/s")
for other in ("hugo", "zola"):
    if other in rate:
        print(f"ratio of pages/s (rapporteur / {other}): {rate['rapporteur'] / rate[other]:.2f}")
PY
}

floor() { # name: I/O floor = read every input + cp -r of the output tree
  local name=$1
  say "## $name: I/O floor vs build"
  say "input files: $(count "$WORK/$name/rapporteur"), output files: $(count "$WORK/out-$name"), output folders: $(find "$WORK/out-$name" -type d | wc -l), output size: $(du -sh "$WORK/out-$name" | cut -f1)"
  hyperfine --runs "$RUNS" --warmup "${WARMUP:-1}" --export-json "$WORK/$name-floor.json" \
    --prepare true --prepare "rm -rf $WORK/copy-$name" --prepare "rm -rf $WORK/out-$name" \
    -n read-inputs "find $WORK/$name/rapporteur -type f -exec cat {} + >/dev/null" \
    -n copy-output "cp -r $WORK/out-$name $WORK/copy-$name" \
    -n build "$(build_cmd "$name")" | tee -a "$RESULTS"
  python3 - "$WORK/$name-floor.json" <<'PY' | tee -a "$RESULTS"
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
f = r["read-inputs"] + r["copy-output"]
print(f"I/O floor {f:.2f} s; build {r['build']:.2f} s = {r['build']/f:.2f}x the floor")
PY
  rm -rf "$WORK/copy-$name"
}

rss() { # name
  local kb
  rm -rf "$WORK/out-$1"
  kb=$( { /usr/bin/time -f %M $(build_cmd "$1") >/dev/null; } 2>&1 | tail -1)
  say "peak RSS $1: $((kb / 1024)) MiB"
}

timings() { # name: once into an empty folder, once over the previous output
  say "## $1: --timings (fresh output folder, then replacing the previous output)"
  rm -rf "$WORK/out-$1"
  $(build_cmd "$1") --timings 2>&1 | tee -a "$RESULTS"
  $(build_cmd "$1") --timings 2>&1 | tee -a "$RESULTS"
}

corpus small 5 20
corpus c100 100 100
compare small
compare c100
compare c100 aside
floor c100
rss c100
timings c100

say "## scaling (100 notes per engagement; previous outputs moved aside)"
corpus c25 25 100
corpus c50 50 100
hyperfine --runs "$RUNS" --warmup 1 \
  --prepare "$(clear_cmd aside "$WORK/out-c25")" --prepare "$(clear_cmd aside "$WORK/out-c50")" \
  --prepare "$(clear_cmd aside "$WORK/out-c100")" \
  -n 1x-25 "$(build_cmd c25)" -n 2x-50 "$(build_cmd c50)" -n 4x-100 "$(build_cmd c100)" | tee -a "$RESULTS"
rm -rf "$WORK/trash"

say "## registers at 100 engagements x 20 notes (docs/performance.md: actions.html under 400 KB)"
corpus r100 100 20
rm -rf "$WORK/out-r100" && $(build_cmd r100) -q
say "$(stat -c '%n %s bytes' "$WORK/out-r100/actions.html" "$WORK/out-r100/risks.html")"

if [ "$LARGE" = 1 ]; then
  corpus c1000 1000 50
  rss c1000
  timings c1000
  RUNS=1 WARMUP=0 floor c1000
  if [ -d /dev/shm ]; then
    say "## c1000 on tmpfs (/dev/shm)"
    rm -rf /dev/shm/rb && mkdir -p /dev/shm/rb && cp -r "$WORK/c1000" /dev/shm/rb/
    hyperfine --runs 1 "$BIN build --root /dev/shm/rb/c1000/rapporteur --as-of $AS_OF --out /dev/shm/rb/out" | tee -a "$RESULTS"
    rm -rf /dev/shm/rb
  fi
fi
say "results in $RESULTS"
