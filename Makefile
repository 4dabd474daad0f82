# Rechtenverkenner — the two commands: `make run` (the product) and `make test` (the whole suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTEST_ARGS ?=

.PHONY: help setup run test lint lock-rasa clean

help:
	@echo "make run        set up, then start the API on http://0.0.0.0:8000"
	@echo "make test       set up, then ruff and the whole test suite"
	@echo "make setup      install everything (.venv, .venv-rasa, PostgreSQL); fast when done"
	@echo "make lint       ruff check"
	@echo "make lock-rasa  re-pin requirements/rasa.in -> requirements/rasa.lock.txt"
	@echo "make clean      remove the environments and var/tools (keeps the database in var/)"

setup:
	@bash scripts/setup.sh

run: setup
	.venv/bin/python -m bot serve

test: setup
	.venv/bin/ruff check .
	.venv/bin/python -m pytest $(PYTEST_ARGS)

lint: setup
	.venv/bin/ruff check .

lock-rasa:
	@bash scripts/lock-rasa.sh

clean:
	rm -rf .venv .venv-rasa var/tools
