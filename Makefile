# Chronoscope. `make run` installs what is missing, builds and opens the app;
# `make test` runs every check and test. Both work on a fresh Debian 12 as root (or with sudo).

GO      ?= go
BIN     := bin/chronoscope
export LANG ?= C.UTF-8

# Debian packages: cgo toolchain and headers for Fyne (GLFW builds X11 and Wayland),
# GL and CJK fonts to run the window (Fyne falls back to system fonts for Korean, Chinese
# and Japanese titles) and to draw them in chart images and PDFs, Chromium, poppler and
# fonts for the exported-chart tests, and npm for the ECharts library.
APT_BUILD := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev wayland-protocols
# TrueType CJK fonts a PDF can embed (Noto CJK's CFF outlines it cannot): Chinese and
# Japanese, Korean. Chart images and PDFs draw what DejaVu lacks from them.
APT_CJK   := fonts-droid-fallback fonts-nanum
# dbus-launch (dbus-x11): without it Fyne prints "failed to watch theme settings" on
# stderr at every start on a machine with no session bus.
APT_RUN   := libgl1 libglx-mesa0 dbus-x11 fonts-noto-cjk $(APT_CJK)
APT_TEST  := chromium fonts-dejavu-core appstream desktop-file-utils poppler-utils $(APT_CJK)

.PHONY: deps test-deps apt-deps echarts build run test go-test race torture lint bench bench-pg pg pg-stop clean screenshots cyclo

## deps: install the missing Debian packages (nothing when all are there) and the ECharts library
deps: echarts
	@$(MAKE) --no-print-directory apt-deps APT_WANT="$(APT_BUILD) $(APT_RUN) $(APT_TEST)"

# test-deps: what the tests need (no window, no CJK fonts: those are for people).
test-deps: echarts
	@$(MAKE) --no-print-directory apt-deps APT_WANT="$(APT_BUILD) $(APT_TEST)"

apt-deps:
	@missing=""; for p in $(APT_WANT); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

echarts:
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends npm >/dev/null; }
	@sh ./scripts/fetch-echarts.sh

## build: bin/chronoscope
build: deps
	$(GO) build -o $(BIN) .

## run: open the default case (the sample chronology on first run)
run: build
	./$(BIN)

## test: formatting, vet, staticcheck, the complexity limit and every test
test: test-deps
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	@$(MAKE) --no-print-directory cyclo
	@# The tests run beside a throwaway PostgreSQL cluster (scripts/pg-cluster.sh: Debian's
	@# postgresql-15, installed when missing; loopback only, a private port and socket folder,
	@# fsync off), stopped and removed at the end whatever the tests did.
	@sh ./scripts/pg-cluster.sh run $(MAKE) --no-print-directory go-test

# go-test: every test, then the packages with concurrency again under the race detector (the
# GUI's included). CI set: a missing Chromium, ECharts or PostgreSQL cluster
# (CHRONOSCOPE_TEST_PG) fails its test instead of skipping it; the shared fixtures beside the
# repository (../shared/fixtures) are an extra check, run only when that folder is there.
go-test:
	CI=$${CI:-true} $(GO) test -count=1 ./...
	CI=$${CI:-true} $(GO) test -race -count=1 ./data/... ./timeline/... ./app/...

## pg: a local PostgreSQL with a shared demo case to try by hand: four analysts (alice admin,
## bob writes, carol reads, mallory no member), their passwords in $(PGDEMO)/pgpass; make pg-stop
## stops it and removes the folder (README: Shared cases on PostgreSQL)
PGDEMO ?= /tmp/chronoscope-pg-demo
pg: build
	@sh ./scripts/pg-demo.sh start $(PGDEMO) $(BIN)

pg-stop:
	@sh ./scripts/pg-demo.sh stop $(PGDEMO)

## bench-pg: the million-event figures of docs/shared-cases.md, on a throwaway cluster (the
## import of a million events takes minutes)
bench-pg: test-deps
	@sh ./scripts/pg-cluster.sh run $(GO) test -v -run '^$$' -bench Million -benchtime 20x -timeout 60m ./data/postgres/

## race: every test under the race detector (slow the first time: it rebuilds SQLite and GLFW;
## make test runs the packages with concurrency under it)
race: test-deps
	$(GO) test -race -count=1 ./...

## torture: the long form of the torture suite (docs/reliability.md): kill -9 during imports and
## adds, concurrent writers, a full disk, damaged pages; make test runs its short form
torture: test-deps
	CI=$${CI:-true} CHRONOSCOPE_TORTURE=long $(GO) test -count=1 -timeout 60m -v -run 'Torture|FuzzCorpora' .

PREFIX ?= /usr/local

## screenshots: docs/guide/*.png, the user guide's pictures, from the real window under Xvfb
## (SHOTS_DISPLAY=N picks the X display to start from)
screenshots: build
	@$(MAKE) --no-print-directory apt-deps APT_WANT="xvfb xauth imagemagick xdotool x11-utils $(APT_RUN)"
	sh scripts/screenshots.sh $(BIN) docs/guide

## package: dist/chronoscope-VERSION-linux-ARCH.tar.xz: the binary, the desktop entry (fyne
## package), icons at 16-512 px and SVG, AppStream metainfo, the case's MIME type, a Makefile
package: build
	sh scripts/package.sh $(BIN) dist

## install: the package installed into $(DESTDIR)$(PREFIX); the MIME and desktop databases updated
install: package
	rm -rf dist/stage && mkdir -p dist/stage
	tar -xJf dist/chronoscope-*-linux-*.tar.xz -C dist/stage
	$(MAKE) --no-print-directory -C dist/stage/chronoscope-* install PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)"

lint: cyclo
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

## cyclo: no function outside the tests (and the store conformance suite, data/storetest)
## over cyclomatic complexity 20; gocyclo is a tool of go.mod (go tool gocyclo)
cyclo:
	@out=$$($(GO) tool gocyclo -over 20 -ignore '_test\.go$$|^data/storetest/' .); \
	  if [ -n "$$out" ]; then echo "functions over cyclomatic complexity 20 (split them):"; echo "$$out"; exit 1; fi

## bench: the benchmarks quoted in docs/performance.md
bench: test-deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin dist testdata/failed
