#!/usr/bin/env bash
# Train the Rasa model once, to models/rechtenverkenner.tar.gz.
#   1. generate the NLU lookups/synonyms/examples (scripts/genereer_nlu.py -> nlu_data/gegenereerd/)
#      and the vocabulary blocks of domain.yml (profile slots, form slots, entities), before
#      the hash below: a changed vocabulary retrains
#   2. build the Dutch spaCy pipeline that config.yml loads (scripts/bouw_spacy_nl.py ->
#      models/spacy_nl/; rebuilt only when its sources change)
#   3. hash config.yml, domain.yml, nlu_data/ (generated files included), the Rasa lock and
#      the spaCy pipeline's stamp
#   4. train only when that hash differs from the stamp next to the model
# Options through the environment: FORCE=1 trains anyway.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODEL="models/rechtenverkenner.tar.gz"
STAMP="models/rechtenverkenner.stamp"

SPACY="models/spacy_nl"
SPACY_USED="models/rechtenverkenner.spacy"   # stamp of the spaCy pipeline the model was trained with
say() { printf '[train] %s\n' "$*"; }

.venv/bin/python scripts/genereer_nlu.py >/dev/null

# The sources are read with the project's code (.venv); spaCy 3.4 lives in .venv-rasa.
mkdir -p models
.venv/bin/python scripts/bouw_spacy_nl.py patronen >/dev/null
.venv-rasa/bin/python scripts/bouw_spacy_nl.py bouw >models/spacy_nl.log 2>&1 || {
    tail -20 models/spacy_nl.log >&2
    say "FOUT: de spaCy-pijplijn bouwen mislukt (zie models/spacy_nl.log)"
    exit 1
}
spacy_stamp="$(cat "$SPACY/bouw.stamp")"

hash="$( { sha256sum config.yml domain.yml; find nlu_data -type f -name '*.yml' | LC_ALL=C sort | xargs sha256sum; \
           cat requirements/rasa.lock.txt; echo "$spacy_stamp"; } | sha256sum | cut -d' ' -f1)"
if [[ "${FORCE:-0}" != "1" && -f "$MODEL" && -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
    say "model up-to-date ($MODEL)"
    exit 0
fi

# Rasa fingerprints SpacyNLP by its model name only, so its cache (.rasa/) cannot see a
# rebuilt pipeline: train without the cache when the pipeline is not the one last used.
zonder_cache=()
if [[ ! -f "$SPACY_USED" || "$(cat "$SPACY_USED")" != "$spacy_stamp" ]]; then
    zonder_cache=(--force)
fi

start=$(date +%s)
say "trainen (enkele minuten) ..."
# Rasa writes a timestamped file next to the fixed name when it exists: remove it first.
rm -f "$MODEL" "$STAMP" "$SPACY_USED"
SQLALCHEMY_SILENCE_UBER_WARNING=1 .venv-rasa/bin/rasa train "${zonder_cache[@]}" \
    --config config.yml --domain domain.yml --data nlu_data \
    --out models --fixed-model-name rechtenverkenner --quiet >models/train.log 2>&1 || {
        tail -40 models/train.log >&2
        say "FOUT: trainen mislukt (zie models/train.log)"
        exit 1
    }
[[ -f "$MODEL" ]] || { say "FOUT: $MODEL niet gemaakt"; exit 1; }
echo "$spacy_stamp" >"$SPACY_USED"
echo "$hash" >"$STAMP"
say "klaar in $(( $(date +%s) - start ))s: $MODEL"
