"""The web API end to end, over HTTP, against a real server and a real SQLite database."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.vocabulary import laad_vocabulaire

VEREISTE_ATTRIBUTEN = {
    "gemeente": "gemeente",
    "leeftijd": "int",
    "samenwonend_met_partner": "bool",
    "aantal_kinderen": "int",
    "leeftijd_jongste_kind": "int",
    "woonsituatie": "enum",
    "netto_maandinkomen_gezin": "euro",
    "werksituatie": "enum",
    "verblijfsstatus": "enum",
    "verhoogde_tegemoetkoming": "bool",
    "erkende_handicap": "bool",
    "mantelzorger": "bool",
    "ontvangt_leefloon": "bool",
    "jaren_op_wachtlijst_sociale_woning": "int",
}

ALLEENSTAANDE_GENT_LAAG_INKOMEN = {
    "gemeente": "Sint-Amandsberg",
    "leeftijd": 34,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "woonsituatie": "huurder_privaat",
    "netto_maandinkomen_gezin": 700,
    "werksituatie": "zonder_inkomen",
    "verblijfsstatus": "belg",
    "verhoogde_tegemoetkoming": False,
    "ontvangt_leefloon": False,
}


def evalueer(api: httpx.Client, profiel: dict, **extra: object) -> httpx.Response:
    return api.post("/api/v1/evaluatie", json={"profiel": profiel, **extra})


def test_attributen_geven_de_hele_woordenlijst(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/attributen")
    assert antwoord.status_code == 200
    per_sleutel = {a["sleutel"]: a for a in antwoord.json()}
    woordenlijst = laad_vocabulaire().attributen
    for sleutel, soort in VEREISTE_ATTRIBUTEN.items():
        assert per_sleutel[sleutel]["type"] == soort
        # the question of the vocabulary, and a question (a hint may follow the "?")
        assert per_sleutel[sleutel]["vraag"] == woordenlijst[sleutel].vraag
        assert "?" in per_sleutel[sleutel]["vraag"]
        assert per_sleutel[sleutel]["waarom"]
    woon = [o["waarde"] for o in per_sleutel["woonsituatie"]["opties"]]
    assert woon == [
        "huurder_privaat",
        "huurder_sociaal",
        "huurder_svk",
        "eigenaar",
        "inwonend",
        "dakloos",
    ]
    werk = {o["waarde"] for o in per_sleutel["werksituatie"]["opties"]}
    assert werk == {
        "werknemer",
        "zelfstandige",
        "werkzoekend",
        "student",
        "gepensioneerd",
        "arbeidsongeschikt",
        "zonder_inkomen",
    }
    verblijf = {o["waarde"] for o in per_sleutel["verblijfsstatus"]["opties"]}
    assert verblijf == {
        "belg",
        "eu_burger",
        "erkend_vluchteling",
        "ander_verblijfsrecht",
        "geen_verblijfsrecht",
    }
    assert {o["waarde"] for o in per_sleutel["mantelzorger"]["opties"]} == {True, False}
    assert per_sleutel["netto_maandinkomen_gezin"]["gevoelig"] is True


@pytest.mark.parametrize(
    ("zoekterm", "nis", "naam"),
    [
        ("Gent", "44021", "Gent"),
        ("sint-amandsberg", "44021", "Gent"),
        ("antwerpn", "11002", "Antwerpen"),
        ("Borsbeek", "11002", "Antwerpen"),
        ("44021", "44021", "Gent"),
        ("leuven", "24062", "Leuven"),
    ],
)
def test_gemeente_opzoeken(api: httpx.Client, zoekterm: str, nis: str, naam: str) -> None:
    antwoord = api.get("/api/v1/gemeenten", params={"q": zoekterm})
    assert antwoord.status_code == 200
    eerste = antwoord.json()[0]
    assert (eerste["nis"], eerste["naam"]) == (nis, naam)


def test_gemeenten_zonder_zoekterm_geeft_alle_gemeenten(api: httpx.Client) -> None:
    gemeenten = api.get("/api/v1/gemeenten").json()
    assert len(gemeenten) == 304
    assert len({g["nis"] for g in gemeenten}) == 304


def test_rechten_lijst_heeft_de_vereiste_velden(api: httpx.Client) -> None:
    rechten = api.get("/api/v1/rechten").json()
    assert len(rechten) >= 25
    for recht in rechten:
        assert {"id", "naam", "niveau", "gemeenten", "bron_url"} <= set(recht)
    per_id = {r["id"]: r for r in rechten}
    assert per_id["leefloon"]["gemeenten"] is None
    assert per_id["afval-tegemoetkoming-gent"]["gemeenten"] == ["44021"]
    assert {r["niveau"] for r in rechten} >= {"federaal", "vlaams", "lokaal"}


def test_rechten_filteren_op_niveau_en_gemeente(api: httpx.Client) -> None:
    lokaal = api.get("/api/v1/rechten", params={"niveau": "lokaal"}).json()
    assert lokaal and all(r["niveau"] == "lokaal" for r in lokaal)
    in_gent = {r["id"] for r in api.get("/api/v1/rechten", params={"gemeente": "Gent"}).json()}
    assert "afval-tegemoetkoming-gent" in in_gent
    assert "leefloon" in in_gent
    assert "mantelzorgpremie-brugge" not in in_gent


def test_rechten_zoeken_op_synoniem(api: httpx.Client) -> None:
    ids = {r["id"] for r in api.get("/api/v1/rechten", params={"q": "huurpremie"}).json()}
    assert "vlaamse-huurpremie" in ids
    ids = {r["id"] for r in api.get("/api/v1/rechten", params={"q": "LEEFLOON"}).json()}
    assert "leefloon" in ids


def test_een_recht_in_detail(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/rechten/leefloon")
    assert antwoord.status_code == 200
    recht = antwoord.json()
    assert recht["id"] == "leefloon"
    assert recht["bron_url"].startswith("http")
    assert recht["voorwaarden"], "de machineleesbare voorwaarden horen in het detail"
    assert "<script" not in (recht.get("beschrijving") or "")


def test_onbekend_recht_geeft_een_nederlandse_404(api: httpx.Client) -> None:
    antwoord = api.get("/api/v1/rechten/bestaat-niet")
    assert antwoord.status_code == 404
    assert "bestaat-niet" in antwoord.json()["detail"]


def test_leeg_profiel_vraagt_iets_en_alles_is_nog_open(api: httpx.Client) -> None:
    antwoord = evalueer(api, {}, datum="2025-06-01")
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["volgende_vraag"]["attribuut"] in VEREISTE_ATTRIBUTEN
    assert data["volgende_vraag"]["vraag"]
    assert not any(r["status"] == "waarschijnlijk" for r in data["rechten"])
    assert "leefloon" in data["open_rechten"]


def test_een_groepsvraag_noemt_haar_leden_en_knoppen(api: httpx.Client) -> None:
    profiel = {"gemeente": "44021", "leeftijd": 40, "netto_maandinkomen_gezin": 1200}
    vraag = evalueer(api, profiel, datum="2025-06-01").json()["volgende_vraag"]
    groep = vraag["groep"]
    assert groep is not None, vraag
    assert groep["leden"][0] == vraag["attribuut"]
    assert len(groep["leden"]) >= 2
    assert set(groep["leden"]) <= set(laad_vocabulaire().attributen)
    if groep["soort"] == "aankruisen":
        assert set(groep["labels"]) == set(groep["leden"]) and groep["geen"]
    # what the group asks is answered at once; then that group is not asked again
    profiel.update(dict.fromkeys(groep["leden"], None))
    volgende = evalueer(api, profiel, datum="2025-06-01").json()["volgende_vraag"]
    assert volgende is not None  # this profile still has open questions
    assert volgende["attribuut"] not in groep["leden"]
    assert (volgende["groep"] or {}).get("sleutel") != groep["sleutel"]


def test_laag_inkomen_in_gent_geeft_leefloon_met_uitleg(api: httpx.Client) -> None:
    data = evalueer(api, ALLEENSTAANDE_GENT_LAAG_INKOMEN, datum="2025-06-01").json()
    per_id = {r["id"]: r for r in data["rechten"]}
    leefloon = per_id["leefloon"]
    assert leefloon["status"] == "waarschijnlijk"
    assert all(regel["status"] == "voldaan" for regel in leefloon["uitleg"])
    assert leefloon["bedrag"] > 0
    assert "€" in leefloon["bedrag_tekst"]
    assert leefloon["aanvragen"]
    # a carer in Gent may care for someone in Brugge: not "niet" for living in Gent alone,
    # but "niet" (with the reason) when the person cared for lives with them in Gent
    assert per_id["mantelzorgpremie-brugge"]["status"] == "mogelijk"
    zorgt_thuis = {**ALLEENSTAANDE_GENT_LAAG_INKOMEN, "mantelzorger": True}
    zorgt_thuis["zorgbehoevende_zelfde_adres"] = True
    brugge = evalueer(api, zorgt_thuis, datum="2025-06-01").json()
    premie = next(r for r in brugge["rechten"] if r["id"] == "mantelzorgpremie-brugge")
    assert premie["status"] == "niet"
    niet_voldaan = [u for u in premie["uitleg"] if u["status"] == "niet_voldaan"]
    assert any("Brugge" in u["tekst"] for u in niet_voldaan)


def test_resultaten_zijn_gesorteerd(api: httpx.Client) -> None:
    data = evalueer(api, ALLEENSTAANDE_GENT_LAAG_INKOMEN, datum="2025-06-01").json()
    volgorde = {"waarschijnlijk": 0, "mogelijk": 1, "niet_gecontroleerd": 2, "niet": 3}
    statussen = [volgorde[r["status"]] for r in data["rechten"]]
    assert statussen == sorted(statussen)


def test_beantwoorde_en_onbekende_vragen_komen_niet_terug(api: httpx.Client) -> None:
    profiel: dict = {}
    gevraagd: list[str] = []
    for _ in range(len(laad_vocabulaire().attributen) + 1):
        data = evalueer(api, profiel, datum="2025-06-01").json()
        vraag = data["volgende_vraag"]
        if vraag is None:
            break
        attribuut = vraag["attribuut"]
        assert attribuut not in gevraagd
        gevraagd.append(attribuut)
        profiel[attribuut] = None  # "weet ik niet"
    else:
        pytest.fail("de vragen blijven komen")
    assert len(gevraagd) == len(set(gevraagd))


def test_een_vraag_over_een_recht_vraagt_alleen_wat_dat_recht_nodig_heeft(
    api: httpx.Client,
) -> None:
    data = evalueer(api, {}, rechten=["mantelzorgpremie-brugge"], datum="2025-06-01").json()
    assert [r["id"] for r in data["rechten"]] == ["mantelzorgpremie-brugge"]
    assert data["volgende_vraag"]["attribuut"] in {"gemeente", "mantelzorger"}


def test_peildatum_kiest_het_bedrag_van_die_datum(api: httpx.Client) -> None:
    profiel = {**ALLEENSTAANDE_GENT_LAAG_INKOMEN, "netto_maandinkomen_gezin": 0}
    oud = evalueer(api, profiel, datum="2023-06-01").json()
    nieuw = evalueer(api, profiel, datum="2025-06-01").json()

    def bedrag(data: dict) -> float:
        return next(r["bedrag"] for r in data["rechten"] if r["id"] == "leefloon")

    assert bedrag(oud) < bedrag(nieuw)


@pytest.mark.parametrize(
    ("inhoud", "veld"),
    [
        ({"profiel": {"schoenmaat": 42}}, "profiel.schoenmaat"),
        ({"profiel": {"leeftijd": "veertig"}}, "profiel.leeftijd"),
        ({"profiel": {"leeftijd": True}}, "profiel.leeftijd"),
        ({"profiel": {"leeftijd": 250}}, "profiel.leeftijd"),
        ({"profiel": {"aantal_kinderen": -1}}, "profiel.aantal_kinderen"),
        ({"profiel": {"netto_maandinkomen_gezin": -5}}, "profiel.netto_maandinkomen_gezin"),
        ({"profiel": {"woonsituatie": "kasteel"}}, "profiel.woonsituatie"),
        ({"profiel": {"gemeente": "Parijs"}}, "profiel.gemeente"),
        ({"profiel": {"mantelzorger": "misschien"}}, "profiel.mantelzorger"),
        ({"profiel": {}, "datum": "gisteren"}, "datum"),
        ({"profiel": []}, "profiel"),
        ({"profiel": {}, "rechten": ["bestaat-niet"]}, "rechten"),
    ],
)
def test_slechte_invoer_geeft_422_met_nederlandse_melding(
    api: httpx.Client, inhoud: dict, veld: str
) -> None:
    antwoord = api.post("/api/v1/evaluatie", json=inhoud)
    assert antwoord.status_code == 422
    fouten = antwoord.json()["fouten"]
    assert veld in [f["veld"] for f in fouten]
    bericht = next(f["bericht"] for f in fouten if f["veld"] == veld)
    assert not any(woord in bericht.lower() for woord in ("field", "input", "valid", "error"))


def test_kapotte_json_geeft_422_en_geen_500(api: httpx.Client) -> None:
    antwoord = api.post(
        "/api/v1/evaluatie", content=b"{profiel: ", headers={"content-type": "application/json"}
    )
    assert antwoord.status_code == 422
    assert antwoord.json()["detail"]


def test_profiel_komt_niet_in_het_serverlog(api: httpx.Client, serverlog: Path) -> None:
    opvallend = {**ALLEENSTAANDE_GENT_LAAG_INKOMEN, "netto_maandinkomen_gezin": 1234.57}
    assert evalueer(api, opvallend).status_code == 200
    assert evalueer(api, {"leeftijd": 777}).status_code == 422
    log = serverlog.read_text(errors="replace")
    assert "1234.57" not in log and "1234,57" not in log
    assert "777" not in log
    assert "Sint-Amandsberg" not in log


def test_openapi_beschrijft_de_endpoints(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    for pad in (
        "/api/v1/attributen",
        "/api/v1/gemeenten",
        "/api/v1/rechten",
        "/api/v1/rechten/{recht_id}",
        "/api/v1/evaluatie",
    ):
        assert pad in schema["paths"]


def test_woordenlijst_van_api_en_bestand_is_dezelfde(api: httpx.Client) -> None:
    uit_bestand = list(laad_vocabulaire().attributen)
    assert [a["sleutel"] for a in api.get("/api/v1/attributen").json()] == uit_bestand


def test_attributen_noemen_hun_rubriek_van_het_begeleide_formulier(api: httpx.Client) -> None:
    woordenlijst = laad_vocabulaire()
    per_sleutel = {a["sleutel"]: a for a in api.get("/api/v1/attributen").json()}
    assert per_sleutel["woonsituatie"]["rubriek"] == {
        "sleutel": "wonen",
        "titel": "Wonen",
        "volgorde": 1,
    }
    for sleutel, attribuut in woordenlijst.attributen.items():
        rubriek = woordenlijst.rubrieken[attribuut.rubriek or ""]
        assert per_sleutel[sleutel]["rubriek"]["titel"] == rubriek.titel
    # derived attributes are computed, never asked: not in the list
    assert not set(woordenlijst.afgeleid) & set(per_sleutel)


def test_begeleid_formulier_wordt_geserveerd(api: httpx.Client) -> None:
    pagina = api.get("/begeleid")
    assert pagina.status_code == 200
    assert pagina.headers["content-type"].startswith("text/html")
    assert "/begeleid/bestanden/begeleid.js" in pagina.text
    for bestand, soort in (("begeleid.js", "javascript"), ("begeleid.css", "text/css")):
        antwoord = api.get(f"/begeleid/bestanden/{bestand}")
        assert antwoord.status_code == 200
        assert soort in antwoord.headers["content-type"]
    assert "/begeleid" not in api.get("/openapi.json").json()["paths"]


def test_evaluatie_volgt_het_gedocumenteerde_schema(api: httpx.Client) -> None:
    """The hot path builds JSON directly; it must still match the OpenAPI model."""
    from bot.api.schemas import EvaluatieAntwoord

    for profiel in ({}, ALLEENSTAANDE_GENT_LAAG_INKOMEN):
        data = evalueer(api, profiel, datum="2025-06-01").json()
        antwoord = EvaluatieAntwoord.model_validate(data)
        assert antwoord.model_dump(mode="json") == data


@pytest.mark.parametrize(
    ("thema", "verwacht", "niet"),
    [
        ("WelzijnGezondheid", "leefloon", "vlaamse-huurpremie"),
        ("Welzijn en gezondheid", "leefloon", "vlaamse-huurpremie"),
        ("wonen", "vlaamse-huurpremie", "groeipakket-schooltoeslag"),
    ],
)
def test_rechten_filteren_op_thema(api: httpx.Client, thema: str, verwacht: str, niet: str) -> None:
    """Both the IPDC theme code (or its label) and the rule file's own word work."""
    ids = {r["id"] for r in api.get("/api/v1/rechten", params={"thema": thema}).json()}
    assert verwacht in ids
    assert niet not in ids
