# petloc developer commands. Everything installs into ./.venv; nothing is assumed on the machine.
# the interpreter .venv is made from (3.11+): `make PYTHON=python3.11` (or a path) picks another
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.petloc-installed

.PHONY: run test lint typecheck models bench clean-venv

## run: set everything up and launch the app on the folder open last time (the bundled demo on the first run; ARGS="FOLDER" for another)
run: $(STAMP)
	$(BIN)/petloc-gui $(ARGS)

# What ruff and mypy check: ruff the whole repository; mypy the whole package (the ui too, so its
# typed Protocols between the window and its parts are checked).
RUFF_PATHS ?= .
MYPY_PATHS ?= petloc_gui/core petloc_gui/app petloc_gui/cli petloc_gui/model petloc_gui/ui

# Test processes (pytest-xdist): two, the cores CI has; each file's tests stay on one worker
# (tests/conftest.py), so a file's trained model is built once. TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= 2

## test: set everything up, lint (imports, ruff, mypy) and run the whole test suite (what .ci/run calls)
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

## lint: import-linter contracts, ruff (style and bug rules) and mypy (static types), as configured in pyproject.toml
lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check $(RUFF_PATHS)
	$(BIN)/mypy $(MYPY_PATHS)

## typecheck: mypy alone, on what `make lint` checks (MYPY_PATHS)
typecheck: $(STAMP)
	$(BIN)/mypy $(MYPY_PATHS)

## models: retrain both bundled models into resources/models (needs ../shared; ARGS="--only digits" retrains digits alone, without it)
models: $(STAMP)
	$(BIN)/python benchmarks/train_bundled_models.py $(ARGS)

## bench: the speed benchmarks the README's "Speed" table quotes (index a folder, inference, window latency, retrain)
bench: $(STAMP)
	for b in benchmarks/index_folder.py benchmarks/inference.py benchmarks/gui_latency.py benchmarks/retrain.py; do $(BIN)/python $$b || exit 1; done

$(STAMP): pyproject.toml scripts/install_system_libs.sh
	bash scripts/install_system_libs.sh
	PYTHON='$(PYTHON)' VENV='$(VENV)' bash scripts/make_venv.sh
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## clean-venv: delete the virtual environment; the next make target sets it up again
clean-venv:
	rm -rf $(VENV)
