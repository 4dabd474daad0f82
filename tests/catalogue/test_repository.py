"""Query functions on a real SQLite catalogue: the IPDC sample products and two rule files.

The sample products are real IPDC files from ../shared/ipdc (not in the repository); the
tests that use them skip without that folder.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from bot.catalogue import repository as repo
from bot.catalogue.fouten import CatalogusFout, RechtNietGevonden
from bot.rules import bouw_catalogus
from bot.vocabulary import laad_vocabulaire

LEUVEN, GENT, BRUSSEL = "24062", "44021", "21004"


def _nummers(producten: list) -> list[str]:
    return [p.productnummer for p in producten]


def test_alle_aangeboden_producten(sessie: Session) -> None:
    # 99 ended in 2022 and 1502 in July 2025: kept, but not offered.
    assert set(_nummers(repo.zoek_producten(sessie))) == {"9", "10092"}
    alles = repo.zoek_producten(sessie, alleen_aangeboden=False)
    assert set(_nummers(alles)) == {"9", "99", "1502", "10092"}
    eerder = datetime(2021, 1, 1, tzinfo=UTC)
    assert {"99", "1502"} <= set(_nummers(repo.zoek_producten(sessie, op=eerder)))


@pytest.mark.parametrize(
    ("q", "verwacht"),
    [
        ("vloerisolatie", {"99"}),  # IPDC zoekterm
        ("VLOERISOLATIE", {"99"}),
        ("Fluvius", {"99"}),  # in the name
        ("kelder plafond", {"99"}),  # every word must match
        ("kelder fiets", set()),
        ("financiële tussenkomst", {"10092"}),
        ("financiele", {"10092"}),  # accents do not matter
        ("woonzorgcentrum", {"10092"}),
        ("sanity", {"9"}),
    ],
)
def test_zoeken_op_woorden(sessie: Session, q: str, verwacht: set[str]) -> None:
    gevonden = repo.zoek_producten(sessie, q=q, alleen_aangeboden=False)
    assert set(_nummers(gevonden)) == verwacht


def test_filter_gemeente(sessie: Session) -> None:
    leuven = set(_nummers(repo.zoek_producten(sessie, gemeente=LEUVEN, alleen_aangeboden=False)))
    gent = set(_nummers(repo.zoek_producten(sessie, gemeente=GENT, alleen_aangeboden=False)))
    brussel = set(_nummers(repo.zoek_producten(sessie, gemeente=BRUSSEL, alleen_aangeboden=False)))
    assert leuven == {"9", "99", "1502", "10092"}  # 9 is for Leuven only
    assert gent == {"99", "1502", "10092"}  # 99 is for the Flemish Region
    assert brussel == {"1502", "10092"}  # concepts apply everywhere


def test_filter_thema_en_niveau(sessie: Session) -> None:
    welzijn = repo.zoek_producten(sessie, thema="WelzijnGezondheid", alleen_aangeboden=False)
    assert "10092" in _nummers(welzijn) and "99" not in _nummers(welzijn)
    op_label = repo.zoek_producten(sessie, thema="welzijn en gezondheid", alleen_aangeboden=False)
    assert _nummers(op_label) == _nummers(welzijn)
    vlaams = repo.zoek_producten(sessie, niveau="vlaams", alleen_aangeboden=False)
    assert "99" in _nummers(vlaams)
    assert repo.zoek_producten(sessie, niveau="federaal") == []


def test_product(sessie: Session) -> None:
    assert repo.product(sessie, "99").naam.startswith("Stopgezet")
    with pytest.raises(repo.ProductNietGevonden) as fout:
        repo.product(sessie, "nope")
    assert isinstance(fout.value, CatalogusFout)
    assert "nope" in str(fout.value)


def test_rechten_lijst(sessie: Session) -> None:
    rechten = {r.recht_id: r for r in repo.zoek_rechten(sessie)}
    # Two rule files, and offered citizen products without rules.
    assert "proefpremie-leuven" in rechten and "proefkorting" in rechten
    assert rechten["proefpremie-leuven"].heeft_regels
    assert rechten["proefpremie-leuven"].product is not None
    assert rechten["proefpremie-leuven"].product.productnummer == "9"
    assert rechten["proefkorting"].product is None
    zonder = [r for r in rechten.values() if not r.heeft_regels]
    # 9 has rules; 99 and 1502 are no longer offered.
    assert {r.product.productnummer for r in zonder if r.product} == {"10092"}
    assert {r.recht_id for r in zonder} == {"ipdc-10092"}
    alle = {r.recht_id for r in repo.zoek_rechten(sessie, alleen_aangeboden=False)}
    assert "ipdc-1502" not in alle  # a product without rules must be offered to be a right


def test_rechten_zoeken_op_synoniem_en_product(sessie: Session) -> None:
    assert [r.recht_id for r in repo.zoek_rechten(sessie, q="testvergoeding")] == [
        "proefpremie-leuven"
    ]
    assert [r.recht_id for r in repo.zoek_rechten(sessie, q="PROEFSTEUN")] == ["proefpremie-leuven"]
    # A word of the product's name finds the right that points to it.
    assert [r.recht_id for r in repo.zoek_rechten(sessie, q="sanity check")] == [
        "proefpremie-leuven"
    ]
    assert [r.recht_id for r in repo.zoek_rechten(sessie, q="busabonnement")] == ["proefkorting"]
    assert [r.recht_id for r in repo.zoek_rechten(sessie, q="woonzorgcentrum")] == ["ipdc-10092"]


def test_rechten_filters(sessie: Session) -> None:
    in_gent = {r.recht_id for r in repo.zoek_rechten(sessie, gemeente=GENT)}
    assert "proefpremie-leuven" not in in_gent and "proefkorting" in in_gent
    in_leuven = {r.recht_id for r in repo.zoek_rechten(sessie, gemeente=LEUVEN)}
    assert "proefpremie-leuven" in in_leuven
    assert {r.recht_id for r in repo.zoek_rechten(sessie, niveau="lokaal")} == {
        "proefpremie-leuven"
    }
    assert {r.recht_id for r in repo.zoek_rechten(sessie, thema="proef")} == {"proefpremie-leuven"}
    welzijn = {r.recht_id for r in repo.zoek_rechten(sessie, thema="WelzijnGezondheid")}
    assert welzijn == {"ipdc-10092"}
    assert repo.zoek_rechten(sessie, met_producten_zonder_regels=False, q="woonzorgcentrum") == []


def test_recht_op_id(sessie: Session) -> None:
    info = repo.recht(sessie, "proefpremie-leuven")
    assert info.naam == "Proefpremie voor inwoners van Leuven"
    assert info.definitie is not None and info.definitie["niveau"] == "lokaal"
    assert info.synoniemen == ("testvergoeding", "Proefsteun")
    assert info.gemeenten == (LEUVEN,)
    zonder = repo.recht(sessie, "ipdc-10092")
    assert not zonder.heeft_regels and zonder.product is not None
    with pytest.raises(RechtNietGevonden) as fout:
        repo.recht(sessie, "bestaat-niet")
    assert "bestaat-niet" in str(fout.value)


def test_motor_invoer_bouwt_een_catalogus(sessie: Session) -> None:
    invoer = repo.motor_invoer(sessie)
    assert [d["id"] for d in invoer.regelbestanden] == ["proefkorting", "proefpremie-leuven"]
    assert {p.id for p in invoer.zonder_regels} == {"ipdc-10092"}
    assert invoer.gemeentenamen[GENT] == "Gent" and len(invoer.gemeentenamen) == 304
    catalogus = bouw_catalogus(
        invoer.regelbestanden,
        laad_vocabulaire(),
        zonder_regels=invoer.zonder_regels,
        gemeentenamen=invoer.gemeentenamen,
    )
    assert catalogus.recht("proefpremie-leuven") is not None
    assert catalogus.recht("ipdc-10092") is not None


def test_product_zonder_regels_voor_de_motor(sessie: Session) -> None:
    p = repo.product(sessie, "10092")
    zonder = repo.product_zonder_regels(p, "ipdc-10092")
    assert zonder.niveau == "vlaams"
    assert zonder.gemeenten is None  # no area: everywhere
    assert zonder.bron_url.startswith("https://justitie.belgium.be/")
    assert zonder.samenvatting and "woonzorgcentrum" in zonder.samenvatting
    leuven = repo.product_zonder_regels(repo.product(sessie, "9"), "ipdc-9")
    assert leuven.gemeenten == frozenset({LEUVEN})
    assert leuven.niveau == "vlaams"


def test_recht_id_voor_product() -> None:
    assert repo.recht_id_voor_product("10092") == "ipdc-10092"
    assert repo.recht_id_voor_product("Huurpremie Gent") == "huurpremie-gent"
    assert repo.recht_id_voor_product("leefloon", {"leefloon"}) == "product-leefloon"


def test_dekking(sessie: Session) -> None:
    dekking = repo.dekking(sessie)
    assert [(p.productnummer, [r.recht_id for r in rs]) for p, rs in dekking.met_regels] == [
        ("9", ["proefpremie-leuven"])
    ]
    assert {p.productnummer for p in dekking.zonder_regels} == {"99", "1502", "10092"}
    assert [r.recht_id for r in dekking.onbekend_product] == ["proefkorting"]


def test_gemeentenamen_en_codelabels(basis_sessie: Session) -> None:
    assert repo.gemeentenamen(basis_sessie)[BRUSSEL] == "Brussel"
    assert repo.codelabels(basis_sessie, "Type")["FinancieelVoordeel"] == "Financieel voordeel"
    assert not repo.is_leeg(basis_sessie)
