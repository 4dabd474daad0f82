# Rechtenverkenner — the two commands: `make run` (the product) and `make test` (the whole suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTEST_ARGS ?=

.PHONY: help setup run test lint lock-rasa clean train-bot productie

help:
	@echo "make run        set up, train the bot if needed, start API (8000), actions (5055), Rasa (5005)"
	@echo "make productie  the production set on one machine: PostgreSQL, Redis, 2 Rasa replicas, actions, API"
	@echo "make test       set up, then ruff and the whole test suite"
	@echo "make setup      install everything (.venv, .venv-rasa, PostgreSQL, Redis); fast when done"
	@echo "make lint       ruff check"
	@echo "make lock-rasa  re-pin requirements/rasa.in -> requirements/rasa.lock.txt"
	@echo "make clean      remove the environments and var/tools (keeps the database in var/)"

setup:
	@bash scripts/setup.sh

run: setup
	@bash scripts/run_all.sh

productie: setup
	@bash scripts/run_productie.sh

test: setup
	.venv/bin/ruff check .
	.venv/bin/python -m pytest $(PYTEST_ARGS)

lint: setup
	.venv/bin/ruff check .

train-bot: setup
	@bash scripts/train_bot.sh

lock-rasa:
	@bash scripts/lock-rasa.sh

clean:
	rm -rf .venv .venv-rasa var/tools
