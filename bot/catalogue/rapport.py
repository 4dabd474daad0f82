"""Freshness and coverage of the catalogue, per right, for a city's policy officer.

One row per right: the rule files, and the offered products for citizens without one
(status ``niet_gecontroleerd``). Per row: level, municipalities, rules or not, number of
test cases (``tests/regels/<id>.yaml``), when the rules were last checked against their
source (``nagekeken_op``), parameters whose newest value is over a year old, sources, and
IPDC products archived since the last check. A right with rules that was never checked,
or not in the last 12 months, is flagged.

Reads the database and the test-case folder; changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.models import GemeenteRij, Product, RechtRegel
from bot.notatie import datum_tekst
from bot.settings import REPO

TESTGEVALLEN_MAP = REPO / "tests" / "regels"
"""Where the test cases of the rule files live (one YAML list per right)."""
MAANDEN_GELDIG = 12
"""A check of the rules against their source is good for this many months."""
MIN_TESTGEVALLEN = 3
"""A local right counts for its city when it has rules and at least this many test cases."""
DOEL_PER_CENTRUMSTAD = 2
"""Each centrumstad should have at least this many such local rights."""
MAX_GEMEENTEN = 10
"""A right for more municipalities than this (a product of every OCMW, of all of Flanders)
is not a city's own right: the report names no municipalities for it."""

MET_REGELS = "met_regels"
NIET_GECONTROLEERD = "niet_gecontroleerd"


@dataclass(frozen=True)
class OudeParameter:
    """A parameter whose newest value on the reference date is over a year old."""

    parameter: str
    omschrijving: str
    sinds: date
    """The date of its newest value (the oldest one, over its municipalities)."""
    geindexeerd: bool
    """It has ``indexering``: the engine widens the limit and says the amount may be old."""
    gemeente: str | None = None
    """The NIS code of the ``per_gemeente`` series this is about, or ``None``."""


@dataclass(frozen=True)
class GearchiveerdProduct:
    """An IPDC product of the right that was archived or ended its service."""

    productnummer: str
    naam: str
    datum: date | None
    """When: the end of service, else the last change of an archived product."""


@dataclass(frozen=True)
class RapportRij:
    recht_id: str
    naam: str
    niveau: str
    status: str
    """``met_regels`` or ``niet_gecontroleerd`` (a product without rule file)."""
    gemeenten: tuple[str, ...]
    """Names of the municipalities it is limited to (at most ``MAX_GEMEENTEN``)."""
    aantal_gemeenten: int
    """How many municipalities it is limited to; 0: everywhere."""
    testgevallen: int | None
    """Number of test cases; ``None`` when the test-case folder is not there."""
    nagekeken_op: date | None
    na_te_kijken: bool
    """Rules never checked, or not in the last 12 months."""
    oude_parameters: tuple[OudeParameter, ...]
    bronnen: tuple[str, ...]
    gearchiveerd: tuple[GearchiveerdProduct, ...]
    """Its IPDC products archived (or ended) since ``nagekeken_op``."""

    @property
    def heeft_regels(self) -> bool:
        return self.status == MET_REGELS

    @property
    def reden(self) -> str | None:
        """Why it is flagged, in plain Dutch (``None`` when it is not)."""
        if not self.na_te_kijken:
            return None
        if self.nagekeken_op is None:
            return "Na te kijken: nooit nagekeken."
        return (
            f"Na te kijken: nagekeken op {datum_tekst(self.nagekeken_op)}, "
            f"meer dan {MAANDEN_GELDIG} maanden geleden."
        )


@dataclass(frozen=True)
class NiveauTelling:
    niveau: str
    met_regels: int
    zonder_regels: int


@dataclass(frozen=True)
class CentrumstadDekking:
    nis: str
    naam: str
    lokale_rechten: tuple[str, ...]
    """Local rights with rules limited to this city (ids)."""
    getest: tuple[str, ...]
    """Of those, the ones with at least ``MIN_TESTGEVALLEN`` test cases."""

    @property
    def doel_gehaald(self) -> bool:
        return len(self.getest) >= DOEL_PER_CENTRUMSTAD


@dataclass(frozen=True)
class Dekkingsrapport:
    peildatum: date
    rijen: tuple[RapportRij, ...]
    per_niveau: tuple[NiveauTelling, ...]
    centrumsteden: tuple[CentrumstadDekking, ...]

    @property
    def zonder_regels(self) -> int:
        return sum(1 for r in self.rijen if not r.heeft_regels)

    @property
    def na_te_kijken(self) -> int:
        return sum(1 for r in self.rijen if r.na_te_kijken)

    def als_json(self) -> dict[str, Any]:
        """Plain JSON data (dates as JJJJ-MM-DD)."""
        return {
            "peildatum": self.peildatum.isoformat(),
            "rechten": [_rij_json(r) for r in self.rijen],
            "per_niveau": [
                {"niveau": n.niveau, "met_regels": n.met_regels, "zonder_regels": n.zonder_regels}
                for n in self.per_niveau
            ],
            "centrumsteden": [
                {
                    "nis": c.nis,
                    "naam": c.naam,
                    "lokale_rechten": list(c.lokale_rechten),
                    "getest": list(c.getest),
                    "doel_gehaald": c.doel_gehaald,
                }
                for c in self.centrumsteden
            ],
            "zonder_regels": self.zonder_regels,
            "na_te_kijken": self.na_te_kijken,
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _rij_json(r: RapportRij) -> dict[str, Any]:
    return {
        "recht_id": r.recht_id,
        "naam": r.naam,
        "niveau": r.niveau,
        "status": r.status,
        "gemeenten": list(r.gemeenten),
        "aantal_gemeenten": r.aantal_gemeenten,
        "testgevallen": r.testgevallen,
        "nagekeken_op": _iso(r.nagekeken_op),
        "na_te_kijken": r.na_te_kijken,
        "oude_parameters": [
            {
                "parameter": p.parameter,
                "omschrijving": p.omschrijving,
                "sinds": p.sinds.isoformat(),
                "geindexeerd": p.geindexeerd,
                "gemeente": p.gemeente,
            }
            for p in r.oude_parameters
        ],
        "bronnen": list(r.bronnen),
        "gearchiveerd": [
            {"productnummer": g.productnummer, "naam": g.naam, "datum": _iso(g.datum)}
            for g in r.gearchiveerd
        ],
    }


# -- pure parts ----------------------------------------------------------------------------


def jaar_eerder(peildatum: date, jaren: int = 1) -> date:
    """The same day ``jaren`` years earlier (29 February becomes 28 February)."""
    try:
        return peildatum.replace(year=peildatum.year - jaren)
    except ValueError:
        return peildatum.replace(year=peildatum.year - jaren, day=28)


def is_na_te_kijken(nagekeken_op: date | None, peildatum: date) -> bool:
    """Never checked, or checked more than 12 months (``MAANDEN_GELDIG``) before
    ``peildatum``."""
    return nagekeken_op is None or nagekeken_op < jaar_eerder(peildatum)


def _datum(waarde: Any) -> date | None:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, str):
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            return None
    return None


def _nieuwste(waarden: Sequence[Mapping[str, Any]], peildatum: date) -> date | None:
    """The ``vanaf`` of the value that holds on ``peildatum`` (the newest one up to then)."""
    data = [d for w in waarden if (d := _datum(w.get("vanaf"))) is not None and d <= peildatum]
    return max(data, default=None)


def oude_parameters(definitie: Mapping[str, Any], peildatum: date) -> list[OudeParameter]:
    """The rule file's parameters whose newest value on ``peildatum`` is over a year old,
    or whose known next indexation (``indexering.volgende``) has passed. A parameter with
    per-municipality values counts once, with its oldest series."""
    grens = jaar_eerder(peildatum)
    uit = []
    for naam, p in sorted((definitie.get("parameters") or {}).items()):
        indexering = p.get("indexering") or None
        volgende = _datum(indexering.get("volgende")) if indexering else None
        reeksen: list[tuple[str | None, Sequence[Mapping[str, Any]]]] = [
            (None, p.get("waarden") or [])
        ]
        reeksen += sorted((p.get("per_gemeente") or {}).items())
        oud: list[tuple[date, str | None]] = []
        for gemeente, waarden in reeksen:
            sinds = _nieuwste(waarden, peildatum)
            if sinds is None:
                continue
            voorbij = volgende is not None and sinds < volgende <= peildatum
            if sinds < grens or voorbij:
                oud.append((sinds, gemeente))
        if oud:
            sinds, gemeente = min(oud, key=lambda o: o[0])
            uit.append(
                OudeParameter(
                    naam, str(p.get("omschrijving", "")), sinds, indexering is not None, gemeente
                )
            )
    return uit


def _voorwaarden(voorwaarden: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for v in voorwaarden:
        yield v
        yield from _voorwaarden(v.get("een_van") or [])


def bronnen(definitie: Mapping[str, Any]) -> list[str]:
    """Every source a rule file cites: ``bron_url``, then the conditions' and the
    parameters' (and their values') ``bron``, each once, in file order."""
    gevonden: list[str] = [definitie.get("bron_url", "")]
    for v in _voorwaarden(definitie.get("voorwaarden") or []):
        gevonden.append(v.get("bron") or "")
    for p in (definitie.get("parameters") or {}).values():
        gevonden.append(p.get("bron") or "")
        reeksen = [p.get("waarden") or [], *(p.get("per_gemeente") or {}).values()]
        gevonden += [w.get("bron") or "" for reeks in reeksen for w in reeks]
    return list(dict.fromkeys(b for b in gevonden if b))


def tel_testgevallen(map_: Path | None, recht_id: str) -> int | None:
    """The number of cases in ``<map_>/<recht_id>.yaml``: 0 without file, ``None`` when
    the folder is not there (an installation without the tests)."""
    if map_ is None or not map_.is_dir():
        return None
    pad = map_ / f"{recht_id}.yaml"
    if not pad.is_file():
        return 0
    try:
        inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return 0
    return len(inhoud) if isinstance(inhoud, list) else 0


# -- from the database ---------------------------------------------------------------------


def _gestopt(product: Product, peildatum: date) -> tuple[bool, date | None]:
    """Has the product stopped by ``peildatum`` (archived, or its service ended), and when:
    the end of service, else the last change of an archived product (``None``: unknown)."""
    if product.einde_dienstverlening is not None:
        einde = product.einde_dienstverlening.date()
        if einde <= peildatum:
            return True, einde
    if product.gearchiveerd:
        return True, product.laatst_gewijzigd.date() if product.laatst_gewijzigd else None
    return False, None


def _gearchiveerd(
    producten: Sequence[Product], sinds: date | None, peildatum: date
) -> tuple[GearchiveerdProduct, ...]:
    """The products that stopped since ``sinds`` (all that stopped when never checked or
    when the date is unknown)."""
    uit = []
    for p in producten:
        gestopt, datum = _gestopt(p, peildatum)
        if gestopt and (sinds is None or datum is None or datum >= sinds):
            uit.append(GearchiveerdProduct(p.productnummer, p.naam, datum))
    return tuple(uit)


def _producten_van(regel: RechtRegel, alle: Sequence[Product]) -> list[Product]:
    """The rule file's product, and the other IPDC products of the same concept."""
    eigen = next((p for p in alle if p.productnummer == regel.product_sleutel), None)
    concepten = {regel.product_sleutel}
    if eigen is not None:
        concepten |= {c for c in (eigen.concept_id, eigen.concept_productnummer) if c}
    return [
        p
        for p in alle
        if p is eigen or p.concept_id in concepten or p.concept_productnummer in concepten
    ]


def _gebied(nis: Sequence[str], namen: Mapping[str, str]) -> tuple[tuple[str, ...], int]:
    """The names of a few municipalities (none for more than ``MAX_GEMEENTEN``), and how
    many there are."""
    if len(nis) > MAX_GEMEENTEN:
        return (), len(nis)
    return tuple(sorted(namen.get(n, n) for n in nis)), len(nis)


def dekkingsrapport(
    sessie: Session, peildatum: date, testgevallen: Path | None = TESTGEVALLEN_MAP
) -> Dekkingsrapport:
    """The per-right rows and the summary on ``peildatum``."""
    namen = repository.gemeentenamen(sessie)
    producten = list(sessie.scalars(select(Product).order_by(Product.productnummer)))
    regels = list(sessie.scalars(select(RechtRegel).order_by(RechtRegel.recht_id)))
    moment = datetime.combine(peildatum, time(12), tzinfo=UTC)

    rijen: list[RapportRij] = []
    lokaal_per_nis: dict[str, list[tuple[str, int | None]]] = {}
    for regel in regels:
        definitie = regel.definitie
        nagekeken = _datum(definitie.get("nagekeken_op"))
        eigen = regel.product
        nis = list(regel.gemeenten)
        if not nis and regel.niveau == "lokaal" and eigen is not None:
            nis = list(eigen.geografisch_nis)  # a local product names its municipalities
        gemeenten, aantal_gemeenten = _gebied(nis, namen)
        aantal = tel_testgevallen(testgevallen, regel.recht_id)
        rijen.append(
            RapportRij(
                recht_id=regel.recht_id,
                naam=regel.naam,
                niveau=regel.niveau,
                status=MET_REGELS,
                gemeenten=gemeenten,
                aantal_gemeenten=aantal_gemeenten,
                testgevallen=aantal,
                nagekeken_op=nagekeken,
                na_te_kijken=is_na_te_kijken(nagekeken, peildatum),
                oude_parameters=tuple(oude_parameters(definitie, peildatum)),
                bronnen=tuple(bronnen(definitie)),
                gearchiveerd=_gearchiveerd(_producten_van(regel, producten), nagekeken, peildatum),
            )
        )
        if regel.niveau == "lokaal" and len(nis) <= MAX_GEMEENTEN:
            for n in nis:
                lokaal_per_nis.setdefault(n, []).append((regel.recht_id, aantal))

    bezet = {r.recht_id for r in regels}
    for p in repository.producten_zonder_regels(sessie, moment):
        recht_id = repository.recht_id_voor_product(p.productnummer, bezet)
        info = repository.product_zonder_regels(p, recht_id)
        lokaal = info.niveau == "lokaal"
        gemeenten, aantal_gemeenten = _gebied(p.geografisch_nis if lokaal else [], namen)
        rijen.append(
            RapportRij(
                recht_id=recht_id,
                naam=p.naam,
                niveau=info.niveau,
                status=NIET_GECONTROLEERD,
                gemeenten=gemeenten,
                aantal_gemeenten=aantal_gemeenten,
                testgevallen=tel_testgevallen(testgevallen, recht_id),
                nagekeken_op=None,
                na_te_kijken=False,
                oude_parameters=(),
                bronnen=(info.bron_url,) if info.bron_url else (),
                gearchiveerd=(),
            )
        )
    rijen.sort(key=lambda r: (repository.NIVEAUS.index(r.niveau), r.naam.lower(), r.recht_id))

    per_niveau = tuple(
        NiveauTelling(
            niveau,
            sum(1 for r in rijen if r.niveau == niveau and r.heeft_regels),
            sum(1 for r in rijen if r.niveau == niveau and not r.heeft_regels),
        )
        for niveau in repository.NIVEAUS
    )
    steden = sessie.scalars(
        select(GemeenteRij).where(GemeenteRij.centrumstad.is_(True)).order_by(GemeenteRij.naam)
    )
    centrumsteden = tuple(
        CentrumstadDekking(
            nis=g.nis,
            naam=g.naam,
            lokale_rechten=tuple(i for i, _ in lokaal_per_nis.get(g.nis, [])),
            getest=tuple(
                i for i, n in lokaal_per_nis.get(g.nis, []) if (n or 0) >= MIN_TESTGEVALLEN
            ),
        )
        for g in steden
    )
    return Dekkingsrapport(peildatum, tuple(rijen), per_niveau, centrumsteden)


__all__ = [
    "DOEL_PER_CENTRUMSTAD",
    "MAANDEN_GELDIG",
    "MAX_GEMEENTEN",
    "MET_REGELS",
    "MIN_TESTGEVALLEN",
    "NIET_GECONTROLEERD",
    "TESTGEVALLEN_MAP",
    "CentrumstadDekking",
    "Dekkingsrapport",
    "GearchiveerdProduct",
    "NiveauTelling",
    "OudeParameter",
    "RapportRij",
    "bronnen",
    "dekkingsrapport",
    "is_na_te_kijken",
    "jaar_eerder",
    "oude_parameters",
    "tel_testgevallen",
]
