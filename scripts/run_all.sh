#!/usr/bin/env bash
# Start the whole product: the web API (8000), the Rasa actions (5055) and the Rasa
# server (5005); the actions and Rasa listen on 127.0.0.1 only. Trains the bot first when
# its data changed. Ctrl-C (or SIGTERM) stops all three. Ports through the environment:
#   API_PORT=8000 ACTIONS_PORT=5055 RASA_PORT=5005   SKIP_BOT=1 starts only the API
# Rasa's HTTP API needs a token (RASA_TOKEN); when it is not set, a new random one is made
# at each start and given to Rasa and the app (through the environment, not the command
# line, so `ps` does not show it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

API_PORT="${API_PORT:-8000}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
RASA_PORT="${RASA_PORT:-5005}"
say() { printf '[run] %s\n' "$*"; }
if [[ -z "${RASA_TOKEN:-}" ]]; then
    RASA_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export RASA_TOKEN

pids=()
stop() {
    trap - INT TERM EXIT
    say "stoppen ..."
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# The set-up prepares the catalogue database (schema, bundled catalogue when empty) before
# anything starts: the actions only read it, and they may run before the API is up.
say "databank voorbereiden"
.venv/bin/python -m catalogus_loader init

if [[ "${SKIP_BOT:-0}" != "1" ]]; then
    bash scripts/train_bot.sh
    say "acties op 127.0.0.1:$ACTIONS_PORT"
    # rasa-sdk has no option for the interface: it reads SANIC_HOST (default 0.0.0.0)
    SANIC_HOST=127.0.0.1 .venv/bin/python -m rasa_sdk --actions actions -p "$ACTIONS_PORT" &
    pids+=($!)
    # Rasa's endpoints (actions, tracker store) come from the settings (GESPREKKEN_URL):
    # the app deletes conversations in the same store
    endpoints="var/endpoints.yml"
    .venv/bin/python -m bot endpoints --acties-url "http://127.0.0.1:$ACTIONS_PORT/webhook" \
        --uit "$endpoints"
    say "Rasa op 127.0.0.1:$RASA_PORT"
    # scripts/rasa_server.py: `rasa` with the per-turn overhead fixed (see the file); it
    # passes RASA_TOKEN to Rasa as --auth-token
    SQLALCHEMY_SILENCE_UBER_WARNING=1 .venv-rasa/bin/python scripts/rasa_server.py run \
        --enable-api -i 127.0.0.1 \
        -p "$RASA_PORT" -m models/rechtenverkenner.tar.gz \
        --endpoints "$endpoints" --credentials credentials.yml &
    pids+=($!)
fi
say "API op poort $API_PORT"
RASA_URL="http://127.0.0.1:$RASA_PORT" .venv/bin/python -m bot serve --port "$API_PORT" &
pids+=($!)

# Stop everything as soon as one part stops.
wait -n "${pids[@]}"
say "een onderdeel is gestopt"
