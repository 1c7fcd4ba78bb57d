#!/usr/bin/env bash
# Writes link/startup-order.txt: the functions a release pivot-tui runs from spawn to quit on the
# Pivot page (embedded, and content/pivot.md as `make bench` opens it: 80x24, j, space, k, q), in
# the order callgrind first lists them. lld places them together (Package.swift), so the start-up
# faults in a few pages of code instead of pages all over the 10 MB of .text. A stale list only
# costs memory: names it lacks are placed as before, names the binary lacks are ignored.
# Usage: scripts/startup-order.sh [PIVOT_TUI]   (default: the release build; run `make release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install -y valgrind" >&2; exit 1; }
binary=${1:-$(swift build -c release --static-swift-stdlib --disable-local-rpath --show-bin-path)/pivot-tui}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strip --strip-debug -o "$dir/pivot-tui" "$binary"   # valgrind cannot read the full debug info

# One profiled session; $1 names it, the rest are the reader's arguments.
profile() {
  local name=$1; shift
  local command="stty cols 80 rows 24; LANG=C.UTF-8 TERM=xterm-256color PIVOT_TUI_NO_ANIMATION=1"
  command+=" valgrind --tool=callgrind --demangle=no --dump-after='*CursesScreenC4drawyy*'"
  command+=" --callgrind-out-file=$dir/$name $(printf '%q ' "$dir/pivot-tui" "$@")"
  {
    for _ in $(seq 600); do [ -e "$dir/$name.1" ] && break; sleep 0.1; done
    for key in j j j j j j j j j j ' ' ' ' ' ' ' ' ' ' k; do printf '%s' "$key"; sleep 0.3; done
    printf q
  } | script -qfc "$command" /dev/null >/dev/null 2>&1
}
profile embedded
profile file content/pivot.md

# Function names of callgrind's parts, the first paint's parts first; addresses and names with
# spaces (the loader's "(below main)") are not symbols.
for part in "$dir"/embedded.1 "$dir"/file.1 "$dir"/embedded* "$dir"/file*; do
  grep -oE '^c?fn=\([0-9]+\) .*' "$part" | sed -E 's/^c?fn=\([0-9]+\) //'
done | grep -vE "^0x|[ ()']" | awk '!seen[$0]++' > link/startup-order.txt
echo "link/startup-order.txt: $(wc -l < link/startup-order.txt) functions"
