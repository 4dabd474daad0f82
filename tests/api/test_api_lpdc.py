"""A local LPDC product without product number and without rules, through the real API.

The server's database holds the bundled catalogue plus the expanded JSON-LD LDES pages of
tests/loader/lpdc (a Leuven sports voucher with a contact point, and a minimal instance).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serverproces import start_server

from bot.catalogue.db import maak_engine
from bot.settings import Settings
from catalogus_loader import initialiseer, laad

PAGINA = Path(__file__).parents[1] / "loader" / "lpdc" / "instantiesnapshots-pagina-0.jsonld"
SPORTCHEQUE = "lpdc-6d1e2f3a-4b5c-4d6e-8f70-a1b2c3d4e5f6"
COMPOSTVAT = "lpdc-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"


@pytest.fixture(scope="module")
def lpdc_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    map_ = tmp_path_factory.mktemp("lpdc-api")
    url = f"sqlite:///{map_ / 'api.db'}"
    instellingen = Settings(database_url=url, ipdc_api_url=None, ipdc_api_key=None)
    initialiseer(instellingen)
    engine = maak_engine(url)
    resultaat = laad(engine, [PAGINA], instellingen=instellingen)
    engine.dispose()
    assert resultaat.producten.nieuw == 2
    proces, basis = start_server(url, map_ / "server.log")
    with httpx.Client(base_url=basis, timeout=10) as client:
        yield client
    proces.terminate()
    proces.wait(timeout=10)


def test_lijst_toont_het_lokale_product_in_zijn_gemeente(lpdc_api: httpx.Client) -> None:
    leuven = {
        r["id"]: r for r in lpdc_api.get("/api/v1/rechten", params={"gemeente": "Leuven"}).json()
    }
    recht = leuven[SPORTCHEQUE]
    assert recht["naam"] == "Sportcheque voor kinderen en jongeren"
    assert recht["niveau"] == "lokaal"
    assert recht["gemeenten"] == ["24062"]
    assert recht["machineleesbare_regels"] is False
    assert recht["bron_url"] == "https://lpdc.example/leuven/sportcheque"
    assert recht["samenvatting"].startswith("Woont uw kind in Leuven?")
    assert COMPOSTVAT in leuven  # no area: everywhere
    gent = {r["id"] for r in lpdc_api.get("/api/v1/rechten", params={"gemeente": "Gent"}).json()}
    assert SPORTCHEQUE not in gent and COMPOSTVAT in gent
    gevonden = lpdc_api.get("/api/v1/rechten", params={"q": "sportcheque"}).json()
    assert SPORTCHEQUE in {r["id"] for r in gevonden}


def test_detail_met_beschrijving_link_en_contact(lpdc_api: httpx.Client) -> None:
    antwoord = lpdc_api.get(f"/api/v1/rechten/{SPORTCHEQUE}")
    assert antwoord.status_code == 200, antwoord.text
    detail = antwoord.json()
    assert detail["productnummer"] == SPORTCHEQUE
    assert "sportcheque van 40 euro" in detail["beschrijving_tekst"]
    assert detail["beschrijving"].startswith("<p>")
    assert "https://lpdc.example/leuven/sportcheque" in detail["links"]
    assert detail["contactgegevens"] == [
        {
            "adres": "Sportstraat 12, 3000 Leuven",
            "telefoon": "016 00 00 00",
            "email": "sport@lpdc.example",
            "website": None,
            "openingsuren": "ma-vr 9-12 uur",
        }
    ]
    minimaal = lpdc_api.get(f"/api/v1/rechten/{COMPOSTVAT}").json()
    assert minimaal["beschrijving_tekst"] == "U krijgt een gratis compostvat."
    assert minimaal["contactgegevens"] == []


def test_evaluatie_zegt_niet_gecontroleerd(lpdc_api: httpx.Client) -> None:
    def uitkomsten(gemeente: str) -> dict[str, str]:
        antwoord = lpdc_api.post(
            "/api/v1/evaluatie",
            json={"profiel": {"gemeente": gemeente, "leeftijd": 35}, "datum": "2025-06-01"},
        )
        assert antwoord.status_code == 200, antwoord.text
        return {r["id"]: r["status"] for r in antwoord.json()["rechten"]}

    leuven = uitkomsten("Leuven")
    assert leuven[SPORTCHEQUE] == "niet_gecontroleerd"
    assert leuven[COMPOSTVAT] == "niet_gecontroleerd"
    assert uitkomsten("Gent")[SPORTCHEQUE] == "niet"  # only for Leuven
