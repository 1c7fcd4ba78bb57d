#!/usr/bin/env bash
# Writes docs/man/pivot-tui.1 and docs/man/pivot-tui-serve.1 (`make man`). swift-argument-parser's
# generate-manual plugin describes the commands and options from the built programs; the
# hand-written docs/man/*.sections add what it has no place for (keys, environment, files,
# examples, more on the exit status). The pages are committed: building the package, `make
# install` and `make deb` need no plugin run.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}

# The date of the last commit, so the pages change only with the program.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
$SWIFT package plugin generate-manual --configuration debug --date "$date" | tail -n 1
outputs=.build/plugins/GenerateManual/outputs

# generated sections out subcommands: the generated page with the sections' first part ahead
# of EXIT STATUS, and the rest after the plugin's standard exit sentence (.Ex). The plugin
# (1.8.2) puts a required `subcommand` in every synopsis: optional where there are subcommands
# (the reader needs none), gone where there are none (pivot-tui serve).
merge() {
  awk -v sections="$2" -v subcommands="$4" '
    BEGIN {
      while ((getline line < sections) > 0) {
        if (line ~ /^\.\\" ---- EXIT STATUS ----/) { after = 1; continue }
        if (after) tail = tail line "\n"; else head = head line "\n"
      }
    }
    /^\.Ar subcommand$/ { if (subcommands) print ".Op Ar subcommand"; next }
    /^\.Sh "EXIT STATUS"/ { printf "%s", head; print; exiting = 1; next }
    exiting && /^\.Ex/ { print; printf "%s", tail; exiting = 0; next }
    { print }
  ' "$1" > "$3"
}

merge "$outputs/PivotTUI/pivot-tui.1" docs/man/pivot-tui.sections docs/man/pivot-tui.1 1
merge "$outputs/PivotServe/pivot-tui serve.1" docs/man/pivot-tui-serve.sections docs/man/pivot-tui-serve.1 0
echo "docs/man/pivot-tui.1 docs/man/pivot-tui-serve.1"
