# pivot-tui: `make run` builds and opens the Pivot page; `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
STATIC_BUILD := .build-static

.PHONY: all deps build release run test install bench bench-peers clean

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@$$($(SWIFT) build -c release --show-bin-path)/pivot-tui $(ARGS)

test: deps
	@scripts/install-deps.sh test
	$(SWIFT) build
	$(SWIFT) test

# A binary that needs no Swift toolchain: only libc, ncursesw, cmark-gfm and libyaml.
install: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(STATIC_BUILD) --product pivot-tui
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(STATIC_BUILD)/release/pivot-tui $(DESTDIR)$(PREFIX)/bin/pivot-tui

clean:
	$(SWIFT) package clean
