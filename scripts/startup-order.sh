#!/usr/bin/env bash
# Writes link/startup-order.txt: the functions a release pivot-tui runs from spawn to quit on the
# Pivot page (embedded, and content/pivot.md as `make bench` opens it: 80x24, its keys, q), in
# the order callgrind first lists them, then the data symbols that session reads (lackey). lld
# places them together (Package.swift), so the start-up faults in a few pages of code and data
# instead of pages all over the 10 MB of .text and the 2 MB of .rodata. A stale list only
# costs memory: names it lacks are placed as before, names the binary lacks are ignored.
# Usage: scripts/startup-order.sh [PIVOT_TUI]   (default: the release build; run `make release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install -y valgrind" >&2; exit 1; }
binary=${1:-$(swift build -c release --static-swift-stdlib --disable-local-rpath --show-bin-path)/pivot-tui}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strip --strip-debug -o "$dir/pivot-tui" "$binary"   # valgrind cannot read the full debug info

# The keys of `make bench`'s session: line and page scrolls, back, a section's focus, fold and
# unfold, the end.
keys=(j j j j j j j j j j ' ' ' ' ' ' ' ' ' ' k k k k k k k k k k $'\t' $'\r' $'\r' G)

# One profiled session; $1 names it, the rest are the reader's arguments.
profile() {
  local name=$1; shift
  local command="stty cols 80 rows 24; LANG=C.UTF-8 TERM=xterm-256color PIVOT_TUI_NO_ANIMATION=1"
  command+=" valgrind --tool=callgrind --demangle=no --dump-after='*CursesScreenC4drawyy*'"
  command+=" --callgrind-out-file=$dir/$name $(printf '%q ' "$dir/pivot-tui" "$@")"
  {
    for _ in $(seq 600); do [ -e "$dir/$name.1" ] && break; sleep 0.1; done
    for key in "${keys[@]}"; do printf '%s' "$key"; sleep 0.3; done
    printf q
  } | script -qfc "$command" /dev/null >/dev/null 2>&1
}
profile embedded
profile file content/pivot.md

# The data the same session reads: every load and store valgrind's lackey traces, kept when it
# falls in the binary (where the valgrind process maps it, read from its maps while it runs).
trace_data() {
  local command="stty cols 80 rows 24; LANG=C.UTF-8 TERM=xterm-256color PIVOT_TUI_NO_ANIMATION=1"
  command+=" valgrind --tool=lackey --trace-mem=yes --log-file=$dir/trace"
  command+=" $(printf '%q ' "$dir/pivot-tui" content/pivot.md)"
  mkfifo "$dir/trace"
  { grep -v '^I' "$dir/trace" | awk '{ sub(/,.*/, "", $2); print $2 }' | sort -u > "$dir/addresses"; } &
  local sorter=$!
  {
    # script and its shell match the pattern too; the valgrind process is the one that maps the binary.
    for _ in $(seq 600); do
      for pid in $(pgrep -f "lackey.*$dir/pivot-tui"); do
        grep -m1 "$dir/pivot-tui" "/proc/$pid/maps" > "$dir/maps" 2>/dev/null && break 2
      done
      sleep 0.1
    done
    sleep 15   # the first paint, under lackey
    for key in "${keys[@]}"; do printf '%s' "$key"; sleep 1; done
    printf q
  } | script -qfc "$command" /dev/null >/dev/null 2>&1
  wait "$sorter"
}
trace_data
base=$(cut -d- -f1 "$dir/maps")

# Function names of callgrind's parts, the first paint's parts first; addresses and names with
# spaces (the loader's "(below main)") are not symbols.
for part in "$dir"/embedded.1 "$dir"/file.1 "$dir"/embedded* "$dir"/file*; do
  grep -oE '^c?fn=\([0-9]+\) .*' "$part" | sed -E 's/^c?fn=\([0-9]+\) //'
done | grep -vE "^0x|[ ()']" | awk '!seen[$0]++' > "$dir/functions"
scripts/touched-data-symbols.py "$dir/pivot-tui" "$base" "$dir/addresses" > "$dir/data"
cat "$dir/functions" "$dir/data" | awk '!seen[$0]++' > link/startup-order.txt
echo "link/startup-order.txt: $(wc -l < "$dir/functions") functions, $(wc -l < "$dir/data") data symbols"
