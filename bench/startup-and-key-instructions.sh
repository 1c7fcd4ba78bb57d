#!/usr/bin/env bash
# Instructions (callgrind) of the reader's start-up to its first paint, and of one `j`, on the
# Pivot page at 80x24 in a pseudo terminal. Counts do not depend on the machine's load, so a
# change's effect shows without the noise of timings (docs/BENCHMARKS.md, micro-benchmarks).
# Usage: bench/startup-and-key-instructions.sh PIVOT_TUI [PRESSES] [KEY]
#   PIVOT_TUI: a release build stripped with `strip --strip-debug` (valgrind cannot read the full
#   debug info). PRESSES (5): how many keys; the median is printed. KEY (j): the key pressed,
#   e.g. ' ' for a page down. With KEEP_PARTS=DIR, callgrind's parts are copied to DIR
#   (`callgrind_annotate --inclusive=yes DIR/callgrind.out.1`: where the start-up's instructions go).
# callgrind writes a part each time a frame has gone to ncurses (`CursesScreen.draw` returned):
# part 1 is spawn to first paint, part k+1 is the k-th key (read, update, render, draw). Each key
# is typed only once the frame before it is out, so no two keys share a frame.
set -euo pipefail
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install -y valgrind" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: $0 PIVOT_TUI [PRESSES] [KEY]" >&2; exit 2; }
binary=$1
presses=${2:-5}
key=${3:-j}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
out=$dir/callgrind.out

# Waits (up to 60 s: valgrind is slow) for callgrind's part $1.
wait_for_part() {
  for _ in $(seq 600); do [ -e "$out.$1" ] && return 0; sleep 0.1; done
  echo "no frame $1 within 60 s" >&2; return 1
}

keys() {
  wait_for_part 1
  for k in $(seq "$presses"); do
    printf '%s' "$key"
    wait_for_part $((k + 1))
  done
  printf q
}

command="stty cols 80 rows 24; TERM=xterm-256color PIVOT_TUI_NO_ANIMATION=1 valgrind --tool=callgrind"
command+=" --dump-after='*CursesScreenC4drawyy*' --callgrind-out-file=$out $(printf %q "$binary")"
keys | script -qfc "$command" /dev/null >/dev/null 2>&1

if [ -n "${KEEP_PARTS:-}" ]; then mkdir -p "$KEEP_PARTS" && cp "$dir"/callgrind.out.* "$KEEP_PARTS"/; fi
total() { grep -m1 '^totals:' "$1" | cut -d' ' -f2; }
parts=$(find "$dir" -name 'callgrind.out.*' | wc -l)
if [ "$parts" -ne $((presses + 1)) ]; then
  echo "expected $((presses + 1)) frames (first paint and one per key), callgrind wrote $parts" >&2
  exit 1
fi
startup=$(total "$out.1")
per_key=$(for k in $(seq 2 $((presses + 1))); do total "$out.$k"; done | sort -n)
median=$(sed -n "$(((presses + 1) / 2))p" <<<"$per_key")
printf 'start-up to first paint (Pivot page, 80x24): %s instructions\n' "$startup"
printf 'one "%s" (read, update, render, draw; median of %s): %s instructions (all: %s)\n' \
  "$key" "$presses" "$median" "$(tr '\n' ' ' <<<"$per_key" | sed 's/ $//')"
