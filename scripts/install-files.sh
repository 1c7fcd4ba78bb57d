#!/usr/bin/env bash
# Installs pivot-tui from a build folder: what `make install` and `make deb` share.
# Usage: scripts/install-files.sh BIN_DIR ROOT PREFIX
#   BIN_DIR  the build's products (pivot-tui, pivot-tui-server, libpivot-highlight.so, libpivot-pictures.so)
#   ROOT     where the tree is made ("" for the system, a staging folder for a package)
# The programs are stripped: the static Swift runtime's symbols were half of each file, and a
# crash report needs none of them. The completions come from the program itself, the manual
# pages from docs/man/ (`make man`). The highlighter and the pictures library go to
# PREFIX/lib/pivot-tui/, where the program looks for them (../lib/pivot-tui/ beside itself).
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir=$1 root=$2 prefix=$3
to=$root$prefix

install -d "$to/bin" "$to/lib/pivot-tui" "$to/share/man/man1" "$to/share/bash-completion/completions" \
  "$to/share/zsh/site-functions" "$to/share/fish/vendor_completions.d"
install -m 0755 -s "$bin_dir/pivot-tui" "$bin_dir/pivot-tui-server" "$to/bin/"
install -m 0644 -s "$bin_dir/libpivot-highlight.so" "$bin_dir/libpivot-pictures.so" "$to/lib/pivot-tui/"
# The linker gives the libraries the toolchain's folder as their run path: useless once
# installed (they need no Swift), and a failing lookup for each of their libraries when loaded.
for library in libpivot-highlight.so libpivot-pictures.so; do
  chrpath -d "$to/lib/pivot-tui/$library" >/dev/null
done
install -m 0644 docs/man/pivot-tui.1 docs/man/pivot-tui-serve.1 "$to/share/man/man1/"
# `man pivot-tui-server` finds the server's page too.
ln -sf pivot-tui-serve.1 "$to/share/man/man1/pivot-tui-server.1"
# bash-completion sources the script: it needs no #! line.
"$bin_dir/pivot-tui" --generate-completion-script bash | sed '1{/^#!/d}' > "$to/share/bash-completion/completions/pivot-tui"
"$bin_dir/pivot-tui" --generate-completion-script zsh > "$to/share/zsh/site-functions/_pivot-tui"
"$bin_dir/pivot-tui" --generate-completion-script fish > "$to/share/fish/vendor_completions.d/pivot-tui.fish"
