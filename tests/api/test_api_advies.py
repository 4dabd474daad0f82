"""POST /api/v1/advies/leefloon over HTTP, against the real app (uvicorn, SQLite with the
bundled catalogue): the three advices, Dutch 422s, the same status as /evaluatie, the
OpenAPI examples, and nothing of the profile in the server log."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

DATUM = "2025-06-01"
DUIDELIJK = {
    "gemeente": "Gent",
    "leeftijd": 35,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "samenwonend_met_anderen": False,
    "woonsituatie": "huurder_privaat",
    "verblijfsstatus": "belg",
    "werkelijk_verblijf": True,
    "werksituatie": "werknemer",
    "netto_maandinkomen_gezin": 500,
    "soort_inkomen": "loon",
    "ontvangt_leefloon": False,
    "ontvangt_igo": False,
    "werkbereid": "ja",
    "onroerend_goed_naast_woning": False,
}


def advies(api: httpx.Client, profiel: dict, datum: str | None = DATUM) -> httpx.Response:
    inhoud: dict = {"profiel": profiel}
    if datum is not None:
        inhoud["datum"] = datum
    return api.post("/api/v1/advies/leefloon", json=inhoud)


def status_leefloon(api: httpx.Client, profiel: dict) -> str:
    antwoord = api.post(
        "/api/v1/evaluatie", json={"profiel": profiel, "datum": DATUM, "rechten": ["leefloon"]}
    )
    assert antwoord.status_code == 200
    return antwoord.json()["rechten"][0]["status"]


def test_toekenning_met_categorie_en_bedragen(api: httpx.Client) -> None:
    antwoord = advies(api, DUIDELIJK)
    assert antwoord.status_code == 200
    uit = antwoord.json()
    assert uit["advies"] == "toekenning"
    assert uit["categorie"] == "alleenstaand"
    assert uit["bedrag_maand"] == pytest.approx(1314.20)
    # loon 500 x 1,1 = 550, min de socio-professionele vrijstelling van 309,48
    assert uit["bedrag_na_middelen"] == pytest.approx(1073.68)
    assert uit["te_onderzoeken"] == []
    tekst = " ".join(uit["uitleg"])
    assert "309,48" in tekst and "https://bdas-wwsb.brussels/?p=3363" in tekst
    assert status_leefloon(api, DUIDELIJK) == "waarschijnlijk"


def test_verder_sociaal_onderzoek_met_punten(api: httpx.Client) -> None:
    profiel = {**DUIDELIJK, "werksituatie": "student", "leeftijd": 21}
    uit = advies(api, profiel).json()
    assert uit["advies"] == "verder_sociaal_onderzoek"
    assert uit["bedrag_na_middelen"] is None
    punten = {p["punt"]: p["waarom"] for p in uit["te_onderzoeken"]}
    assert "Studie" in punten and "ouders" in punten["Studie"]


def test_zonder_gegevens_van_de_begeleider_geen_toekenning(api: httpx.Client) -> None:
    """What the citizen's chat can fill never gives a toekenning: it never asks about
    willingness to work or property."""
    profiel = {
        k: v for k, v in DUIDELIJK.items() if k not in ("werkbereid", "onroerend_goed_naast_woning")
    }
    uit = advies(api, profiel).json()
    assert uit["advies"] == "verder_sociaal_onderzoek"
    assert {"Bereid om te werken", "Eigendom naast uw woning"} <= {
        p["punt"] for p in uit["te_onderzoeken"]
    }


def test_geen_recht_zegt_dat_aanvragen_en_beroep_kan(api: httpx.Client) -> None:
    profiel = {**DUIDELIJK, "netto_maandinkomen_gezin": 2600}
    uit = advies(api, profiel).json()
    assert uit["advies"] == "geen_recht"
    assert uit["categorie"] is None and uit["bedrag_maand"] is None
    tekst = " ".join(uit["uitleg"])
    assert "aanvraag" in tekst and "beslissing op papier" in tekst and "beroep" in tekst
    assert status_leefloon(api, profiel) == "niet"


def test_zonder_datum_geldt_vandaag(api: httpx.Client) -> None:
    uit = advies(api, DUIDELIJK, datum=None).json()
    assert uit["advies"] in ("toekenning", "verder_sociaal_onderzoek")
    assert uit["bedrag_maand"] is not None and uit["bedrag_maand"] >= 1314.20


@pytest.mark.parametrize(
    ("inhoud", "veld"),
    [
        ({"profiel": {"werkbereid": "misschien"}}, "profiel.werkbereid"),
        ({"profiel": {"werkelijk_verblijf": "ja"}}, "profiel.werkelijk_verblijf"),
        ({"profiel": {"leeftijd": -3}}, "profiel.leeftijd"),
        ({"profiel": {"hobby": "vissen"}}, "profiel.hobby"),
        ({"profiel": {}, "datum": "morgen"}, "datum"),
        ({"profiel": {}, "extra": 1}, "extra"),
    ],
)
def test_ongeldig_profiel_geeft_422_in_het_nederlands(
    api: httpx.Client, inhoud: dict, veld: str
) -> None:
    antwoord = api.post("/api/v1/advies/leefloon", json=inhoud)
    assert antwoord.status_code == 422
    fouten = antwoord.json()["fouten"]
    bericht = next(f["bericht"] for f in fouten if f["veld"] == veld)
    assert not any(w in bericht.lower() for w in ("field", "input", "valid", "error"))


def test_openapi_heeft_voorbeelden(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    post = schema["paths"]["/api/v1/advies/leefloon"]["post"]
    assert set(post["responses"]) >= {"200", "422"}
    componenten = schema["components"]["schemas"]
    assert componenten["AdviesVraag"]["examples"][0]["profiel"]["werkbereid"] == "ja"
    assert {v["advies"] for v in componenten["AdviesAntwoord"]["examples"]} >= {
        "toekenning",
        "verder_sociaal_onderzoek",
    }
    attributen = {a["sleutel"]: a for a in api.get("/api/v1/attributen").json()}
    assert attributen["werkbereid"]["gevraagd_door"] == ["begeleider"]
    assert attributen["leeftijd"]["gevraagd_door"] == ["chat", "begeleider"]


def test_profiel_komt_niet_in_het_serverlog(api: httpx.Client, serverlog: Path) -> None:
    assert advies(api, {**DUIDELIJK, "netto_maandinkomen_gezin": 456.78}).status_code == 200
    assert advies(api, {"leeftijd": 999}).status_code == 422
    log = serverlog.read_text(errors="replace")
    assert "456.78" not in log and "999" not in log
