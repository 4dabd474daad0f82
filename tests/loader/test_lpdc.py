"""Local products (LPDC): instances without a product number, minimal instances, expanded
JSON-LD instance snapshots on LDES pages that link to each other, and their contact points.

The expanded pages in ``lpdc/`` are made for these tests from the SHACL shape of the
``InstancePublicServiceSnapshot`` (../shared/ipdc/shacl/instantie-shape.ttl) and the compact
LPDC files: the form real LDES instance pages have. The other variants are made here from
the real files in ../shared/ipdc.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.models import Product
from bot.settings import Settings
from catalogus_loader import laad
from catalogus_loader.bronnen import lees_bronnen

HIER = Path(__file__).parent
PAGINAS = HIER / "lpdc"
SPORTCHEQUE = "lpdc-6d1e2f3a-4b5c-4d6e-8f70-a1b2c3d4e5f6"
COMPOSTVAT = "lpdc-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
INSTANTIE = "aae82967-fd21-4a05-a870-7d2b43f4d443"
"""The real compact LPDC instance the variants start from."""


def _product(engine: Engine, sleutel: str) -> Product:
    with Session(engine, expire_on_commit=False) as sessie:
        return repository.product(sessie, sleutel)


def _sleutels(engine: Engine) -> set[str]:
    with Session(engine) as sessie:
        return set(sessie.scalars(select(Product.productnummer)))


def _lokale_instantie(ipdc: Path) -> dict[str, Any]:
    """The real LPDC instance as a municipality's own product: no product number, offered
    now, for citizens, in Leuven, with a contact point."""
    data = json.loads((ipdc / "lpdc-instances" / f"{INSTANTIE}.jsonld").read_text("utf-8"))
    for veld in ("productnummer", "eindeDienstVerlening", "linkedConceptProductnummer"):
        data.pop(veld)
    data["naam"] = {"nl": "Buurtpremie voor een straatfeest"}
    data["doelgroepen"] = ["Burger"]
    data["bevoegdBestuursniveaus"] = ["Lokaal"]
    data["uitvoerendBestuursniveaus"] = ["Lokaal"]
    data["geografischToepassingsgebieden"] = ["BE24224062"]  # Leuven
    data["contactgegevens"] = [
        {
            "telefoonnummer": "016 11 22 33",
            "email": "feest@lpdc.example",
            "openingsuren": "ma-vr 9-12 uur",
            "url": "https://lpdc.example/leuven/buurtfeest",
            "adres": {
                "straatnaam": {"nl": "Feestplein"},
                "huisnummer": "1",
                "postcode": "3000",
                "gemeentenaam": {"nl": "Leuven"},
                "land": {"nl": "België"},
            },
            "order": 1,
        }
    ]
    return data


# -- compact JSON-LD instances -----------------------------------------------------------


def test_instantie_zonder_productnummer(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """The key is derived from the instance's URI (lpdc-<uuid>): reloading changes
    nothing, and a rule file can point at it."""
    bestand = tmp_path / "instantie.jsonld"
    bestand.write_text(json.dumps(_lokale_instantie(ipdc)), "utf-8")
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1 and resultaat.overgeslagen == []
    p = _product(engine, f"lpdc-{INSTANTIE}")
    assert p.naam == "Buurtpremie voor een straatfeest"
    assert p.ipdc_uri == f"http://data.lblod.info/id/public-service/{INSTANTIE}"
    assert p.geografisch_nis == ["24062"]
    assert p.contactgegevens[0]["telefoonnummer"] == "016 11 22 33"
    assert p.contactgegevens[0]["adres"]["straat"] == "Feestplein"
    assert laad(engine, [bestand], instellingen=instellingen).veranderd == 0

    regel = tmp_path / "buurtpremie.yaml"
    regel.write_text(
        f"id: buurtpremie-leuven\nproduct: lpdc-{INSTANTIE}\nnaam: Buurtpremie (Leuven)\n"
        "niveau: lokaal\ngemeenten: ['24062']\nbron_url: https://lpdc.example/leuven\n"
        "voorwaarden:\n  - {id: meerderjarig, tekst: U bent 18 jaar of ouder.,"
        " regel: {'>=': [{var: leeftijd}, 18]}}\n",
        "utf-8",
    )
    resultaat = laad(engine, [regel], instellingen=instellingen)
    assert not any("staat (nog) niet in de catalogus" in m for m in resultaat.meldingen)
    with Session(engine) as sessie:
        dekking = repository.dekking(sessie)
    assert [(p.productnummer, [r.recht_id for r in rr]) for p, rr in dekking.met_regels] == [
        (f"lpdc-{INSTANTIE}", ["buurtpremie-leuven"])
    ]


def test_minimale_instantie(engine: Engine, instellingen: Settings, tmp_path: Path) -> None:
    """Only a title and a description: it loads, local, for everyone (with a note)."""
    bestand = tmp_path / "minimaal.jsonld"
    bestand.write_text(
        json.dumps(
            {
                "@context": ["http://ipdc-stub/ipdc-lpdc-im.jsonld"],
                "@id": "http://data.lblod.info/id/public-service/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                "@type": "Instantie",
                "naam": {"nl": "Gratis zwembadbeurt"},
                "beschrijving": {"nl": "<p>Eén gratis beurt per jaar.</p>"},
            }
        ),
        "utf-8",
    )
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1
    assert any("lokaal product zonder gebied" in m for m in resultaat.meldingen)
    p = _product(engine, "lpdc-0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e")
    assert p.beschrijving_tekst == "Eén gratis beurt per jaar."
    assert p.geografisch_nis == []
    assert repository.niveau_van_product(p) == "lokaal"
    with Session(engine) as sessie:  # counted in the coverage report, without rules
        zonder = {z.productnummer for z in repository.dekking(sessie).zonder_regels}
    assert "lpdc-0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" in zonder


def test_kapot_product_tussen_goede(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """A list with a broken product among good ones: the good ones load, the broken one is
    named with its file and reason."""
    goed = _lokale_instantie(ipdc)
    zonder_naam = {**goed, "@id": "http://data.lblod.info/id/public-service/x-1", "naam": {}}
    datum = {**goed, "@id": "http://data.lblod.info/id/public-service/x-2", "creatie": "ooit"}
    datum["naam"] = {"nl": "Verkeerde datum"}
    bestand = tmp_path / "lijst.json"
    bestand.write_text(json.dumps([zonder_naam, goed, datum, 7]), "utf-8")
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1
    assert _sleutels(engine) == {f"lpdc-{INSTANTIE}"}
    redenen = {(o.product, o.veld): o.reden for o in resultaat.overgeslagen}
    assert redenen == {
        ("http://data.lblod.info/id/public-service/x-1", "naam"): (
            "De naam van het product ontbreekt."
        ),
        ("Verkeerde datum", "creatie"): "'ooit' is geen geldige datum en tijd.",
        ("nummer 4 in de lijst", None): "Dit is geen JSON-object.",
    }
    assert all(o.bestand.endswith("lijst.json") for o in resultaat.overgeslagen)
    assert resultaat.producten.overgeslagen == 3


# -- Turtle --------------------------------------------------------------------------------


def test_instantie_testgevallen_in_turtle(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """The LPDC instance test cases have no product number: keys from their URIs. The full
    instance has placeholder codes (ex:a-type…): skipped for its type. With a real type it
    loads, its other placeholder codes left out with a note."""
    echt = ipdc / "lpdc-instances" / "instance-test-cases-data.ttl"
    resultaat = laad(engine, [echt], instellingen=instellingen)
    assert resultaat.producten.nieuw == 2
    (overgeslagen,) = resultaat.overgeslagen
    assert overgeslagen.reden == "Onbekend type 'a-type' (niet in de codelijst Type)."

    bestand = tmp_path / "instance-test-cases-data.ttl"
    bestand.write_text(
        echt.read_text("utf-8").replace(
            "dc:type ex:a-type",
            "dc:type <https://productencatalogus.data.vlaanderen.be/id/concept/Type/Bewijs>",
        ),
        "utf-8",
    )
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1 and resultaat.overgeslagen == []
    assert any("'a-thematic-area'" in m and "weggelaten" in m for m in resultaat.meldingen)
    with Session(engine) as sessie:
        producten = {p.ipdc_uri: p for p in sessie.scalars(select(Product))}
    minimaal = producten["http://example.com/ns#a-minimal-valid-instance"]
    assert minimaal.productnummer.startswith("lpdc-")
    assert minimaal.soort == "InstantieSnapshot"
    assert (minimaal.naam, minimaal.beschrijving_tekst) == ("title-nl", "description-nl")
    assert minimaal.geografisch_nis == ["41002"]  # BE23141002: Aalst
    volledig = producten["http://example.com/ns#a-full-valid-instance"]
    assert volledig.type == "Bewijs" and volledig.themas == []
    assert volledig.contactgegevens == [
        {
            "url": None,  # "a-contact-point@domein.org" is no web address
            "email": "a-contactpoint@email.org",
            "telefoonnummer": "6873546876767",
            "openingsuren": "9-12 each day",
            "adres": {
                "straat": "boter straat",
                "huisnummer": "1",
                "busnummer": "b",
                "postcode": "11000",
                "gemeente": "Harelbeke",
                "land": "België",
            },
        }
    ]
    assert volledig.concept_uri == "http://example.com/ns#a-minimal-valid-concept"
    assert producten["http://example.com/ns#a-minimal-valid-concept"].productnummer.startswith(
        "concept-"
    )
    assert laad(engine, [bestand], instellingen=instellingen).veranderd == 0


def test_instantie_in_turtle_met_uuid(
    engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    bestand = tmp_path / "instantie.ttl"
    bestand.write_text(
        "@prefix lpdcExt: <https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix mu: <http://mu.semte.ch/vocabularies/core/> .\n"
        "<http://data.lblod.info/id/public-service/abc> a lpdcExt:InstancePublicService ;\n"
        '  mu:uuid "1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9" ;\n'
        '  dct:title "Titel"@nl-BE-x-formal ; dct:description "Tekst"@nl .\n',
        "utf-8",
    )
    laad(engine, [bestand], instellingen=instellingen)
    assert _sleutels(engine) == {"lpdc-1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"}


# -- expanded JSON-LD LDES pages -----------------------------------------------------------


@pytest.mark.parametrize(
    "start", ["instantiesnapshots-pagina-0.jsonld", "instantiesnapshots-pagina-1.jsonld"]
)
def test_uitgebreide_ldes_paginas(start: str, engine: Engine, instellingen: Settings) -> None:
    """Either page follows its tree:relation to the other. The two snapshots of one instance
    give one product (the newest); the product with only an English name is skipped."""
    resultaat = laad(engine, [PAGINAS / start], instellingen=instellingen)
    assert len(resultaat.bronnen) == 2
    assert _sleutels(engine) == {SPORTCHEQUE, COMPOSTVAT}
    (overgeslagen,) = resultaat.overgeslagen
    assert overgeslagen.bestand.endswith("instantiesnapshots-pagina-1.jsonld")
    assert overgeslagen.product == "Parking permit for residents"
    assert overgeslagen.reden == "Het product heeft geen Nederlandse naam."
    assert any("'Gratis compostvat" in m and "zonder gebied" in m for m in resultaat.meldingen)
    p = _product(engine, SPORTCHEQUE)
    assert p.naam == "Sportcheque voor kinderen en jongeren"
    assert p.soort == "InstantieSnapshot"
    assert p.concept_uri == (
        "https://ipdc.vlaanderen.be/id/concept/2c1f0e9d-8b7a-4c6d-9e5f-0a1b2c3d4e5f"
    )
    assert p.geografisch_nis == ["24062"]
    assert p.bevoegde_bestuursniveaus == ["Lokaal"]
    assert p.contactgegevens[0]["email"] == "sport@lpdc.example"
    assert p.contactgegevens[0]["adres"]["gemeente"] == "Leuven"
    assert laad(engine, [PAGINAS / start], instellingen=instellingen).veranderd == 0


def test_oude_snapshot_dan_nieuwe(engine: Engine, instellingen: Settings, tmp_path: Path) -> None:
    """A newer snapshot of the same instance, in a later load, updates the same product."""
    for naam in ("instantiesnapshots-pagina-0.jsonld", "instantiesnapshots-pagina-1.jsonld"):
        map_ = tmp_path / naam.removesuffix(".jsonld")
        map_.mkdir()
        shutil.copy(PAGINAS / naam, map_ / naam)
    eerste = laad(engine, [tmp_path / "instantiesnapshots-pagina-0"], instellingen=instellingen)
    assert any("volgende LDES-pagina" in m for m in eerste.meldingen)
    assert _product(engine, SPORTCHEQUE).naam == "Sportcheque voor kinderen"
    tweede = laad(engine, [tmp_path / "instantiesnapshots-pagina-1"], instellingen=instellingen)
    assert tweede.producten.gewijzigd == 1 and tweede.producten.nieuw == 0
    assert _product(engine, SPORTCHEQUE).naam == "Sportcheque voor kinderen en jongeren"


def test_compacte_ldes_pagina_met_instanties(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """The real compact LDES pages, turned into instance snapshots without a product number
    (as an LPDC feed has them): both pages load, keyed by the instance they are a version of."""
    map_ = tmp_path / "ldes"
    map_.mkdir()
    for pagina in ("conceptsnapshot-page-0.json", "conceptsnapshot-page-1.json"):
        data = json.loads((ipdc / "ldes" / pagina).read_text("utf-8"))
        for lid in data["member"]:
            lid["@type"] = ["InstantieSnapshot"]
            lid.pop("productnummer")
            uuid = lid["@id"].rsplit("/", 1)[-1]
            lid["isVersionOf"] = f"http://data.lblod.info/id/public-service/{uuid}"
            lid["geografischToepassingsgebieden"] = ["BE24224062"]
        (map_ / pagina).write_text(json.dumps(data), "utf-8")
    resultaat = laad(engine, [map_ / "conceptsnapshot-page-0.json"], instellingen=instellingen)
    assert len(resultaat.bronnen) == 2 and resultaat.overgeslagen == []
    sleutels = _sleutels(engine)
    assert len(sleutels) == 2 and all(s.startswith("lpdc-") for s in sleutels)
    p = _product(engine, "lpdc-f23a4afa-5d92-4331-8f1d-a2b17382b6e9")
    assert p.soort == "InstantieSnapshot"
    assert p.naam == "Financiële tussenkomst voor een verblijf in een woonzorgcentrum"
    assert p.geografisch_nis == ["24062"]
    assert laad(engine, [map_], instellingen=instellingen).veranderd == 0


def test_uitgebreide_jsonld_is_herkend() -> None:
    bundel = lees_bronnen([PAGINAS / "instantiesnapshots-pagina-0.jsonld"])
    assert bundel.problemen == []
    assert {p.productnummer for p in bundel.producten} == {SPORTCHEQUE, COMPOSTVAT}


# -- PostgreSQL ----------------------------------------------------------------------------


@pytest.mark.postgres
def test_lpdc_op_postgres(
    ipdc: Path, pg_engine: Engine, mini_catalogus: Path, instellingen: Settings, tmp_path: Path
) -> None:
    bestand = tmp_path / "instantie.jsonld"
    bestand.write_text(json.dumps(_lokale_instantie(ipdc)), "utf-8")
    bronnen = [mini_catalogus, PAGINAS / "instantiesnapshots-pagina-0.jsonld", bestand]
    resultaat = laad(pg_engine, bronnen, instellingen=instellingen)
    assert len(resultaat.overgeslagen) == 1
    assert laad(pg_engine, bronnen, instellingen=instellingen).veranderd == 0
    with Session(pg_engine) as sessie:
        recht = repository.recht(sessie, f"lpdc-{INSTANTIE}")
        assert recht.gemeenten == ("24062",) and not recht.heeft_regels
        leuven = {r.recht_id for r in repository.zoek_rechten(sessie, gemeente="24062")}
        gent = {r.recht_id for r in repository.zoek_rechten(sessie, gemeente="44021")}
    assert {f"lpdc-{INSTANTIE}", SPORTCHEQUE} <= leuven
    assert f"lpdc-{INSTANTIE}" not in gent and SPORTCHEQUE not in gent
