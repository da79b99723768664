# The two commands of the README:
#   make run   - install into .venv and build the graph of the bundled corpus
#   make test  - install into .venv (with test tools) and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/kg build corpus -o build

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache
