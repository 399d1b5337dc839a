#!/usr/bin/env bash
# Peak memory of the output over run length: runs the quickstart for 5 and for 30
# simulated years at the same scale, with the panel, all event tables and yearly
# snapshots on, and again with only the indicators (no panel, events or snapshots), and
# prints peak RSS (GNU time) for each. The output's own memory is the difference between
# the two rows of the same length; it should not grow from 5 to 30 years. Agents grow
# with the labour force (1%/year in the quickstart), so the "indicators only" rows show
# what the agents alone add.
#
# With STEADY=1 the regions' labour-force growth is set to 0, so the number of agents stays
# about constant and any growth left between 5 and 30 years would be the output's.
#
# usage: tools/bench/output_memory.sh [SCALE] [PANEL]     (defaults 0.04 and 10000)
# env:   LABORSIM_BIN (default build/release/laborsim), THREADS (default 2), STEADY (0)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${LABORSIM_BIN:-build/release/laborsim}
scale=${1:-0.04}
panel=${2:-10000}
threads=${THREADS:-2}
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
[[ -x $bin ]] || { echo "no laborsim at $bin (build first or set LABORSIM_BIN)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run NAME END [extra --set ...]
    local name=$1 end=$2
    shift 2
    /usr/bin/time -v "$bin" run scenarios/quickstart.yaml -o "$work/$name.h5" --quiet --force --threads "$threads" \
        --set scale="$scale" --set calendar.end="$end" "$@" 2> "$work/$name.time"
    local rss workers size
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
    workers=$("$bin" info "$work/$name.h5" | awk '/^  population/ {print $4}')
    size=$(stat -c %s "$work/$name.h5")
    printf "%-28s %-8s %12s %14s %12s\n" "$name" "$end" "$rss" "$workers" "$((size / 1024))"
}

steady=()
if [[ ${STEADY:-0} == 1 ]]; then
    for r in cao-bang bac-kan quang-ninh hai-phong; do steady+=(--set "regions.$r.labor_force_growth=0"); done
fi
echo "scale $scale, panel $panel, threads $threads, steady ${STEADY:-0}"
printf "%-28s %-8s %12s %14s %12s\n" "run" "end" "peak_rss_kB" "population_end" "file_kB"
full=("${steady[@]}" --set output.panel="$panel" --set "output.events=[hire,separation,enrol,graduate,migrate,policy]"
      --set output.snapshots_every_months=12)
base=("${steady[@]}" --set output.panel=0 --set "output.events=[]" --set output.snapshots_every_months=0)
run indicators-only-5y 2025-12 "${base[@]}"
run indicators-only-30y 2050-12 "${base[@]}"
run panel+events+snapshots-5y 2025-12 "${full[@]}"
run panel+events+snapshots-30y 2050-12 "${full[@]}"
