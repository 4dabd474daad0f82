#!/usr/bin/env bash
# The production set on one machine (`make productie`): PostgreSQL (the catalogue and Rasa's
# tracker store), Redis (Rasa's lock store and the app's rate-limit counters), the action
# server, two Rasa replicas that share those stores, and the web app, which uses the
# replicas in turn and skips one that is down. Everything listens on 127.0.0.1 except the
# app. Ctrl-C (or SIGTERM) stops the whole set; so does the loss of the app or the actions.
#
# Servers of your own: set DATABASE_URL, GESPREKKEN_URL (both postgresql+psycopg://...) and
# REDIS_URL; otherwise this starts PostgreSQL and Redis itself, with their data under
# var/productie/. Ports: API_PORT=8000 ACTIONS_PORT=5055 RASA_PORTS="5005 5006"
# PG_PORT=5433 REDIS_PORT=6380.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

API_PORT="${API_PORT:-8000}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
RASA_PORTS="${RASA_PORTS:-5005 5006}"
PG_PORT="${PG_PORT:-5433}"
REDIS_PORT="${REDIS_PORT:-6380}"
DATA="$ROOT/var/productie"
say() { printf '[productie] %s\n' "$*"; }
die() { say "FOUT: $*"; exit 1; }
if [[ -z "${RASA_TOKEN:-}" ]]; then
    RASA_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export RASA_TOKEN SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p "$DATA"

pids=()
pg_bin=""
als_postgres() {  # PostgreSQL refuses to run as root
    if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
    trap - INT TERM EXIT
    say "stoppen ..."
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n "$pg_bin" ]]; then als_postgres "$pg_bin/pg_ctl" stop -D "$DATA/pg" -m fast >/dev/null || true; fi
}
trap stop INT TERM EXIT

# --- PostgreSQL ---------------------------------------------------------------------------
if [[ -z "${DATABASE_URL:-}" || -z "${GESPREKKEN_URL:-}" ]]; then
    pg_bin="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")"
    [[ -x "$pg_bin/initdb" ]] || die "PostgreSQL ontbreekt: make setup installeert het (Debian 'postgresql')"
    if [[ ! -d "$DATA/pg" ]]; then
        say "PostgreSQL: nieuwe databank in var/productie/pg"
        mkdir -p "$DATA/pg"
        if [[ "$(id -u)" == "0" ]]; then chown postgres: "$DATA/pg"; fi
        als_postgres "$pg_bin/initdb" -D "$DATA/pg" -U postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    say "PostgreSQL op 127.0.0.1:$PG_PORT"
    als_postgres "$pg_bin/pg_ctl" start -D "$DATA/pg" -l "$DATA/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" >/dev/null
    for db in rechtenverkenner gesprekken; do
        als_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
            als_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
    done
    export DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/rechtenverkenner"
    export GESPREKKEN_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/gesprekken"
fi

# --- Redis --------------------------------------------------------------------------------
if [[ -z "${REDIS_URL:-}" ]]; then
    command -v redis-server >/dev/null || die "Redis ontbreekt: make setup installeert het (Debian 'redis-server')"
    mkdir -p "$DATA/redis"
    say "Redis op 127.0.0.1:$REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$DATA/redis" --save "" \
        --appendonly no --logfile "$DATA/redis.log" &
    pids+=($!)
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi

# --- the catalogue, the bot, the actions, the replicas, the app ----------------------------
say "databank voorbereiden"
.venv/bin/python -m catalogus_loader init
bash scripts/train_bot.sh
endpoints="$DATA/endpoints.yml"  # Rasa's tracker store (PostgreSQL) and lock store (Redis)
.venv/bin/python -m bot endpoints --acties-url "http://127.0.0.1:$ACTIONS_PORT/webhook" \
    --uit "$endpoints"
say "acties op 127.0.0.1:$ACTIONS_PORT"
SANIC_HOST=127.0.0.1 .venv/bin/python -m rasa_sdk --actions actions -p "$ACTIONS_PORT" &
pids+=($!)
vast=("${pids[@]}")  # the set stops when one of these stops
rasa_urls=()
for poort in $RASA_PORTS; do
    say "Rasa-replica op 127.0.0.1:$poort"
    .venv-rasa/bin/python scripts/rasa_server.py run --enable-api -i 127.0.0.1 -p "$poort" \
        -m models/rechtenverkenner.tar.gz --endpoints "$endpoints" \
        --credentials credentials.yml &
    pids+=($!)
    rasa_urls+=("http://127.0.0.1:$poort")
done
say "API op poort $API_PORT (Rasa: ${rasa_urls[*]})"
RASA_URL="$(IFS=,; echo "${rasa_urls[*]}")" .venv/bin/python -m bot serve --port "$API_PORT" &
pids+=($!)
vast+=($!)

# A replica may stop (the others serve its conversations); the rest may not.
wait -n "${vast[@]}"
say "een onderdeel is gestopt"
