#!/usr/bin/env bash
# Re-pin the Rasa environment: requirements/rasa.in -> requirements/rasa.lock.txt (with hashes).
# Run after editing rasa.in, then `make setup` installs the new lock into .venv-rasa.
# Pass --upgrade to move pinned packages to their newest allowed versions.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export UV_PYTHON_DOWNLOADS=never
UV="$(command -v uv || true)"
[[ -x var/tools/bin/uv ]] && UV="var/tools/bin/uv"
[[ -n "$UV" ]] || { echo "uv niet gevonden: voer eerst scripts/setup.sh uit" >&2; exit 1; }

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
"$UV" pip compile --quiet --python-version 3.10 --python-platform x86_64-unknown-linux-gnu \
    --generate-hashes --custom-compile-command "scripts/lock-rasa.sh" \
    "$@" requirements/rasa.in -o "$tmp"
{
    echo "# rasa.in sha256: $(sha256sum requirements/rasa.in | cut -d' ' -f1)"
    cat "$tmp"
} >requirements/rasa.lock.txt
echo "requirements/rasa.lock.txt: $(grep -c '^[a-z0-9]' requirements/rasa.lock.txt) pakketten"
