# chitieu — everything a fresh machine needs goes through these targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out/demo
DB ?= chitieu-demo.db
SHARED ?= ../shared

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo demo-cli test lint bench bench-web eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,embed]'
	touch $(STAMP)

## The main job: the web app on the bundled dataset, in a fresh SQLite file; prints the address and a
## one-time admin password (Ctrl-C stops it).
demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm $(DB)-journal
	$(BIN)/chitieu demo --db $(DB) --out $(OUT) > /dev/null
	@PW=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(12))'); \
	  echo "$$PW" | $(BIN)/chitieu user add admin --role admin --password-stdin --db $(DB) && \
	  echo "Đăng nhập quản trị: admin / $$PW"
	$(BIN)/chitieu serve --db $(DB) --host $(HOST) --port $(PORT)

## The command-line demo: load the dataset, assess, print verdicts, write the appendix into $(OUT).
demo-cli: $(STAMP)
	$(BIN)/chitieu demo --db $(DB) --out $(OUT)

## The whole test suite (PostgreSQL store tests run when CHITIEU_TEST_POSTGRES_URL is set).
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

## ruff on everything; mypy strict on the pure core, the default checks on the edges (pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

## Speed goals live here, never in unit tests; results go to docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/web_latency.py
	$(BIN)/python benchmarks/bench_rounds.py

## HTTP latency only (dashboard and indicator p95 on SQLite and PostgreSQL, synthetic plan, upload).
bench-web: $(STAMP)
	$(BIN)/python benchmarks/web_latency.py

## Extraction quality with the shared scorer on ../shared/corpus.
eval: $(STAMP)
	$(BIN)/python benchmarks/eval_extraction.py --shared $(SHARED)

clean:
	rm -rf $(VENV) out .pytest_cache $(DB)
