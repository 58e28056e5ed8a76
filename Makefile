# The two commands a newcomer needs: `make run` and `make test`. Everything else builds on them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data

.PHONY: install frontend run test eval bench train train-events train-english lint system-deps clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# the English spaCy pipeline, checked against its pinned hash (pyproject.toml names the same version)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) frontend

# The dashboard's JavaScript libraries, from the npm registry into src/peristiwa/web/static/vendor.
frontend:
	bash src/peristiwa/web/frontend/install.sh

# System packages (PostgreSQL server, Chromium) for the store and browser tests; idempotent.
system-deps:
	bash scripts/system-deps.sh

run: install
	@mkdir -p reports
	$(BIN)/peristiwa extract examples/ -o reports/examples.jsonl --graph reports/examples-network.svg
	$(BIN)/python scripts/show_results.py reports/examples.jsonl
	$(BIN)/peristiwa ingest examples/ $(wildcard $(SHARED)/seed/*.txt) --db peristiwa.db --quiet
	@if ls $(SHARED)/seed/*.txt >/dev/null 2>&1; then \
	  $(BIN)/peristiwa graph $(SHARED)/seed/*.txt -o reports/seed-network.svg; fi
	@echo "dashboard: $(BIN)/peristiwa serve --db peristiwa.db   then open http://127.0.0.1:8000/"

test: install system-deps
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest -q

eval: install
	@mkdir -p reports
	$(BIN)/python -m peristiwa.evaluation --shared $(SHARED) --out reports

bench: install
	@mkdir -p reports
	$(BIN)/python -m peristiwa.benchmark --shared $(SHARED) --out reports

# Rebuilds the shipped models from ../shared/data: id_core (about 40 minutes on 2 cores; gensim only needed
# here), then the event model that reads its parse (train-events, about 6 minutes), then the English
# coder's type and confidence models (train-english, about a minute).
train: install
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m peristiwa.nlp.train --shared $(SHARED)
	$(MAKE) train-events
	$(MAKE) train-english

train-events: install
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m peristiwa.events.train --shared $(SHARED)

# The English coder's type model (PLOVER GSR records) and confidence model (the project's English sentences).
train-english: install
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_english.py $(SHARED)

lint: install
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
