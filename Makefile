# Each target sets itself up: a virtualenv in .venv with soat and its test tools.
# soat is installed editable as a plain path in a .pth file (editable_mode=compat), not through
# setuptools' default import finder, whose imports (pathlib, importlib.util, fnmatch) every
# start of the venv would pay: ~20 M instructions of a ~600 M cold `soat check`. Should
# setuptools drop that (deprecated) mode, the default editable install is made instead.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench bench-quick docs clean

$(BIN)/.soat-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat \
	  || $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Lint the example drafts (plain text, Markdown, HTML), then show what --fix would change.
demo: $(BIN)/.soat-installed
	$(BIN)/soat check examples/ || test $$? -eq 1
	$(BIN)/soat check --diff examples/bai-mau.txt || test $$? -eq 1

test: $(BIN)/.soat-installed
	$(BIN)/python -m pytest -q

# The project's own standards: lint, formatting, types (CI runs this before the tests).
lint: $(BIN)/.soat-installed
	$(BIN)/ruff check soat tests tools bench
	$(BIN)/ruff format --check soat tests tools bench
	$(BIN)/mypy

# Start-up (whole, then phase by phase), CPU per rule and per shared analysis, then soat
# against textlint + prh with ../shared/bench-peer when it is there (minutes; adds a section
# to bench/RESULTS.md).
bench: $(BIN)/.soat-installed
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/startup_phases.py
	$(BIN)/python bench/knowledge.py
	$(BIN)/python bench/rules.py --limit 300
	$(BIN)/python bench/peer.py

bench-quick: $(BIN)/.soat-installed
	$(BIN)/python bench/peer.py --quick

docs: $(BIN)/.soat-installed
	$(BIN)/python tools/gen_rule_docs.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
