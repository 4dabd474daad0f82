"""The loader on every real IPDC file in ../shared/ipdc, one by one and per folder.

Those files are not in the repository: without ../shared these tests skip, saying so. The
code lists are bundled (exact copies, see test_laden.py), so their tests always run.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.catalogue.models import Code, Product
from bot.settings import Settings
from catalogus_loader import LaadFout, laad, valideer
from catalogus_loader.bronnen import lees_bronnen

REPO = Path(__file__).resolve().parents[2]
SHARED_IPDC = REPO.parent / "shared" / "ipdc"
CODELIJSTEN = REPO / "catalogus" / "codelijsten"


def _bestanden(patroon: str) -> list[Any]:
    """One parameter per real file; without ../shared one skipped case that says why."""
    if not SHARED_IPDC.is_dir():
        reden = f"de echte IPDC-bestanden ontbreken: map {SHARED_IPDC} niet gevonden"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reden), id="zonder-shared")]
    bestanden = sorted(SHARED_IPDC.glob(patroon))
    assert bestanden, f"geen {patroon} in {SHARED_IPDC}"
    return bestanden


def _product(engine: Engine, nummer: str) -> Product:
    with Session(engine, expire_on_commit=False) as sessie:
        product = sessie.scalar(select(Product).where(Product.productnummer == nummer))
        assert product is not None
        return product


def test_alle_bestanden_worden_herkend(ipdc: Path) -> None:
    """Every file is read without crashing. Only the two API error bodies are problems (they
    are not product data); every product file is read whole, nothing skipped, including the
    LPDC instances without a product number (their key comes from their URI)."""
    bestanden = sorted(p for p in ipdc.rglob("*") if p.is_file())
    assert len(bestanden) >= 19
    for bestand in bestanden:
        bundel = lees_bronnen([bestand])
        if bestand.name.startswith("error-"):
            assert len(bundel.problemen) == 1, bestand
        else:
            assert bundel.problemen == [], (bestand, bundel.problemen)
            assert bundel.overgeslagen == [], (bestand, bundel.overgeslagen)
            assert not bundel.is_leeg() or bundel.meldingen, bestand


PRODUCTBESTANDEN = {
    "api-json/product-9.json": {"9"},
    "api-json/product-99.json": {"99"},
    "ldes/conceptsnapshot-page-0.json": {"1502", "10092"},
    "ldes/conceptsnapshot-page-1.json": {"1502", "10092"},
    "lpdc-instances/aae82967-fd21-4a05-a870-7d2b43f4d443.jsonld": {"44679"},
    "lpdc-instances/abf83bb4-82cf-46a3-9739-8f53ff5d306c.jsonld": {"44679"},
    "lpdc-instances/e8843fda-b3a8-4334-905c-8e49eb12203b.jsonld": {"44679"},
}
"""Every real file of a product kind and the products it loads (an LDES page follows its
``tree:relation`` to the other page)."""


@pytest.mark.parametrize("naam", sorted(PRODUCTBESTANDEN))
def test_elk_productbestand_laadt(
    ipdc: Path, naam: str, engine: Engine, instellingen: Settings
) -> None:
    laad(engine, [CODELIJSTEN], instellingen=instellingen)
    resultaat = laad(engine, [ipdc / naam], instellingen=instellingen)
    assert resultaat.overgeslagen == []
    with Session(engine) as sessie:
        assert set(sessie.scalars(select(Product.productnummer))) == PRODUCTBESTANDEN[naam]
    assert laad(engine, [ipdc / naam], instellingen=instellingen).veranderd == 0


def test_alle_productbestanden_samen(ipdc: Path, engine: Engine, instellingen: Settings) -> None:
    """All real product files in one load, with the code lists: 7 products; the full test
    instance in Turtle is skipped because its type is a placeholder (ex:a-type), with a
    warning naming the file, the product and the reason."""
    bronnen = [
        CODELIJSTEN,
        *(ipdc / "api-json").glob("product-*.json"),
        ipdc / "ldes",
        ipdc / "lpdc-instances",
        ipdc / "shacl",
    ]
    resultaat = laad(engine, bronnen, instellingen=instellingen)
    assert resultaat.producten.nieuw == 7
    (overgeslagen,) = resultaat.overgeslagen
    assert overgeslagen.bestand.endswith("instance-test-cases-data.ttl")
    assert overgeslagen.product.startswith("title-nl (lpdc-")
    assert "Onbekend type 'a-type'" in overgeslagen.reden
    assert any("44679 komt 3 keer voor" in m for m in resultaat.meldingen)
    assert laad(engine, bronnen, instellingen=instellingen).veranderd == 0


@pytest.mark.parametrize("bestand", _bestanden("api-json/product-*.json"), ids=lambda p: p.name)
def test_api_json_product(bestand: Path, engine: Engine, instellingen: Settings) -> None:
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1
    nummer = bestand.stem.removeprefix("product-")
    product = _product(engine, nummer)
    assert product.naam
    assert product.soort == "Instantie"
    assert product.ipdc_uri and product.ipdc_uri.startswith("https://ipdc.be/id/instantie/")
    assert product.laatst_gewijzigd is not None and product.laatst_gewijzigd.tzinfo is not None
    assert product.bron.endswith(bestand.name)


def test_product_99_velden(ipdc: Path, engine: Engine, instellingen: Settings) -> None:
    laad(engine, [ipdc / "api-json" / "product-99.json"], instellingen=instellingen)
    p = _product(engine, "99")
    assert p.naam.startswith("Stopgezet - Premie voor vloerisolatie")
    # "nl" is preferred over the generated informal text.
    assert "kon u van Fluvius" in p.beschrijving_tekst
    assert "<strong>" in p.beschrijving_html and "<a href=" in p.beschrijving_html
    assert p.type == "FinancieelVoordeel"
    assert p.themas == ["BouwenWonen"]
    assert p.doelgroepen == ["Burger", "Onderneming", "Vereniging", "Organisatie"]
    assert p.bevoegde_bestuursniveaus == ["Vlaams"]
    assert p.uitvoerende_bestuursniveaus == ["Derden"]
    assert p.bevoegde_overheden == ["OVO000090"]
    assert p.geografisch_nuts == ["BE2"]
    assert len(p.geografisch_nis) == 285  # the Flemish Region
    assert "21004" not in p.geografisch_nis and "44021" in p.geografisch_nis
    assert p.voorwaarden[0]["naam"] == "Voorwaarden"
    assert "vóór 1-1-2006" in p.voorwaarden[0]["tekst"]
    assert p.voorwaarden[0]["tekst"].count("\n- ") >= 5  # list items in plain text
    assert p.procedures[0]["html"].startswith("<ul>")
    assert "<table>" in p.financiele_voordelen[0]["html"]
    assert "data-table" not in p.financiele_voordelen[0]["html"]
    assert p.publicatie_link == {
        "naam": "Lees meer op vlaanderen.be",
        "beschrijving": None,
        "url": "https://www.vlaanderen.be/Product/123",
    }
    assert "vloerisolatie" in p.zoektermen and "plafond van kelder" in p.zoektermen
    assert p.regelgeving_tekst == "Energiebesluit van 19 november 2010"
    assert p.einde_dienstverlening == datetime(2022, 6, 30, 12, 0, tzinfo=UTC)
    assert not p.gearchiveerd
    assert not p.is_aangeboden()  # ended in 2022: kept, but not offered
    assert p.is_aangeboden(datetime(2021, 1, 1, tzinfo=UTC))


def test_product_9_lokaal_gebied(ipdc: Path, engine: Engine, instellingen: Settings) -> None:
    laad(engine, [ipdc / "api-json" / "product-9.json"], instellingen=instellingen)
    p = _product(engine, "9")
    assert p.geografisch_nuts == ["BE24224062"]
    assert p.geografisch_nis == ["24062"]  # Leuven
    assert p.cases == ["rechtenverkenner"]
    assert p.concept_id == "8" and p.concept_productnummer == "75270"
    assert p.beschrijving_tekst == "Je hebt iets geschreven"
    assert p.is_aangeboden()


@pytest.mark.parametrize("bestand", _bestanden("api-json/error-*.json"), ids=lambda p: p.name)
def test_foutmelding_van_de_api(bestand: Path, engine: Engine, instellingen: Settings) -> None:
    with pytest.raises(LaadFout) as fout:
        laad(engine, [bestand], instellingen=instellingen)
    tekst = str(fout.value)
    assert bestand.name in tekst
    assert "foutmelding van de IPDC-API" in tekst
    verwacht = {
        "error-400.json": "Concept id of productnummer moet aanwezig zijn",
        "error-404.json": "Concept niet gevonden",
    }[bestand.name]
    assert verwacht in tekst


def test_map_met_foutmeldingen_laadt_niets(
    ipdc: Path, engine: Engine, instellingen: Settings
) -> None:
    laad(engine, [ipdc / "api-json" / "product-9.json"], instellingen=instellingen)
    with pytest.raises(LaadFout) as fout:
        laad(engine, [ipdc / "api-json"], instellingen=instellingen)
    assert len(fout.value.problemen) == 2
    with Session(engine) as sessie:
        assert sessie.scalars(select(Product.productnummer)).all() == ["9"]


@pytest.mark.parametrize(
    "bestand", _bestanden("ldes/conceptsnapshot-page-*.json"), ids=lambda p: p.name
)
def test_ldes_pagina_volgt_relatie(bestand: Path, engine: Engine, instellingen: Settings) -> None:
    """Each page points to the other (tree:relation): one page loads both."""
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.producten.nieuw == 2
    assert len(resultaat.bronnen) == 2
    with Session(engine) as sessie:
        nummers = set(sessie.scalars(select(Product.productnummer)))
    assert nummers == {"1502", "10092"}


def test_ldes_concept_snapshot(ipdc: Path, engine: Engine, instellingen: Settings) -> None:
    laad(engine, [ipdc / "ldes"], instellingen=instellingen)
    p = _product(engine, "10092")
    assert p.soort == "ConceptSnapshot"
    assert p.naam == "Financiële tussenkomst voor een verblijf in een woonzorgcentrum"
    assert p.concept_uri == (
        "https://ipdc.tni-vlaanderen.be/id/concept/9adcd3db-3acc-4707-867f-e82a8b6429f8"
    )
    assert p.themas == ["BouwenWonen", "WelzijnGezondheid"]
    assert p.bevoegde_bestuursniveaus == ["Vlaams"]
    assert p.uitvoerende_bestuursniveaus == ["Lokaal"]
    assert p.your_europe_categorieen == ["GezondheidszorgWoonzorgcentrum"]
    assert [v["naam"] for v in p.voorwaarden] == [
        "Wat meebrengen 1",
        "Wat meebrengen 2",
        "Wat meebrengen 3",
    ]  # in their sh:order
    assert p.voorwaarden[0]["bewijs"]["naam"] == "Bewijs om mee te brengen 1"
    assert len(p.bewijsstukken) == 3
    assert [w["url"] for w in p.procedures[0]["websites"]] == [
        "https://procedure-website1.com",
        "https://procedure-website2.com",
        "https://procedure-website3.com",
    ]
    assert [k["naam"] for k in p.kosten] == ["Bedrag kost", "Bedrag kost 2", "Bedrag kost 3"]
    assert len(p.financiele_voordelen) == 3
    assert [r["url"] for r in p.regelgeving][0] == "https://codex.be/regelgevende-bron-1"
    assert p.geografisch_nis == []  # a concept has no area: everywhere
    assert p.start_dienstverlening == datetime(2020, 1, 1, tzinfo=UTC)
    assert p.is_aangeboden(datetime(2025, 1, 1, tzinfo=UTC))


def test_ldes_map(ipdc: Path, engine: Engine, instellingen: Settings) -> None:
    """The folder also holds the JSON-LD context: it is recognised and skipped."""
    resultaat = laad(engine, [ipdc / "ldes"], instellingen=instellingen)
    assert resultaat.producten.nieuw == 2
    assert any("JSON-LD-context" in m for m in resultaat.meldingen)
    assert laad(engine, [ipdc / "ldes"], instellingen=instellingen).veranderd == 0


@pytest.mark.parametrize("bestand", sorted(CODELIJSTEN.glob("*.ttl")), ids=lambda p: p.name)
def test_codelijst(bestand: Path, engine: Engine, instellingen: Settings) -> None:
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert resultaat.codelijsten.nieuw + resultaat.codelijsten.ongewijzigd >= 1
    assert laad(engine, [bestand], instellingen=instellingen).veranderd == 0


def test_codelijsten_inhoud(engine: Engine, instellingen: Settings) -> None:
    laad(engine, [CODELIJSTEN], instellingen=instellingen)
    with Session(engine) as sessie:
        labels = dict(
            sessie.execute(select(Code.code, Code.label).where(Code.lijst == "Thema")).all()
        )
        assert labels["WelzijnGezondheid"] == "Welzijn en Gezondheid"
        geo = sessie.scalars(
            select(func.count())
            .select_from(Code)
            .where(Code.lijst == "GeografischToepassingsgebied")
        ).one()
        assert geo == 332
        melle = sessie.get(Code, ("GeografischToepassingsgebied", "BE23444040"))
        assert melle is not None and melle.notatie == "44040" and melle.einde is not None


@pytest.mark.parametrize("bestand", _bestanden("shacl/*.ttl"), ids=lambda p: p.name)
def test_shacl_wordt_overgeslagen(bestand: Path, engine: Engine, instellingen: Settings) -> None:
    resultaat = laad(engine, [bestand], instellingen=instellingen)
    assert any("SHACL" in m for m in resultaat.meldingen)
    assert resultaat.producten.nieuw == 0


def test_valideer_zonder_databank(ipdc: Path, instellingen: Settings, tmp_path: Path) -> None:
    resultaat = valideer(
        [ipdc / "api-json" / "product-9.json", ipdc / "ldes"], instellingen=instellingen
    )
    assert resultaat.producten.nieuw == 3
    assert not list(tmp_path.glob("*.db"))


def test_product_in_turtle(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """A product published as Turtle (here: the LDES member, re-serialised) loads the same."""
    import json

    from catalogus_loader.rdf import graaf_uit_jsonld

    data = json.loads((ipdc / "ldes" / "conceptsnapshot-page-1.json").read_text("utf-8"))
    turtle = tmp_path / "product.ttl"
    graaf_uit_jsonld(data, basis=data["@id"]).serialize(turtle, format="turtle")
    resultaat = laad(engine, [turtle], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1
    p = _product(engine, "10092")
    assert p.naam == "Financiële tussenkomst voor een verblijf in een woonzorgcentrum"
    assert len(p.voorwaarden) == 3 and p.themas == ["BouwenWonen", "WelzijnGezondheid"]


def test_ldes_nieuwste_versie_telt(
    ipdc: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    """Two snapshots of the same concept on two pages: the newest generatedAtTime wins."""
    import json

    bron = json.loads((ipdc / "ldes" / "conceptsnapshot-page-1.json").read_text("utf-8"))
    map_ = tmp_path / "ldes"
    map_.mkdir()
    for pagina, (naam, tijd) in enumerate(
        [("Oude versie", "2023-01-01T00:00:00Z"), ("Nieuwe versie", "2024-01-01T00:00:00Z")]
    ):
        data = json.loads(json.dumps(bron))
        data["@id"] = data["view"]["@id"] = f"http://ipdc-stub/doc/test?pageNumber={pagina}"
        data["view"]["relation"] = []
        lid = data["member"][0]
        lid["@id"] = f"{lid['@id']}-{pagina}"
        lid["naam"]["nl"] = naam
        lid["generatedAtTime"] = tijd
        (map_ / f"pagina-{pagina}.json").write_text(json.dumps(data), "utf-8")
    resultaat = laad(engine, [map_], instellingen=instellingen)
    assert resultaat.producten.nieuw == 1
    assert any("komt 2 keer voor" in m for m in resultaat.meldingen)
    assert _product(engine, "10092").naam == "Nieuwe versie"


def test_onbekende_jsonld_context(engine: Engine, instellingen: Settings, tmp_path: Path) -> None:
    pagina = tmp_path / "pagina.json"
    pagina.write_text(
        '{"@context": "https://example.org/andere-context.jsonld", "@id": "http://x/p",'
        ' "member": []}',
        "utf-8",
    )
    with pytest.raises(LaadFout, match="Onbekende JSON-LD-context"):
        laad(engine, [pagina], instellingen=instellingen)
