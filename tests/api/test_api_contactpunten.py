"""GET /api/v1/gemeenten/{gemeente}/contactpunt over HTTP, on the bundled catalogue."""

from __future__ import annotations

import httpx
import pytest


def test_contactpunt_van_brugge(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/gemeenten/31005/contactpunt")
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert (data["nis"], data["gemeente"]) == ("31005", "Brugge")
    assert data["contactpunt"] == {
        "naam": "OCMW Brugge",
        "omschrijving": None,
        "telefoon": None,
        "adres": "Hoogstraat 9, Brugge",
        "openingsuren": None,
        "website": "https://www.ocmw-brugge.be",
        "bron_url": "https://www.ocmw-brugge.be/mantelzorgpremie",
    }
    algemeen = data["algemene_lijn"]
    assert algemeen["telefoon"] == "1700"
    assert algemeen["bron_url"].startswith("https://overheid.vlaanderen.be/")


def test_openingsuren_van_hasselt(api: httpx.Client) -> None:
    """Only where the source page gives them (catalogus/contactpunten.yaml)."""
    data = api.get("/api/v1/gemeenten/Kortessem/contactpunt").json()
    assert (data["nis"], data["gemeente"]) == ("71072", "Hasselt")
    assert data["contactpunt"]["openingsuren"] == "In de voormiddag, of op afspraak"
    assert data["algemene_lijn"]["openingsuren"] is None


@pytest.mark.parametrize(("gemeente", "nis"), [("Gent", "44021"), ("sint-amandsberg", "44021")])
def test_contactpunt_op_naam_of_deelgemeente(api: httpx.Client, gemeente: str, nis: str) -> None:
    data = api.get(f"/api/v1/gemeenten/{gemeente}/contactpunt").json()
    assert data["nis"] == nis
    assert data["contactpunt"]["naam"] == "OCMW Gent"


def test_gemeente_zonder_contactpunt_krijgt_de_algemene_lijn(api: httpx.Client) -> None:
    data = api.get("/api/v1/gemeenten/Aartselaar/contactpunt").json()
    assert data["gemeente"] == "Aartselaar"
    assert data["contactpunt"] is None
    assert data["algemene_lijn"]["naam"] == "1700"


def test_onbekende_gemeente_geeft_een_nederlandse_404(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/gemeenten/Nergenshuizen/contactpunt")
    assert antwoord.status_code == 404
    assert "Nergenshuizen" in antwoord.json()["detail"]


def test_dubbelzinnige_gemeente_geeft_422(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/gemeenten/Haren/contactpunt")
    assert antwoord.status_code == 422
    assert antwoord.json()["fouten"][0]["veld"] == "gemeente"


def test_openapi_beschrijft_het_contactpunt(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    assert "/api/v1/gemeenten/{gemeente}/contactpunt" in schema["paths"]
    velden = schema["components"]["schemas"]["ContactUit"]["properties"]
    assert {"naam", "telefoon", "adres", "openingsuren", "website", "bron_url"} <= set(velden)
