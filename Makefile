# Set-up and everyday commands. `make demo` and `make test` each install everything first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser demo test lint lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	@# PyTorch's CPU wheel first (PyPI's Linux torch is the CUDA build, gigabytes); the lock's pin accepts it.
	-$(BIN)/python -m pip install --quiet --no-deps --timeout 20 --retries 1 \
	  --index-url https://download.pytorch.org/whl/cpu "$$(grep '^torch==' requirements.lock)"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# Bytecode now, as pip does for a package it installs: a process that may not write it (read-only
	@# folders, PYTHONDONTWRITEBYTECODE) would otherwise compile every module at each start (0.2 s).
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline demo

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The end-to-end tests drive Debian's Chromium (never a browser download): install it when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "browser tests need Debian's chromium: apt-get install chromium (as root)"; exit 0; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e ".[dev,cluster,train]"
	(echo "# Pinned versions of every dependency (runtime and test tools) for Python 3.11."; \
	 echo "# Regenerate with: make lock"; \
	 .lock-venv/bin/pip freeze --exclude-editable | grep -v '^storyline') > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) storyline-demo.db storyline-demo.db-wal storyline-demo.db-shm storyline-demo.db.lock storyline-demo.db.index
