#!/usr/bin/env bash
# Set up everything the product and its tests need; safe to run again (fast when done).
#   - uv (pinned) in var/tools, unless the same version is already on PATH
#   - .venv       : Python 3.11.7, from uv.lock (with the dev group)
#   - .venv-rasa  : Python 3.10.13, from requirements/rasa.lock.txt (Rasa 3.6, spaCy 3.4)
#   - PostgreSQL server binaries (Debian package 'postgresql'), for the tests
#   - Redis (Debian package 'redis-server'), for the production set and its tests
#   - Chromium (Debian packages 'chromium', 'chromium-driver'), for the widget's browser tests
#   - Pango and DejaVu (Debian libpango-1.0-0, libpangoft2-1.0-0, fonts-dejavu-core), for the PDF
# Downloads only from PyPI and Debian's archive. Options through the environment:
#   SKIP_RASA=1      do not build .venv-rasa
#   SKIP_POSTGRES=1  do not install PostgreSQL
#   SKIP_REDIS=1     do not install Redis
#   SKIP_CHROMIUM=1  do not install Chromium
#   PY311=/path/python3.11  PY310=/path/python3.10   interpreters to use
set -euo pipefail

UV_VERSION="0.13.9"
PY311_VERSION="3.11.7"
PY310_VERSION="3.10.13"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export UV_PYTHON_DOWNLOADS=never   # never fetch an interpreter: use pyenv's
export UV_NO_PROGRESS=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] FOUT: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

T_ALL="$(now)"

# --- interpreters ------------------------------------------------------------------------
find_python() {  # $1 = full version, e.g. 3.11.7
    local version="$1" root="${PYENV_ROOT:-$HOME/.pyenv}" candidate
    for candidate in "$root/versions/$version/bin/python3" \
                     "$(command -v "python${version%.*}" 2>/dev/null || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]] &&
           [[ "$("$candidate" -c 'import platform; print(platform.python_version())')" == "$version" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
PY311="${PY311:-$(find_python "$PY311_VERSION" || true)}"
[[ -n "$PY311" ]] || die "Python $PY311_VERSION niet gevonden (pyenv install $PY311_VERSION, of zet PY311=...)"

# --- uv ------------------------------------------------------------------------------------
TOOLS="$ROOT/var/tools"
uv_ok() { [[ -x "$1" ]] && [[ "$("$1" --version 2>/dev/null)" == "uv $UV_VERSION"* ]]; }
UV=""
for candidate in "$TOOLS/bin/uv" "$(command -v uv 2>/dev/null || true)"; do
    if [[ -n "$candidate" ]] && uv_ok "$candidate"; then UV="$candidate"; break; fi
done
if [[ -z "$UV" ]]; then
    t="$(now)"
    say "uv $UV_VERSION installeren in var/tools ..."
    rm -rf "$TOOLS"
    "$PY311" -m venv "$TOOLS"
    "$TOOLS/bin/python" -m pip install --quiet "uv==$UV_VERSION"
    UV="$TOOLS/bin/uv"
    uv_ok "$UV" || die "uv $UV_VERSION installeren mislukt"
    say "uv klaar ($(since "$t"))"
fi
say "uv: $UV ($("$UV" --version))"

# --- main environment .venv (Python 3.11) ------------------------------------------------
t="$(now)"
"$UV" sync --frozen --python "$PY311" --group dev --quiet
say ".venv klaar: $(.venv/bin/python --version) ($(since "$t"))"

# --- Rasa environment .venv-rasa (Python 3.10) -------------------------------------------
LOCK="requirements/rasa.lock.txt"
STAMP=".venv-rasa/.setup-stamp"
if [[ "${SKIP_RASA:-0}" == "1" ]]; then
    say ".venv-rasa overgeslagen (SKIP_RASA=1)"
else
    [[ -f "$LOCK" ]] || die "$LOCK ontbreekt: maak het met scripts/lock-rasa.sh"
    # The lock records the hash of the rasa.in it was compiled from: refuse a stale lock.
    want_in="$(sed -n 's/^# rasa.in sha256: //p' "$LOCK")"
    have_in="$(sha256sum requirements/rasa.in | cut -d' ' -f1)"
    [[ "$want_in" == "$have_in" ]] ||
        die "requirements/rasa.in is gewijzigd sinds $LOCK: voer scripts/lock-rasa.sh uit"
    stamp="$(sha256sum <"$LOCK" | cut -d' ' -f1) $PY310_VERSION"
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$stamp" && -x .venv-rasa/bin/rasa ]]; then
        say ".venv-rasa al up-to-date (lock ongewijzigd)"
    else
        PY310="${PY310:-$(find_python "$PY310_VERSION" || true)}"
        [[ -n "$PY310" ]] || die "Python $PY310_VERSION niet gevonden (pyenv install $PY310_VERSION, of zet PY310=...)"
        t="$(now)"
        say ".venv-rasa installeren uit $LOCK (Rasa 3.6; de eerste keer enkele minuten) ..."
        rm -f "$STAMP"
        if [[ ! -x .venv-rasa/bin/python ]] ||
           [[ "$(.venv-rasa/bin/python -c 'import platform; print(platform.python_version())')" != "$PY310_VERSION" ]]; then
            rm -rf .venv-rasa
            "$UV" venv --quiet --python "$PY310" .venv-rasa
        fi
        # sync = exactly the lock: installs what is missing, removes what is not in it
        "$UV" pip sync --quiet --python .venv-rasa/bin/python "$LOCK"
        version="$(.venv-rasa/bin/rasa --version 2>&1)" ||
            die ".venv-rasa/bin/rasa --version faalt: $version"
        grep -q "Rasa Version *: *3.6.21" <<<"$version" ||
            die "onverwachte Rasa-versie: $version"
        echo "$stamp" >"$STAMP"
        say ".venv-rasa klaar: Rasa 3.6.21 ($(since "$t"))"
    fi
fi

# --- Debian packages: the PDF's libraries, and the servers and browser of the tests ------
# debian_pakketten NAAM OVERSLAAN CONTROLE ZONDER PAKKET...: when CONTROLE fails, install the
# packages with apt-get as root; otherwise say what to install and what does not work
# without them. OVERSLAAN names an environment variable that skips it when set to 1.
debian_pakketten() {
    local naam="$1" overslaan="$2" controle="$3" zonder="$4" t
    shift 4
    if [[ -n "$overslaan" && "${!overslaan:-0}" == "1" ]]; then
        say "$naam overgeslagen ($overslaan=1)"
    elif "$controle"; then
        say "$naam aanwezig"
    elif [[ "$(id -u)" == "0" ]]; then
        t="$(now)"
        say "$naam installeren (apt-get install $*) ..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
        "$controle" || die "$naam geïnstalleerd, maar niet gevonden"
        say "$naam klaar ($(since "$t"))"
    else
        say "LET OP: $naam ontbreekt en we zijn geen root; installeer '$*'"
        say "        (sudo apt-get install $*), anders $zonder."
    fi
}

# Pango and a font: WeasyPrint makes the printable overview's PDF. Not skippable: the API
# needs them at run time. Nothing is downloaded when the PDF is made.
have_pdf_libs() {
    local libs  # read once: 'ldconfig -p | grep -q' can fail under pipefail (SIGPIPE)
    libs="$({ command -v ldconfig >/dev/null && ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null)"
    grep -q 'libpango-1\.0\.so\.0' <<<"$libs" &&
        grep -q 'libpangoft2-1\.0\.so\.0' <<<"$libs" &&
        [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]
}
have_postgres() {
    command -v initdb >/dev/null 2>&1 && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_redis() { command -v redis-server >/dev/null 2>&1; }
have_chromium() { [[ -x /usr/bin/chromium ]]; }  # Playwright's own download is not used

debian_pakketten "Pango en DejaVu (PDF)" "" have_pdf_libs "kan de API geen PDF maken" \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
debian_pakketten "PostgreSQL-server" SKIP_POSTGRES have_postgres \
    "worden de PostgreSQL-tests overgeslagen" postgresql
debian_pakketten "Redis-server" SKIP_REDIS have_redis \
    "worden de tests van de productieopstelling overgeslagen" redis-server
debian_pakketten "Chromium" SKIP_CHROMIUM have_chromium \
    "worden de browsertests van de widget overgeslagen" chromium chromium-driver

say "klaar in $(since "$T_ALL")"
