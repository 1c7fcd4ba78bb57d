# pivot-tui: `make run` builds and opens the Pivot page; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
# Release builds link the Swift runtime statically: the binary needs no toolchain and starts faster.
# No $ORIGIN run path: the binaries need only system libraries, and the loader looked for each of
# them in $ORIGIN's folders first (29 failing system calls at every start).
# Every Swift function in a section of its own, dependencies' too (Package.swift cannot ask it of
# them): lld then places the functions the start-up runs together, and fewer pages are read in.
RELEASE := -c release --static-swift-stdlib --disable-local-rpath -Xswiftc -Xfrontend -Xswiftc -function-sections
BIN_DIR = $$($(SWIFT) build $(RELEASE) --show-bin-path)
BIN = $(BIN_DIR)/pivot-tui

.PHONY: fuzz fuzz-pages fuzz-keys all deps static-cxx build release run test install man deb bench bench-site bench-pictures bench-micro bench-peers bench-ssh clean

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

# libstdc++'s archive alone in a folder, for release builds of pivot-tui to link it statically
# (Package.swift). Without the archive the link falls back to the shared library.
static-cxx:
	@mkdir -p .build-static-cxx
	@archive="$$(clang -print-file-name=libstdc++.a)"; \
	  if [ -f "$$archive" ]; then ln -sf "$$archive" .build-static-cxx/libstdc++.a; else rm -f .build-static-cxx/libstdc++.a; fi

release: deps static-cxx
	$(SWIFT) build $(RELEASE) --product pivot-tui
	$(SWIFT) build $(RELEASE) --product pivot-tui-server
	$(SWIFT) build $(RELEASE) --product pivot-highlight
	$(SWIFT) build $(RELEASE) --product pivot-pictures

run: release
	@$(BIN) $(ARGS)

test: deps
	@scripts/install-deps.sh test
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

# Binaries that need no Swift toolchain: only libc and the C libraries (ncursesw, cmark-gfm,
# libyaml, giflib). `pivot-tui serve` runs pivot-tui-server, installed beside it; the highlighter
# (libpivot-highlight.so, with libsource-highlight) and the pictures (libpivot-pictures.so, with
# chafa and the decoders) go to lib/pivot-tui/, loaded for pages with code or pictures.
# Stripped, with the manual pages and the bash, zsh and fish completions (scripts/install-files.sh).
install: release
	scripts/install-files.sh "$(BIN_DIR)" "$(DESTDIR)" "$(PREFIX)"

# pivot-tui_VERSION_ARCH.deb in this folder, from the release build with dpkg-deb (scripts/deb.sh):
# make install's tree under /usr, Depends: from dpkg-shlibdeps, the systemd unit and an example
# site in /usr/share/doc/pivot-tui/.
deb: release
	@scripts/install-deps.sh deb
	scripts/deb.sh "$(BIN_DIR)" .

# The manual pages, committed in docs/man/: swift-argument-parser's generate-manual plugin on the
# programs (debug build), with the hand-written sections of docs/man/*.sections.
man: deps
	scripts/man-pages.sh

# pivot-tui against less in a real pty (docs/BENCHMARKS.md). The harness reads REPEATS (5) and
# SIZES (80x24,200x60) from the environment: `make bench REPEATS=3 SIZES=80x24`.
bench: static-cxx
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product pivot-tui
	$(SWIFT) build $(RELEASE) --product pivot-highlight
	$(SWIFT) build $(RELEASE) --product pivot-pictures
	@test -x .build-bench-venv/bin/python || python3 -m venv .build-bench-venv
	@.build-bench-venv/bin/python -c 'import pyte' 2>/dev/null || .build-bench-venv/bin/pip install -q 'pyte==0.8.2'
	.build-bench-venv/bin/python bench/run.py --pivot-tui "$(BIN)"

# Pictures (docs/BENCHMARKS.md, "Pictures"): decode and convert time per picture, bytes of a
# screen with one picture in cells, sixels and kitty graphics, first paint with five pictures.
bench-pictures: static-cxx
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product pivot-tui
	$(SWIFT) build $(RELEASE) --product pivot-pictures
	@test -x .build-bench-venv/bin/python || python3 -m venv .build-bench-venv
	@.build-bench-venv/bin/python -c 'import pyte' 2>/dev/null || .build-bench-venv/bin/pip install -q 'pyte==0.8.2'
	.build-bench-venv/bin/python bench/pictures.py --pivot-tui "$(BIN)" --repeats $${REPEATS:-9}

# Reading a site (docs/BENCHMARKS.md, "Sites"): a generated site of PAGES (1000) pages; the index,
# its filter, following a link and going back, memory after 50 follows, with less as reference.
PAGES ?= 1000
bench-site: static-cxx
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product pivot-tui
	$(SWIFT) build $(RELEASE) --product pivot-highlight
	$(SWIFT) build $(RELEASE) --product pivot-pictures
	@test -x .build-bench-venv/bin/python || python3 -m venv .build-bench-venv
	@.build-bench-venv/bin/python -c 'import pyte' 2>/dev/null || .build-bench-venv/bin/pip install -q 'pyte==0.8.2'
	.build-bench-venv/bin/python bench/sites.py --pivot-tui "$(BIN)" --pages $(PAGES) --sizes $${SIZES:-80x24} --repeats $${REPEATS:-5}

# Micro-benchmarks of the core (docs/BENCHMARKS.md): parse, outline, layout, render and a key,
# on the embedded Pivot page and the 10 MiB page of `bench/run.py --docs big`, with
# google/swift-benchmark (in the package only when PIVOT_BENCH is set), built apart in .build-bench.
# -enable-testing lets the benchmarks reach the outline step, which is internal to PivotDocument.
# BENCH_MICRO_ARGS go to the benchmark program: `make bench-micro BENCH_MICRO_ARGS='--filter parse'`.
# Then callgrind's instruction counts of the release reader's start-up to its first paint and of one
# `j` (bench/startup-and-key-instructions.sh, on a copy stripped of debug info for valgrind).
BENCH_MICRO_ARGS ?= --time-unit us
bench-micro: deps static-cxx
	python3 bench/pages.py bench/out/big.md 10485760 > /dev/null
	PIVOT_BENCH=1 $(SWIFT) build -c release -Xswiftc -enable-testing --product PivotBenchmarks --scratch-path .build-bench
	.build-bench/release/PivotBenchmarks --large-page bench/out/big.md $(BENCH_MICRO_ARGS)
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product pivot-tui
	strip --strip-debug -o .build-bench/pivot-tui-no-debug "$(BIN)"
	bench/startup-and-key-instructions.sh .build-bench/pivot-tui-no-debug

# The same with w3m and lynx (Debian packages) as extra columns; bench includes them once installed.
bench-peers:
	@if ! dpkg-query -W -f='$${Status}\n' w3m lynx 2>/dev/null | grep -c "install ok installed" | grep -qx 2; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Install the peers as root:  apt-get install -y w3m lynx" >&2; exit 1; fi; \
	  echo "Installing w3m lynx ..."; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq w3m lynx >/dev/null; \
	fi
	@$(MAKE) --no-print-directory bench

# SSH serving (docs/BENCHMARKS.md): OpenSSH's sshd with ForceCommand against `pivot-tui serve`, side
# by side on 127.0.0.1 with the real ssh client. Runs as root (sshd); about two minutes. The harness
# reads CONNECTIONS (30), CLIENTS (50), ROUNDS (3), PRESSES (20): `make bench-ssh CLIENTS=20`.
bench-ssh: static-cxx
	@scripts/install-deps.sh bench
	$(SWIFT) build $(RELEASE) --product pivot-tui
	$(SWIFT) build $(RELEASE) --product pivot-tui-server
	@test -x .build-bench-venv/bin/python || python3 -m venv .build-bench-venv
	@.build-bench-venv/bin/python -c 'import pyte' 2>/dev/null || .build-bench-venv/bin/pip install -q 'pyte==0.8.2'
	.build-bench-venv/bin/python bench/ssh_bench.py --bin-dir "$(BIN_DIR)"
	.build-bench-venv/bin/python bench/balancer.py --bin-dir "$(BIN_DIR)"

# libFuzzer, FUZZ_SECONDS (default 60) for each target; findings land in .build-fuzz/.
# fuzz-pages: the page pipeline (parse, outline, layout, render, keys), from the repository's pages.
# fuzz-keys: bytes typed at a pty, decoded by ncurses and KeyDecoder as the reader's loop reads them.
FUZZ_SECONDS ?= 60
fuzz: fuzz-pages fuzz-keys

fuzz-pages: deps
	PIVOT_FUZZ=1 $(SWIFT) build --sanitize=fuzzer -Xswiftc -parse-as-library --product PivotFuzz --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/corpus && cp content/pivot.md docs/*.md .build-fuzz/corpus/
	cd .build-fuzz && ./debug/PivotFuzz corpus -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048

fuzz-keys: deps
	PIVOT_FUZZ=1 $(SWIFT) build --sanitize=fuzzer -Xswiftc -parse-as-library --product PivotKeyFuzz --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/key-corpus
	@printf 'jk q\033OA\033[6~\033[<64;10;5M\033[<0;3;4M\033[M a!\303\251\346\274\242\033' > .build-fuzz/key-corpus/seed
	cd .build-fuzz && ./debug/PivotKeyFuzz key-corpus -max_total_time=$(FUZZ_SECONDS) -max_len=1024 -timeout=10 -rss_limit_mb=2048

clean:
	$(SWIFT) package clean
