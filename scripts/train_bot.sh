#!/usr/bin/env bash
# Train the Rasa model once, to models/rechtenverkenner.tar.gz.
#   1. generate the NLU lookups/synonyms/examples (scripts/genereer_nlu.py -> nlu_data/gegenereerd/)
#   2. hash config.yml, domain.yml and nlu_data/ (generated files included)
#   3. train only when that hash differs from the stamp next to the model
# Options through the environment: FORCE=1 trains anyway.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODEL="models/rechtenverkenner.tar.gz"
STAMP="models/rechtenverkenner.stamp"
say() { printf '[train] %s\n' "$*"; }

.venv/bin/python scripts/genereer_nlu.py >/dev/null

hash="$( { sha256sum config.yml domain.yml; find nlu_data -type f -name '*.yml' | LC_ALL=C sort | xargs sha256sum; \
           cat requirements/rasa.lock.txt; } | sha256sum | cut -d' ' -f1)"
if [[ "${FORCE:-0}" != "1" && -f "$MODEL" && -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
    say "model up-to-date ($MODEL)"
    exit 0
fi

mkdir -p models
start=$(date +%s)
say "trainen (enkele minuten) ..."
# Rasa writes a timestamped file next to the fixed name when it exists: remove it first.
rm -f "$MODEL" "$STAMP"
SQLALCHEMY_SILENCE_UBER_WARNING=1 .venv-rasa/bin/rasa train \
    --config config.yml --domain domain.yml --data nlu_data \
    --out models --fixed-model-name rechtenverkenner --quiet >models/train.log 2>&1 || {
        tail -40 models/train.log >&2
        say "FOUT: trainen mislukt (zie models/train.log)"
        exit 1
    }
[[ -f "$MODEL" ]] || { say "FOUT: $MODEL niet gemaakt"; exit 1; }
echo "$hash" >"$STAMP"
say "klaar in $(( $(date +%s) - start ))s: $MODEL"
