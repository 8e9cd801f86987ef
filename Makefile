# servanda: the two set-up commands are `make run` (extract over corpus/ and the gold
# documents, score against the gold set) and `make test`. Both build everything they need
# on a fresh machine with nothing but Python.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SERVANDA := $(VENV)/bin/servanda
DEFAULT_CLASSIFIER := models/clause-minilm
MODEL := $(DEFAULT_CLASSIFIER)/model.safetensors
# The distilled 3-layer student (make model-fast): 1.8x faster classification, 3 points less
# test macro-F1 (README). `make run CLASSIFIER=models/clause-minilm-l3` uses it.
STUDENT := models/clause-minilm-l3
CLASSIFIER ?= $(DEFAULT_CLASSIFIER)
OUT := out
# One pipeline worker per core, at most 4 (each holds its own models: about 1.5 GiB).
WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)
# The shared corpora (../shared) are read, never copied. A clone of a local checkout made
# elsewhere (git clone . /tmp/x) finds them beside its origin; SERVANDA_SHARED overrides.
ifeq ($(wildcard ../shared),)
ORIGIN := $(shell git config --get remote.origin.url 2>/dev/null)
ifneq ($(ORIGIN),)
ifneq ($(wildcard $(ORIGIN)/../shared),)
export SERVANDA_SHARED ?= $(abspath $(ORIGIN)/../shared)
endif
endif
endif
# Documents of the gold set (corpus/ and stand-off texts in ../shared), read from annotations/gold.jsonl.
GOLD_DOCS = $(shell $(PY) -c "import os;from servanda import gold;print(' '.join(sorted({p if os.path.exists(p) else str(gold.resolve_path(p)) for p in (r['path'] for r in gold.load_gold())})))")

.PHONY: install model model-fast run test test-fast lint bench clean

# `make run` needs the pipeline, training and scoring (extra [train]); `make test` and
# `make lint` need everything (extra [dev]), stanza and the linters included.
$(VENV)/.venv:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: the local CPU build; a looser pin would fetch a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	touch $@

$(VENV)/.installed-train: pyproject.toml $(VENV)/.venv
	$(PY) -m pip install -q -e '.[train]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.venv
	$(PY) -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed-train

install: $(VENV)/.installed-train

$(MODEL): $(VENV)/.installed-train annotations/gold.jsonl
	$(SERVANDA) train

model: $(MODEL)

$(STUDENT)/model.safetensors: $(MODEL)
	$(SERVANDA) train --teacher $(DEFAULT_CLASSIFIER) --layers 3 --epochs 3 --batch-size 32 --learning-rate 6e-5 --out-dir $(STUDENT)

model-fast: $(STUDENT)/model.safetensors

run: $(CLASSIFIER)/model.safetensors
	mkdir -p $(OUT)
	$(SERVANDA) run corpus/ $(GOLD_DOCS) --out $(OUT)/pred.jsonl --model $(CLASSIFIER) --workers $(WORKERS) || [ $$? -eq 1 ]
	$(SERVANDA) eval $(OUT)/pred.jsonl annotations/gold.jsonl --split dev --metrics $(OUT)/metrics.dev.json --report $(OUT)/report-dev
	$(SERVANDA) eval $(OUT)/pred.jsonl annotations/gold.jsonl --split test --metrics $(OUT)/metrics.test.json --report $(OUT)/report-test

test: $(VENV)/.installed-dev
	$(PY) -m pytest -q

# Everything but the slow tests (training, kill -9, worker processes): under a minute.
test-fast: $(VENV)/.installed-dev
	$(PY) -m pytest -q -m "not slow"

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(CLASSIFIER)/model.safetensors
	$(PY) benchmarks/bench.py --model $(CLASSIFIER) $(BENCH_ARGS)

clean:
	rm -rf $(OUT) .pytest_cache
