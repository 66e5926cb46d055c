# chitieu — everything a fresh machine needs goes through these targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out/demo
DB ?= chitieu-demo.db
SHARED ?= ../shared

.PHONY: demo test lint bench eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,embed]'
	touch $(STAMP)

## The main job on the embedded SQLite default: load the dataset, assess, print verdicts, write reports.
demo: $(STAMP)
	$(BIN)/chitieu demo --db $(DB) --out $(OUT)

## The whole test suite (PostgreSQL store tests run when CHITIEU_TEST_POSTGRES_URL is set).
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

## Speed goals live here, never in unit tests; results go to docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## Extraction quality with the shared scorer on ../shared/corpus.
eval: $(STAMP)
	$(BIN)/python benchmarks/eval_extraction.py --shared $(SHARED)

clean:
	rm -rf $(VENV) out .pytest_cache $(DB)
