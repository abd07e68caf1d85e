#!/usr/bin/env bash
# Wall time of one-shot `elex` runs, as a user runs them: a new process per question.
#
#   benchmarks/cli-wall.sh [-n RUNS] [--cold] 'COMMAND' ['COMMAND' ...]
#
# Each COMMAND is a shell command line that runs elex once, e.g.
#   'samples/Elex.Cli/bin/Release/net10.0/elex ask "Which counters show MSM is working?"'
#   'artifacts/elex/elex ask "Which counters show MSM is working?"'
# Several commands are measured interleaved (A B C A B C ...), so a change in the load of this shared
# machine hits them alike. Warm (default): one unmeasured run per command fills its own data
# directory (store, router snapshot), then RUNS measured runs reuse it. --cold: every run gets a new,
# empty data directory (the first question a user asks). The OS file cache is warm in both.
# Prints per command: best and median wall seconds, median CPU seconds (user + sys, less sensitive to
# the load than wall), median peak RSS, and the median of each stage elex reports with
# ELEX_TIMINGS=1; and the load average before and after. ELEX_NO_MODEL passes through as set.
set -euo pipefail
runs=10
cold=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --cold) cold=1; shift ;;
    --) shift; break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -ge 1 ]] || { echo "usage: $0 [-n RUNS] [--cold] 'COMMAND' ['COMMAND' ...]" >&2; exit 2; }
commands=("$@")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

one() { # one() INDEX DATA_DIR: runs command INDEX once, appending "wall user sys rss" and its timings line
  local i="$1" dir="$2"
  ELEX_TIMINGS=1 ELEX_DATA_DIR="$dir" /usr/bin/time -o "$work/$i.one" -f "%e %U %S %M" bash -c "exec ${commands[$i]}" >/dev/null 2>"$work/$i.err" \
    || { echo "failed: ${commands[$i]}" >&2; cat "$work/$i.err" >&2; exit 1; }
  cat "$work/$i.one" >> "$work/$i.walls"
  grep -h '^elex: timings:' "$work/$i.err" >> "$work/$i.timings" || true
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!commands[@]}"; do
  : > "$work/$i.walls"
  : > "$work/$i.timings"
  if [[ $cold -eq 0 ]]; then
    ELEX_DATA_DIR="$work/data-$i" bash -c "exec ${commands[$i]}" >/dev/null 2>"$work/$i.err" \
      || { echo "failed: ${commands[$i]}" >&2; cat "$work/$i.err" >&2; exit 1; }
  fi
done
for ((r = 0; r < runs; r++)); do
  for i in "${!commands[@]}"; do
    dir="$work/data-$i"
    [[ $cold -eq 1 ]] && dir="$work/cold-$i-$r"
    one "$i" "$dir"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

for i in "${!commands[@]}"; do
  walls="$work/$i.walls"
  best="$(cut -d' ' -f1 "$walls" | sort -n | head -1)"
  wall="$(cut -d' ' -f1 "$walls" | median)"
  cpu="$(awk '{ printf "%.2f\n", $2 + $3 }' "$walls" | median)"
  rss="$(cut -d' ' -f4 "$walls" | median)"
  echo "${commands[$i]}"
  echo "  $runs $( [[ $cold -eq 1 ]] && echo cold || echo warm ) runs: best $best s, median $wall s, median CPU $cpu s, median peak RSS $((rss / 1024)) MB"
  if [[ -s "$work/$i.timings" ]]; then
    # "elex: timings: runtime 12.3 ms · parse 4.5 ms (jit 1.2 ms) · ..." → the median of each stage, in the order reported.
    sed -e 's/^elex: timings: //' -e 's/ · /\n/g' "$work/$i.timings" > "$work/$i.stages"
    line="  median ms:"
    for stage in $(head -1 "$work/$i.timings" | sed -e 's/^elex: timings: //' -e 's/ · /\n/g' | cut -d' ' -f1); do
      line="$line $stage $(grep "^$stage " "$work/$i.stages" | cut -d' ' -f2 | median | xargs printf '%.0f')"
    done
    echo "$line"
  fi
done
