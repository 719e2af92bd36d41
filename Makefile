# Two commands on a fresh machine with only Python: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)  ## install dyad and its English model, code the bundled samples, store them, show the top dyads
	$(BIN)/dyad code dyad/samples/articles.jsonl
	rm -f demo.duckdb
	$(BIN)/dyad ingest dyad/samples/articles.jsonl --db demo.duckdb --workers 1
	$(BIN)/dyad sql --db demo.duckdb "SELECT source_code, target_code, count(*) AS events, \
		string_agg(DISTINCT plover_type, ', ') AS types FROM events WHERE source_code IS NOT NULL \
		AND target_code IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10"

test: $(STAMP)  ## install the test dependencies and run the whole suite
	$(BIN)/python -m pytest -q

eval: $(STAMP)  ## score both dev gold sets (needs ../shared)
	$(BIN)/dyad eval ../shared/eval/dev/plover_gsr_dev.jsonl --by-type
	$(BIN)/dyad eval ../shared/eval/dev/petr2_gsr.jsonl --by-type

bench: $(STAMP)  ## throughput against the spaCy baseline (needs ../shared)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
