#!/usr/bin/env bash
# Runs a command and reports its wall time and the peak resident memory of its whole process tree
# (the command and every descendant, summed, sampled every 200 ms).
# Usage: tools/peak-tree-rss.sh COMMAND [ARGS...]
set -u
"$@" &
root=$!
peak=0
tree_rss() {
  local pids=("$root") frontier=("$root") next child total=0 pid rss
  while [ ${#frontier[@]} -gt 0 ]; do
    next=()
    for pid in "${frontier[@]}"; do
      for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do next+=("$child"); pids+=("$child"); done
    done
    frontier=("${next[@]}")
  done
  for pid in "${pids[@]}"; do
    rss=$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null)
    total=$((total + ${rss:-0}))
  done
  echo "$total"
}
start=$(date +%s.%N)
while kill -0 "$root" 2>/dev/null; do
  now=$(tree_rss)
  [ "$now" -gt "$peak" ] && peak=$now
  sleep 0.2
done
wait "$root"
status=$?
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v p="$peak" -v x="$status" \
  'BEGIN { printf "wall %.1f s, peak process-tree RSS %.0f MiB, exit %d\n", e - s, p / 1024, x }' >&2
exit "$status"
