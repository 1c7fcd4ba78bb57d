#!/usr/bin/env bash
# Installs the Debian packages pivot-tui builds and tests with, when any is missing.
# Usage: scripts/install-deps.sh [build|test|bench|deb]
set -euo pipefail

build_packages=(pkg-config libncursesw5-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libgif-dev libsource-highlight-dev libunibreak-dev libchafa-dev libglib2.0-dev libpng-dev libjpeg-dev libwebp-dev chrpath)
test_packages=(tmux ncurses-term openssh-client openssh-server libjpeg-turbo-progs chafa haproxy python3-prometheus-client groff-base man-db dpkg-dev unifont)
deb_packages=(dpkg-dev)
bench_packages=(less time libjpeg-turbo-progs haproxy valgrind)

wanted=("${build_packages[@]}")
case "${1:-build}" in
  test) wanted+=("${test_packages[@]}") ;;
  bench) wanted+=("${test_packages[@]}" "${bench_packages[@]}") ;;
  deb) wanted+=("${deb_packages[@]}") ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "pivot-tui needs these Debian packages: ${missing[*]}" >&2
  echo "Install them as root:  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
