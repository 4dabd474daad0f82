"""Een helpdesk koppelt de Rechtenverkenner aan: een minimaal voorbeeld.

Het stuurt een profiel, toont de rechten die waarschijnlijk of mogelijk zijn met hun uitleg,
de volgende vraag, bewaart het overzicht als PDF en vraagt het leefloonadvies.

Gebruik:  python docs/voorbeelden/helpdesk.py [API-adres] [PDF-bestand]
Standaard: http://localhost:8000 en overzicht.pdf. Nodig: Python 3.11 en httpx.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import httpx

PROFIEL: dict[str, Any] = {
    "gemeente": "Gent",
    "leeftijd": 34,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 2,
    "leeftijd_jongste_kind": 4,
    "woonsituatie": "huurder_privaat",
    "netto_maandinkomen_gezin": 1450,
    "werksituatie": "werknemer",
    "verblijfsstatus": "belg",
    "verhoogde_tegemoetkoming": True,
}
"""De sleutels en waarden staan in GET /api/v1/attributen. Geen naam nodig."""


def stuur(api: httpx.Client, pad: str, inhoud: dict[str, Any]) -> httpx.Response:
    """POST als JSON; bij een fout (bv. 422: het profiel klopt niet) de uitleg van de API."""
    antwoord = api.post(pad, json=inhoud)
    if antwoord.status_code != 200:
        fout = antwoord.json()
        velden = "; ".join(f"{f['veld']}: {f['bericht']}" for f in fout.get("fouten", []))
        sys.exit(f"{pad} gaf {antwoord.status_code}: {fout['detail']} {velden}".strip())
    return antwoord


def main(adres: str = "http://localhost:8000", pdf_bestand: str = "overzicht.pdf") -> None:
    with httpx.Client(base_url=adres, timeout=60) as api:
        # 1. Het profiel sturen: per recht de status en de uitleg
        evaluatie = stuur(api, "/api/v1/evaluatie", {"profiel": PROFIEL}).json()
        for recht in evaluatie["rechten"]:
            if recht["status"] in ("waarschijnlijk", "mogelijk"):
                print(f"{recht['naam']} ({recht['status']}): {recht['reden'] or ''}")
        # 2. De volgende vraag: stel ze, zet het antwoord in PROFIEL en stuur opnieuw
        vraag = evaluatie["volgende_vraag"]  # None als er geen vragen meer zijn
        if vraag:
            print(f"Volgende vraag ({vraag['attribuut']}): {vraag['vraag']}")
        # 3. Het overzicht als PDF (om af te drukken of te mailen)
        pdf = stuur(api, "/api/v1/overzicht.pdf", {"profiel": PROFIEL, "referentie": "ticket 123"})
        Path(pdf_bestand).write_bytes(pdf.content)
        print(f"Overzicht bewaard in {pdf_bestand}")
        # 4. Voor het OCMW: het leefloonadvies (het OCMW beslist)
        advies = stuur(api, "/api/v1/advies/leefloon", {"profiel": PROFIEL}).json()
        print(f"Leefloonadvies: {advies['advies']}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
