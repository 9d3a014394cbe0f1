# crdesk developer commands. Everything installs into .venv from pyproject.toml, so a fresh
# Debian machine with only python3 needs nothing else: `make run` and `make test` set it up
# (as root they also install the system packages they need; otherwise they print the command).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .demo
BUNDLE_MAX_MB ?= 120
QT_DEPS := PYTHON=$(BIN)/python sh installer/linux/qt-runtime-deps.sh
export QT_QPA_PLATFORM_TEST := offscreen

# $(call need,COMMAND,DEBIAN PACKAGES): install the packages as root when COMMAND is missing;
# otherwise print the exact command and stop.
define need
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "$(1) missing: installing $(2)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $(2) >/dev/null; } || exit 1; \
	  else echo "$(1) is needed: install it with: sudo apt-get install -y $(2)"; exit 1; fi; }
endef

# $(call want,COMMAND,DEBIAN PACKAGES): as `need`, but without root it only says so.
define want
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "$(1) missing: installing $(2)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $(2) >/dev/null; } || exit 1; \
	  else echo "note: $(1) not installed (sudo apt-get install -y $(2)); its tests skip"; fi; }
endef

.PHONY: run test bench bundle package lint screenshots demo clean venv qt-deps test-x test-media

venv: $(STAMP)

$(STAMP): pyproject.toml
	@# Debian's python3 ships without ensurepip: install python3-venv when we can.
	@$(PY) -m venv --help >/dev/null 2>&1 && $(PY) -c 'import ensurepip' 2>/dev/null || \
		{ echo "python3 venv support missing: installing python3-venv"; \
		  (apt-get update -qq && apt-get install -y -qq python3-venv) || \
		  { echo "Please install python3-venv (sudo apt-get install python3-venv)"; exit 1; }; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@# Every library Qt's xcb platform needs (ldd on the plugins); the stamp only when all are.
	@$(QT_DEPS)
	@touch $(STAMP)

# Checked on every run too (a fraction of a second): a venv made before a library went missing.
qt-deps: venv
	@$(QT_DEPS)

demo: venv
	@test -f $(DEMO_DIR)/clinic.db || $(BIN)/crdesk --basedir $(DEMO_DIR) demo

run: qt-deps demo translations
	$(BIN)/crdesk --basedir $(DEMO_DIR) gui

# The suite runs Qt offscreen; tests/installer/test_real_window.py starts its own Xvfb and
# opens the real window with the xcb platform (required here: CRDESK_REQUIRE_REAL_X=1).
test-x:
	$(call need,Xvfb,xvfb)
	$(call need,xwininfo,x11-utils)
	$(call need,openbox,openbox)
	$(call need,xdotool,xdotool)

# USB-stick filesystems for tests/media (FAT32 and exFAT images mounted with FUSE). Wanted,
# not needed: without them (not root) those tests are skipped with the reason.
test-media:
	$(call want,mkfs.vfat,dosfstools)
	$(call want,fusefat,fusefat)
	$(call want,mkfs.exfat,exfatprogs)
	$(call want,mount.exfat-fuse,exfat-fuse)

test: qt-deps test-x test-media translations
	QT_QPA_PLATFORM=offscreen CRDESK_REQUIRE_REAL_X=1 $(BIN)/python -m pytest -q
	$(BIN)/ruff check crdesk tests bench tools
	$(BIN)/mypy crdesk
	$(BIN)/mypy --platform win32 crdesk

lint: venv
	$(BIN)/ruff check crdesk tests bench tools
	$(BIN)/mypy crdesk

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# One-folder bundle in dist/crdesk: its self-test must pass with nothing unexpected on stderr,
# and it must stay within BUNDLE_MAX_MB (strip/readelf/as/ld come from binutils).
bundle: qt-deps translations
	$(call need,strip,binutils)
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	sh installer/linux/qt-runtime-deps.sh dist/crdesk/_internal/PySide6/Qt
	sh installer/linux/check-selftest.sh dist/crdesk/crdesk
	@size=$$(du -sm dist/crdesk | cut -f1); \
	  echo "bundle size: $$size MB (du -sm dist/crdesk; goal <= $(BUNDLE_MAX_MB) MB)"; \
	  if [ $$size -gt $(BUNDLE_MAX_MB) ]; then echo "bundle is above the goal"; exit 1; fi

# dist/crdesk_<version>_<arch>.deb from the bundle (installer/linux/build-deb.sh).
package: bundle
	$(call need,dpkg-deb,dpkg)
	sh installer/linux/build-deb.sh dist/crdesk dist

screenshots: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots screenshots

.PHONY: translations
# The staff screens' .qm files from their .ts sources (python -m tools.translations remakes those).
translations: venv
	$(BIN)/pyside6-lrelease -silent resources/translations/*.ts

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache
