# petloc developer commands. Everything installs into ./.venv; nothing is assumed on the machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.petloc-installed

.PHONY: run test lint typecheck models bench clean-venv

## run: set everything up and launch the app on the bundled demo folder
run: $(STAMP)
	$(BIN)/petloc-gui $(ARGS)

## test: set everything up and run the whole test suite (what .ci/run calls)
test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check petloc_gui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check petloc_gui

## typecheck: mypy on core and model (not yet clean: not part of `make test` until it is)
typecheck: $(STAMP)
	$(BIN)/mypy

## models: retrain both bundled models into resources/models (needs ../shared)
models: $(STAMP)
	$(BIN)/python benchmarks/train_bundled_models.py

bench: $(STAMP)
	for b in benchmarks/index_folder.py benchmarks/inference.py benchmarks/gui_latency.py benchmarks/retrain.py; do $(BIN)/python $$b || exit 1; done

$(STAMP): pyproject.toml scripts/install_system_libs.sh
	bash scripts/install_system_libs.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
