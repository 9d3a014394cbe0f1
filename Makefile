# crdesk developer commands. Everything installs into .venv from pyproject.toml, so a fresh
# Debian machine with only python3 needs nothing else: `make run` and `make test` set it up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .demo
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test bench bundle lint screenshots demo clean venv

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
	@sh installer/linux/qt-runtime-deps.sh
	@touch $(STAMP)

demo: venv
	@test -f $(DEMO_DIR)/clinic.db || $(BIN)/crdesk --basedir $(DEMO_DIR) demo

run: demo translations
	$(BIN)/crdesk --basedir $(DEMO_DIR) gui

test: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check crdesk tests bench tools
	$(BIN)/mypy crdesk
	$(BIN)/mypy --platform win32 crdesk

lint: venv
	$(BIN)/ruff check crdesk tests bench
	$(BIN)/mypy crdesk

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

bundle: venv translations
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/crdesk/crdesk --self-test
	@du -sh dist/crdesk

screenshots: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots screenshots

.PHONY: translations
# The staff screens' .qm files from their .ts sources (python -m tools.translations remakes those).
translations: venv
	$(BIN)/pyside6-lrelease -silent resources/translations/*.ts

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache
