# make help lists the targets. Outside an active virtualenv or conda env, the
# targets create .venv and install the project there first.
.DEFAULT_GOAL := help
SHELL := /bin/bash

ifneq ($(or $(VIRTUAL_ENV),$(CONDA_PREFIX)),)
PYTHON := python
STAMP := .installed-active-env
else
PYTHON := .venv/bin/python
STAMP := .venv/.installed
endif
PY_BOOTSTRAP ?= python3
# The notebooks' kernel (analysis/execute.py's KERNEL), installed into the environment itself (--sys-prefix): only
# that environment's Jupyter lists it, under a name that says which environment it is.
KERNEL_NAME := township-reform-audit
ENV_PREFIX := $(if $(findstring .venv,$(PYTHON)),.venv,$(or $(VIRTUAL_ENV),$(CONDA_PREFIX)))
ENV_LABEL := $(if $(findstring .venv,$(PYTHON)),.venv,$(if $(CONDA_PREFIX),conda: $(notdir $(CONDA_PREFIX)),$(notdir $(VIRTUAL_ENV))))
KERNEL_SPEC := $(ENV_PREFIX)/share/jupyter/kernels/$(KERNEL_NAME)/kernel.json

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.venv/bin/python:
	$(PY_BOOTSTRAP) -m venv .venv

$(STAMP): pyproject.toml | $(if $(findstring .venv,$(PYTHON)),.venv/bin/python)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[test]"
	@touch $@

$(KERNEL_SPEC): | $(STAMP)
	$(PYTHON) -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "Township reform audit ($(ENV_LABEL))"

install: $(STAMP) $(KERNEL_SPEC) ## create .venv if needed, install the project with its test tools, its Jupyter kernel and git's notebook filter
	@$(PYTHON) -m analysis.execute install-filter .

test: $(STAMP) ## run every test (unit tests, doctests, data validation, provenance)
	$(PYTHON) -m pytest

reports: $(STAMP) ## validate, check provenance, audit, run every notebook for every county, build site/
	$(PYTHON) -m analysis validate
	$(PYTHON) -m analysis verify-sources $(if $(SKIP_PROVENANCE),,--require)
	$(PYTHON) -m analysis audit --out reports > /dev/null
	$(PYTHON) -m analysis batch

validate: $(STAMP) ## validate the tables under data/
	$(PYTHON) -m analysis validate

notebooks: $(STAMP) ## re-execute the committed notebooks in place (after an intended change), rewriting figures/
	$(PYTHON) -m analysis run-notebooks

bench: $(STAMP) ## measure batch overhead, cells floor, one-row edit, parallel speed-up, no-op rerun and scaling (15-25 minutes on 2 cores)
	$(PYTHON) benchmarks/bench.py

bench-extract: $(STAMP) ## extraction on the five reports against the hand-made tables (recall, measures, time)
	$(PYTHON) benchmarks/extract_bench.py

bench-onboard: $(STAMP) ## add-source on the practice texts against their hand labels (numbers, non-numbers, claims, grades, time)
	$(PYTHON) benchmarks/onboard_bench.py

lab: install ## JupyterLab at the repository's root (README, data dictionary, the tour open); your notebooks go in work/ (LAB_ARGS=--allow-root as root)
	$(PYTHON) -m analysis.lab $(LAB_ARGS)

clean: ## remove generated outputs (keeps .venv)
	rm -rf reports site .pytest_cache

.PHONY: help install test reports validate notebooks bench bench-extract bench-onboard lab clean
