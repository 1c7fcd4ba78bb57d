#!/usr/bin/env bash
# Instructions a run of pivot-tui costs, counted by callgrind (deterministic, unlike timings).
# Usage: bench/instructions.sh [--screen] PIVOT_TUI [ARGS...]
#   plain:    valgrind on `PIVOT_TUI ARGS` (e.g. --plain content/pivot.md), output discarded
#   --screen: the reader in a pseudo terminal (script), quit with q six seconds after it starts
# A release build stripped with `strip --strip-debug` (valgrind cannot read the full debug info).
set -euo pipefail
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install -y valgrind" >&2; exit 1; }
screen=false
if [ "${1:-}" = "--screen" ]; then screen=true; shift; fi
[ $# -ge 1 ] || { echo "usage: $0 [--screen] PIVOT_TUI [ARGS...]" >&2; exit 2; }
binary=$1; shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if $screen; then
  quoted=$(printf '%q ' "$binary" "$@")
  ( sleep 6; printf q ) | script -qfc "TERM=xterm-256color valgrind --tool=callgrind --callgrind-out-file=$out $quoted" /dev/null >/dev/null 2>&1
else
  valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" "$@" >/dev/null 2>&1
fi
callgrind_annotate "$out" 2>/dev/null | grep -m1 "PROGRAM TOTALS"
