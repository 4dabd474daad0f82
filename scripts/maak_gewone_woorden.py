"""Schrijf de gewone Nederlandse woorden die de tikfoutverbeteraar anders zou "verbeteren".

De lezer verbetert een onbekend woord naar een trefwoord dat er op één letter na op lijkt
(``actions/normaliseren/tikfouten.py``). Een echt woord mag dat nooit overkomen: "recht"
is geen "echt", "welke" geen "elke". Dit script zoekt in de Nederlandse woordvormen van
spacy-lookups-data (MIT-licentie; ``nl_lemma_lookup``, in de Rasa-omgeving
``.venv-rasa``) elk woord dat verbeterd zou worden, en schrijft die woorden in
``actions/normaliseren/gewone_woorden.txt`` tussen de markeringen
``# >>> gegenereerd`` en ``# <<< gegenereerd``. Wat buiten de markeringen staat (met de
hand toegevoegd), blijft staan.

Opnieuw draaien na het toevoegen van trefwoorden:

    .venv/bin/python scripts/maak_gewone_woorden.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from actions.normaliseren.getallen import getalwoorden  # noqa: E402
from actions.normaliseren.tikfouten import GEWONE_WOORDEN_PAD, Verbeteraar  # noqa: E402
from actions.normaliseren.trefwoorden import standaard_trefwoorden  # noqa: E402

BEGIN, EINDE = "# >>> gegenereerd", "# <<< gegenereerd"


def woordvormen(venv: Path) -> set[str]:
    """Woordvormen (lookup: vorm -> lemma) en lemma's per woordsoort (index)."""
    map_ = next(iter(venv.glob("lib/python*/site-packages/spacy_lookups_data/data")), None)
    if map_ is None:
        raise SystemExit(f"spacy-lookups-data niet gevonden in {venv} (make setup).")
    with gzip.open(map_ / "nl_lemma_lookup.json.gz", "rt", encoding="utf-8") as f:
        tabel: dict[str, str] = json.load(f)
    with gzip.open(map_ / "nl_lemma_index.json.gz", "rt", encoding="utf-8") as f:
        index: dict[str, list[str]] = json.load(f)
    alle = [*tabel, *tabel.values(), *(w for lemmas in index.values() for w in lemmas)]
    return {w.casefold() for w in alle if w.isalpha()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=REPO / ".venv-rasa")
    parser.add_argument(
        "--controleer",
        action="store_true",
        help="schrijf niets; stop met een fout als het bestand niet bij is met de trefwoorden",
    )
    args = parser.parse_args()
    verbeteraar = Verbeteraar(standaard_trefwoorden().alle_woorden() | getalwoorden())
    gewoon = sorted(w for w in woordvormen(args.venv) if verbeteraar.woord(w) != w)
    tekst = GEWONE_WOORDEN_PAD.read_text(encoding="utf-8")
    voor, _, rest = tekst.partition(BEGIN)
    _, _, na = rest.partition(EINDE)
    blok = "\n".join(
        [BEGIN + " door scripts/maak_gewone_woorden.py: niet met de hand bewerken", *gewoon, EINDE]
    )
    nieuw = voor + blok + (na or "\n")
    naam = GEWONE_WOORDEN_PAD.relative_to(REPO)
    if args.controleer:
        if nieuw != tekst:
            raise SystemExit(
                f"{naam} is niet bij met de trefwoorden: voer scripts/maak_gewone_woorden.py uit."
            )
        return
    GEWONE_WOORDEN_PAD.write_text(nieuw, encoding="utf-8")
    print(f"{len(gewoon)} gewone woorden geschreven naar {naam}")


if __name__ == "__main__":
    main()
