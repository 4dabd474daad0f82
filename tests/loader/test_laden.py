"""Loading a catalogue: one transaction, idempotent, updates in place, clear Dutch errors."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.db import migreer
from bot.catalogue.models import (
    Code,
    GemeenteAliasRij,
    GemeenteRij,
    Laadbeurt,
    Product,
    RechtRegel,
    Zoekterm,
)
from bot.settings import Settings
from catalogus_loader import LaadFout, initialiseer, laad

REPO = Path(__file__).resolve().parents[2]
PRODUCT = "mantelzorgpremie-brugge"  # the bundled product with the test rule (conftest.py)
ANDER_PRODUCT = "verwarmingstoelage"  # the other bundled product, without rules


def _tel(engine: Engine) -> dict[str, int]:
    with Session(engine) as sessie:
        return {
            model.__tablename__: sessie.scalar(select(func.count()).select_from(model))
            for model in (Product, RechtRegel, Zoekterm, Code, GemeenteRij, GemeenteAliasRij)
        }


def _staat(engine: Engine) -> dict[str, Any]:
    """Everything that matters in the catalogue, to compare before and after a load."""
    with Session(engine) as sessie:
        return {
            "producten": sorted(
                (p.productnummer, p.naam, p.inhoud_hash) for p in sessie.scalars(select(Product))
            ),
            "regels": sorted(
                (r.recht_id, r.inhoud_hash) for r in sessie.scalars(select(RechtRegel))
            ),
            "tellingen": _tel(engine),
        }


def _json(pad: Path) -> dict[str, Any]:
    return json.loads(pad.read_text(encoding="utf-8"))


def _product_json(map_: Path) -> dict[str, Any]:
    return _json(map_ / "producten" / f"{PRODUCT}.json")


def _verschoven(data: dict[str, Any], dagen: int) -> str:
    """``laatstGewijzigd`` of the product, moved by ``dagen`` (a newer or an older version)."""
    tijd = datetime.fromisoformat(data["laatstGewijzigd"].replace("Z", "+00:00"))
    return (tijd + timedelta(days=dagen)).isoformat().replace("+00:00", "Z")


def test_eerste_laadbeurt(mini_catalogus: Path, engine: Engine, instellingen: Settings) -> None:
    resultaat = laad(engine, instellingen=instellingen)
    assert resultaat.producten.nieuw == 2
    assert resultaat.regels.nieuw == 1
    assert resultaat.gemeenten.nieuw == 304
    assert resultaat.codelijsten.nieuw == 9  # + the empty InstantieTag list
    tellingen = _tel(engine)
    assert tellingen["gemeente"] == 304
    assert tellingen["gemeente_alias"] > 1500
    with Session(engine) as sessie:
        regel = sessie.scalar(select(RechtRegel))
        assert regel is not None and regel.recht_id == "proefpremie-brugge"
        assert regel.product is not None and regel.product.productnummer == PRODUCT
        assert regel.definitie["voorwaarden"][0]["id"] == "meerderjarig"
        assert regel.bron.endswith("proefpremie-brugge.yaml")
        assert sessie.scalar(select(func.count()).select_from(Laadbeurt)) == 1


def test_opnieuw_laden_verandert_niets(engine: Engine, instellingen: Settings) -> None:
    laad(engine, instellingen=instellingen)
    voor = _staat(engine)
    resultaat = laad(engine, instellingen=instellingen)
    assert resultaat.veranderd == 0
    assert resultaat.producten.ongewijzigd == 2
    assert resultaat.regels.ongewijzigd == 1
    assert resultaat.gemeenten.ongewijzigd == 304
    assert _staat(engine) == voor


def test_meegeleverde_catalogus_is_idempotent(tmp_path: Path) -> None:
    """The real bundled catalogue (whatever it holds today) loads and reloads cleanly."""
    from bot.catalogue.db import maak_engine

    engine = maak_engine(f"sqlite:///{tmp_path / 'echt.db'}")
    try:
        eerste = laad(engine)
        assert eerste.gemeenten.nieuw == 304
        assert laad(engine).veranderd == 0
    finally:
        engine.dispose()


def test_nieuwere_versie_wijzigt_ter_plaatse(
    mini_catalogus: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    laad(engine, instellingen=instellingen)
    with Session(engine) as sessie:
        oud_id = sessie.scalar(select(Product.id).where(Product.productnummer == PRODUCT))
    data = _product_json(mini_catalogus)
    data["naam"]["nl"] = "Instantie met een nieuwe naam"
    data["laatstGewijzigd"] = _verschoven(data, 30)
    data["zoektermen"] = {"nl": ["nieuwterm"]}
    nieuw = tmp_path / f"{PRODUCT}-nieuw.json"
    nieuw.write_text(json.dumps(data), encoding="utf-8")

    resultaat = laad(engine, [nieuw], instellingen=instellingen)
    assert (resultaat.producten.gewijzigd, resultaat.producten.nieuw) == (1, 0)
    with Session(engine) as sessie:
        p = sessie.scalar(select(Product).where(Product.productnummer == PRODUCT))
        assert p is not None
        assert p.id == oud_id
        assert p.naam == "Instantie met een nieuwe naam"
        assert p.bron.endswith(f"{PRODUCT}-nieuw.json")
        assert [p.naam for p in repository.zoek_producten(sessie, q="nieuwterm")] == [p.naam]
        # the old name and search terms are gone
        assert repository.zoek_producten(sessie, q="mantelzorgpremie") == []
    assert laad(engine, [nieuw], instellingen=instellingen).veranderd == 0


def test_oudere_versie_overschrijft_niet(
    mini_catalogus: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    laad(engine, instellingen=instellingen)
    data = _product_json(mini_catalogus)
    naam_nu = data["naam"]["nl"]
    data["naam"]["nl"] = "Een oude naam"
    data["laatstGewijzigd"] = _verschoven(data, -365)
    oud = tmp_path / f"{PRODUCT}-oud.json"
    oud.write_text(json.dumps(data), encoding="utf-8")
    resultaat = laad(engine, [oud], instellingen=instellingen)
    assert resultaat.producten.overgeslagen == 1
    assert any("ouder" in m for m in resultaat.meldingen)
    with Session(engine) as sessie:
        naam = sessie.scalar(select(Product.naam).where(Product.productnummer == PRODUCT))
    assert naam == naam_nu == "Mantelzorgpremie (Brugge)"


def test_gearchiveerd_blijft_maar_wordt_niet_aangeboden(
    mini_catalogus: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    laad(engine, instellingen=instellingen)
    data = _product_json(mini_catalogus)
    data["gearchiveerd"] = True
    data["laatstGewijzigd"] = _verschoven(data, 30)
    pad = tmp_path / f"{PRODUCT}.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    with Session(engine) as sessie:
        assert repository.recht(sessie, "proefpremie-brugge").aangeboden is True
    laad(engine, [pad], instellingen=instellingen)
    with Session(engine) as sessie:
        p = repository.product(sessie, PRODUCT)
        assert p.gearchiveerd and not p.is_aangeboden()
        assert repository.zoek_producten(sessie, q="mantelzorgpremie") == []
        gevonden = repository.zoek_producten(sessie, q="mantelzorgpremie", alleen_aangeboden=False)
        assert [g.productnummer for g in gevonden] == [PRODUCT]
        # The right of a withdrawn product is not offered either.
        assert repository.zoek_rechten(sessie, q="proefpremie") == []
        assert repository.recht(sessie, "proefpremie-brugge").aangeboden is False


@pytest.mark.parametrize(
    ("bestand", "inhoud", "verwacht"),
    [
        ("producten/kapot.json", '{"productnummer": "1",\n  "naam": ', "geen geldige JSON"),
        ("producten/leeg.json", "{}", "Dit is geen IPDC-bestand"),
        ("producten/ander.json", '[{"id": 1}, {"id": 2}]', "Dit is geen IPDC-bestand"),
        (
            "producten/ander.jsonld",
            '[{"@id": "http://x/1", "http://x/p": [{"@value": 1}]}]',
            "geen IPDC-producten",
        ),
        ("regels/kapot.yaml", "id: kapot\nnaam: [\n", "geen geldige YAML"),
        ("gemeenten/onbekend.csv", "a,b\n1,2\n", "Onbekende CSV"),
        ("codelijsten/kapot.ttl", "@prefix x: <http://x/> .\nx:a x:b", "geen geldige Turtle"),
    ],
)
def test_kapot_bestand_verandert_niets(
    mini_catalogus: Path,
    engine: Engine,
    instellingen: Settings,
    bestand: str,
    inhoud: str,
    verwacht: str,
) -> None:
    """A broken file, or one that is not IPDC at all, fails the whole load."""
    laad(engine, instellingen=instellingen)
    voor = _staat(engine)
    # A valid change in the same load must not go through either.
    data = _product_json(mini_catalogus)
    data["naam"]["nl"] = "Deze naam mag er niet komen"
    data["laatstGewijzigd"] = _verschoven(data, 60)
    (mini_catalogus / "producten" / f"{PRODUCT}.json").write_text(json.dumps(data), "utf-8")
    (mini_catalogus / bestand).write_text(inhoud, encoding="utf-8")

    with pytest.raises(LaadFout) as fout:
        laad(engine, instellingen=instellingen)
    tekst = str(fout.value)
    assert "niets gewijzigd" in tekst
    assert Path(bestand).name in tekst
    assert verwacht in tekst
    assert _staat(engine) == voor


@pytest.mark.parametrize(
    ("inhoud", "product", "veld", "reden"),
    [
        ('{"productnummer": "5"}', "5", "naam", "De naam van het product ontbreekt."),
        (
            '{"productnummer": "5", "naam": {"en": "Only English"}}',
            "Only English",
            "naam",
            "geen Nederlandse naam",
        ),
        (
            '{"productnummer": "5", "naam": {"nl": "X"}, "type": "Feestvieren"}',
            "X (5)",
            "type",
            "Onbekend type 'Feestvieren' (niet in de codelijst Type)",
        ),
        (
            '{"productnummer": "5", "naam": {"nl": "X"}, "geografischToepassingsgebieden": '
            '["BE99999999"]}',
            "X (5)",
            "geografischToepassingsgebieden",
            "Onbekende NUTS/LAU-code 'BE99999999'",
        ),
        (
            '{"productnummer": "5", "naam": {"nl": "X"}, "laatstGewijzigd": "gisteren"}',
            "X",
            "laatstGewijzigd",
            "'gisteren' is geen geldige datum",
        ),
        (
            '{"productnummer": "5", "naam": {"nl": "X"}, "themas": "Wonen"}',
            "X",
            "themas",
            "moet een lijst zijn",
        ),
        (
            '{"@type": "Instantie", "naam": {"nl": "X"}}',
            "X",
            "productnummer",
            "geen productnummer, geen URI (@id) en geen uuid",
        ),
    ],
)
def test_onbruikbaar_product_wordt_overgeslagen(
    mini_catalogus: Path,
    engine: Engine,
    instellingen: Settings,
    inhoud: str,
    product: str,
    veld: str,
    reden: str,
) -> None:
    """A product the loader cannot use is left out with a warning naming the file, the
    product and the reason; the rest of the load goes through."""
    laad(engine, instellingen=instellingen)
    data = _product_json(mini_catalogus)
    data["naam"]["nl"] = "Nieuwe naam"
    data["laatstGewijzigd"] = _verschoven(data, 60)
    (mini_catalogus / "producten" / f"{PRODUCT}.json").write_text(json.dumps(data), "utf-8")
    (mini_catalogus / "producten" / "onbruikbaar.json").write_text(inhoud, "utf-8")

    resultaat = laad(engine, instellingen=instellingen)
    (overgeslagen,) = resultaat.overgeslagen
    assert overgeslagen.bestand.endswith("onbruikbaar.json")
    assert overgeslagen.product == product
    assert overgeslagen.veld == veld
    assert reden in overgeslagen.reden
    assert str(overgeslagen).startswith(f"{overgeslagen.bestand}: product '{product}' overgeslagen")
    assert resultaat.producten.overgeslagen == 1
    assert resultaat.producten.gewijzigd == 1
    with Session(engine) as sessie:
        assert repository.product(sessie, PRODUCT).naam == "Nieuwe naam"
        assert sessie.scalar(select(Product).where(Product.productnummer == "5")) is None


def test_overgeslagen_product_houdt_de_vorige_versie(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    """A product already in the catalogue that now cannot be used keeps its previous
    version, also in a full load (which removes only what is really gone)."""
    laad(engine, instellingen=instellingen)
    data = _product_json(mini_catalogus)
    data["type"] = "Feestvieren"
    data["laatstGewijzigd"] = _verschoven(data, 60)
    (mini_catalogus / "producten" / f"{PRODUCT}.json").write_text(json.dumps(data), "utf-8")
    resultaat = laad(engine, instellingen=instellingen, volledig=True)
    (overgeslagen,) = resultaat.overgeslagen
    assert "De vorige versie in de databank blijft." in overgeslagen.reden
    assert resultaat.producten.verwijderd == 0
    with Session(engine) as sessie:
        assert repository.product(sessie, PRODUCT).type != "Feestvieren"


def test_onbekende_code_wordt_weggelaten(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    """An unknown theme or audience is left out with a note naming file, product and code
    (IPDC may add codes before the bundled lists have them); the product loads."""
    (mini_catalogus / "producten" / "x.json").write_text(
        '{"productnummer": "5", "naam": {"nl": "X"}, "doelgroepen": ["Burger", "Katten"]}',
        "utf-8",
    )
    resultaat = laad(engine, instellingen=instellingen)
    assert resultaat.overgeslagen == []
    (melding,) = [m for m in resultaat.meldingen if "Katten" in m]
    assert "x.json: product 'X (5)', veld doelgroepen" in melding
    assert "niet in de codelijst Doelgroep" in melding and "weggelaten" in melding
    with Session(engine) as sessie:
        assert repository.product(sessie, "5").doelgroepen == ["Burger"]


def test_eerste_laadbeurt_mislukt_laat_lege_databank(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    migreer(engine)
    (mini_catalogus / "regels" / "kapot.yaml").write_text(
        "id: kapot\nproduct: x\nnaam: Kapot\nniveau: vlaams\nbron_url: https://x.be\n"
        "gemeenten: ['12345']\nvoorwaarden:\n  - {id: a, tekst: Altijd waar., regel: true}\n",
        "utf-8",
    )
    with pytest.raises(LaadFout, match="NIS-code 12345"):
        laad(engine, instellingen=instellingen)
    tellingen = _tel(engine)
    assert tellingen["gemeente"] == 0 and tellingen["product"] == 0 and tellingen["code"] == 0


def test_volledig_verwijdert_wat_ontbreekt(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    laad(engine, instellingen=instellingen)
    (mini_catalogus / "producten" / f"{ANDER_PRODUCT}.json").unlink()
    resultaat = laad(engine, instellingen=instellingen)
    assert resultaat.producten.verwijderd == 0  # not without --volledig
    resultaat = laad(engine, instellingen=instellingen, volledig=True)
    assert resultaat.producten.verwijderd == 1
    with Session(engine) as sessie:
        assert sessie.scalars(select(Product.productnummer)).all() == [PRODUCT]


def test_dubbel_product_nieuwste_telt(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    data = _product_json(mini_catalogus)
    data["naam"]["nl"] = "Nieuwste versie"
    data["laatstGewijzigd"] = _verschoven(data, 30)
    (mini_catalogus / "producten" / f"{PRODUCT}-kopie.json").write_text(json.dumps(data), "utf-8")
    resultaat = laad(engine, instellingen=instellingen)
    assert any("komt 2 keer voor" in m for m in resultaat.meldingen)
    with Session(engine) as sessie:
        assert repository.product(sessie, PRODUCT).naam == "Nieuwste versie"


def test_regel_naar_onbekend_product_is_een_melding(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    pad = mini_catalogus / "regels" / "proefpremie-brugge.yaml"
    regel = pad.read_text("utf-8")
    assert f"product: {PRODUCT}\n" in regel
    pad.write_text(regel.replace(f"product: {PRODUCT}\n", "product: bestaat-niet\n"), "utf-8")
    resultaat = laad(engine, instellingen=instellingen)
    assert any("'bestaat-niet' staat (nog) niet in de catalogus" in m for m in resultaat.meldingen)
    with Session(engine) as sessie:
        dekking = repository.dekking(sessie)
    assert [r.recht_id for r in dekking.onbekend_product] == ["proefpremie-brugge"]


def test_deelgemeenten_alleen_met_gemeenten(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    with pytest.raises(LaadFout, match="samen met gemeenten-2025.csv"):
        laad(
            engine, [mini_catalogus / "gemeenten" / "deelgemeenten.csv"], instellingen=instellingen
        )


def test_gemeentelijst_met_fout(
    mini_catalogus: Path, engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    map_ = tmp_path / "gemeenten"
    shutil.copytree(mini_catalogus / "gemeenten", map_)
    csv = map_ / "deelgemeenten.csv"
    regels = csv.read_text("utf-8").splitlines()
    regels[3] = regels[3].replace(",71053,", ",99999,")
    csv.write_text("\n".join(regels) + "\n", "utf-8")
    with pytest.raises(LaadFout) as fout:
        laad(engine, [map_], instellingen=instellingen)
    (probleem,) = fout.value.problemen
    assert probleem.bestand.endswith("deelgemeenten.csv")
    assert probleem.regel == 4 and probleem.veld == "gemeente_nis"
    assert "99999" in probleem.bericht


def test_initialiseer(mini_catalogus: Path, engine: Engine, instellingen: Settings) -> None:
    eerste = initialiseer(instellingen, engine=engine)
    assert eerste is not None and eerste.producten.nieuw == 2
    assert initialiseer(instellingen, engine=engine) is None


def test_initialiseer_met_databank_url(tmp_path: Path, instellingen: Settings) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'map' / 'rv.db'}"
    resultaat = initialiseer(instellingen.model_copy(update={"database_url": url}))
    assert resultaat is not None
    assert (tmp_path / "sub" / "map" / "rv.db").exists()


def test_codelijsten_meegeleverd_gelijk_aan_gedeeld(shared_dir: Path) -> None:
    """The bundled code lists and municipality lists are exact copies of the shared ones."""
    bronnen = sorted((shared_dir / "ipdc" / "codelijsten").glob("*.ttl"))
    meegeleverd = sorted((REPO / "catalogus" / "codelijsten").glob("*.ttl"))
    assert [p.name for p in bronnen] == [p.name for p in meegeleverd]
    assert len(bronnen) >= 9
    for bron in bronnen:
        kopie = REPO / "catalogus" / "codelijsten" / bron.name
        assert kopie.read_bytes() == bron.read_bytes(), bron.name
    gemeenten = REPO / "catalogus" / "gemeenten"
    gedeeld = shared_dir / "gemeenten"
    assert (gemeenten / "gemeenten-2025.csv").read_bytes() == (
        gedeeld / "gemeenten-2025.csv"
    ).read_bytes()
    # deelgemeenten.csv is the shared list with only hand-added "roepnaam" rows at the end.
    kopie = (gemeenten / "deelgemeenten.csv").read_text(encoding="utf-8")
    origineel = (gedeeld / "deelgemeenten.csv").read_text(encoding="utf-8")
    assert kopie.startswith(origineel)
    extra = kopie[len(origineel) :].splitlines()
    assert extra, "de roepnamen (Molenbeek, Sint-Joost, ...) ontbreken"
    for rij in extra:
        assert rij.split(",")[4:] in (
            ["roepnaam", "false", "handmatig"],
            ["roepnaam", "true", "handmatig"],
        ), rij
