"""Build the engine's catalogue from rule-file contents: check, compile, order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import itemgetter
from typing import Any

from bot.rules.logica import (
    Constante,
    Knoop,
    UitdrukkingFout,
    Vertaler,
    herhaalde_uitdrukkingen,
)
from bot.rules.model import (
    Bedrag,
    Catalogus,
    GedateerdeWaarden,
    Indexering,
    Parameter,
    Recht,
    Voorwaarde,
)
from bot.rules.schema import valideer_regelbestand
from bot.rules.waarheid import ONBEKEND
from bot.vocabulary import AttribuutType, Vocabulaire


class RegelFout(ValueError):
    """A rule file is wrong. The message is Dutch and names the right and the field."""

    def __init__(self, bericht: str, recht_id: str | None = None, pad: Sequence[str | int] = ()):
        self.bericht = bericht
        self.recht_id = recht_id
        self.pad = tuple(pad)
        waar = ".".join(str(p) for p in self.pad)
        prefix = f"recht '{recht_id}'" if recht_id else "catalogus"
        super().__init__(f"{prefix}{', veld ' + waar if waar else ''}: {bericht}")


@dataclass(frozen=True)
class ProductZonderRegels:
    """A catalogue product that has no machine-readable rules (yet)."""

    id: str
    naam: str
    niveau: str
    bron_url: str
    product: str | None = None
    gemeenten: frozenset[str] | None = None
    thema: tuple[str, ...] = ()
    samenvatting: str | None = None


def bouw_catalogus(
    regelbestanden: Sequence[Mapping[str, Any]],
    vocabulaire: Vocabulaire,
    *,
    zonder_regels: Sequence[ProductZonderRegels] = (),
    gemeentenamen: Mapping[str, str] | None = None,
) -> Catalogus:
    """Check every rule file, compile its expressions and order rights by dependency.

    Raises :class:`RegelFout` for the first problem: a schema error, an unknown
    attribute, parameter or right, or a cycle between rights.
    """
    for data in regelbestanden:
        fouten = valideer_regelbestand(data)
        if fouten:
            recht_id = data.get("id") if isinstance(data, Mapping) else None
            raise RegelFout(
                fouten[0].bericht, recht_id if isinstance(recht_id, str) else None, fouten[0].pad
            )

    per_id: dict[str, Mapping[str, Any]] = {}
    for data in regelbestanden:
        if data["id"] in per_id:
            raise RegelFout("Dit id komt twee keer voor.", data["id"], ("id",))
        per_id[data["id"]] = data
    for product in zonder_regels:
        if product.id in per_id:
            raise RegelFout("Er is al een recht met dit id.", product.id, ("id",))

    volgorde = _volgorde_zonder_kringen(per_id)
    ids = frozenset(per_id)
    geheugens: dict[str, _Geheugens] = {}
    rechten = [
        _bouw_recht(per_id[i], vocabulaire, ids, gemeentenamen or {}, geheugens) for i in volgorde
    ]
    rechten += [_ongecontroleerd(p, gemeentenamen or {}) for p in zonder_regels]

    eerste_datums = [
        w.vanaf[0]
        for r in rechten
        for p in r.parameters.values()
        for w in (p.waarden, *p.per_gemeente.values())
    ]
    return Catalogus(
        rechten=tuple(rechten),
        vraagbare_attributen=tuple(vocabulaire.attributen),
        gevoelige_attributen=frozenset(k for k, a in vocabulaire.attributen.items() if a.gevoelig),
        niet_in_chat=frozenset(k for k, a in vocabulaire.attributen.items() if not a.chat_vraagt),
        vraaggroepen={k: g.leden for k, g in vocabulaire.vraaggroepen.items()},
        eerste_peildatum=max(eerste_datums) if eerste_datums else None,
        openingsgroep=next((k for k, g in vocabulaire.vraaggroepen.items() if g.eerst), None),
        keuzes=_keuzes(vocabulaire),
    )


def _keuzes(vocabulaire: Vocabulaire) -> dict[str, tuple[Any, ...]]:
    """Every answer a yes/no or choice attribute can get."""
    keuzes: dict[str, tuple[Any, ...]] = {}
    for sleutel, attribuut in vocabulaire.attributen.items():
        if attribuut.type is AttribuutType.BOOL:
            keuzes[sleutel] = (True, False)
        elif attribuut.type is AttribuutType.ENUM and attribuut.opties:
            keuzes[sleutel] = tuple(attribuut.opties)
    return keuzes


def _rechtverwijzingen(uitdrukking: Any) -> Iterator[str]:
    if isinstance(uitdrukking, dict):
        for op, args in uitdrukking.items():
            if op == "recht" and isinstance(args, str):
                yield args
            else:
                yield from _rechtverwijzingen(args)
    elif isinstance(uitdrukking, list):
        for a in uitdrukking:
            yield from _rechtverwijzingen(a)


def _volgorde_zonder_kringen(per_id: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Rights in an order where dependencies come first; a cycle is an error."""
    afhankelijk = {
        i: list(dict.fromkeys(_rechtverwijzingen([data.get("voorwaarden"), data.get("bedrag")])))
        for i, data in per_id.items()
    }
    volgorde: list[str] = []
    klaar: set[str] = set()
    pad: list[str] = []

    def bezoek(i: str) -> None:
        if i in klaar:
            return
        if i in pad:
            kring = " → ".join([*pad[pad.index(i) :], i])
            raise RegelFout(f"Rechten verwijzen in een kring naar elkaar: {kring}.", i)
        pad.append(i)
        for j in afhankelijk[i]:
            if j not in per_id:
                raise RegelFout(
                    f"Verwijst naar recht '{j}', dat niet bestaat.", i, ("voorwaarden",)
                )
            bezoek(j)
        pad.pop()
        klaar.add(i)
        volgorde.append(i)

    for i in per_id:
        bezoek(i)
    return volgorde


def _datums(lijst: Sequence[Mapping[str, Any]]) -> GedateerdeWaarden:
    paren = sorted((date.fromisoformat(str(w["vanaf"])), w["waarde"]) for w in lijst)
    return GedateerdeWaarden(tuple(d for d, _ in paren), tuple(w for _, w in paren))


def _bouw_recht(
    data: Mapping[str, Any],
    vocabulaire: Vocabulaire,
    ids: frozenset[str],
    gemeentenamen: Mapping[str, str],
    geheugens: dict[str, _Geheugens] | None = None,
) -> Recht:
    """``geheugens``: the memos of conditions without parameters, by their definition in
    the rule file, shared by the rights that have the same condition (see _gedeeld)."""
    recht_id = data["id"]
    parameters: dict[str, Parameter] = {}
    for naam, p in (data.get("parameters") or {}).items():
        try:
            parameters[naam] = Parameter(
                naam=naam,
                omschrijving=p["omschrijving"],
                bron=p["bron"],
                eenheid=p.get("eenheid"),
                waarden=_datums(p["waarden"]),
                per_gemeente={nis: _datums(w) for nis, w in (p.get("per_gemeente") or {}).items()},
                indexering=_indexering(p.get("indexering")),
            )
        except ValueError as fout:
            raise RegelFout(f"Ongeldige datum: {fout}.", recht_id, ("parameters", naam)) from None
        soorten = {
            isinstance(w, list)
            for g in (p["waarden"], *(p.get("per_gemeente") or {}).values())
            for w in (x["waarde"] for x in g)
        }
        if len(soorten) > 1:
            raise RegelFout(
                "Alle waarden zijn getallen, of alle waarden zijn lijsten.",
                recht_id,
                ("parameters", naam),
            )

    tabellen = {naam: isinstance(p.waarden.waarden[0], list) for naam, p in parameters.items()}
    vertaler_basis = dict(
        attributen=frozenset(vocabulaire.attributen),
        afgeleid=vocabulaire.afgeleid,
        inkomen=vocabulaire.inkomen,
        parameters=tabellen,
        rechten=ids - {recht_id},
        herhaald=herhaalde_uitdrukkingen(_regels(data["voorwaarden"])),
        herhaalde_knopen={},
    )
    gebruikt: set[str] = set()
    gelezen: set[str] = set()
    lokaal = frozenset(n for n, p in parameters.items() if p.per_gemeente)

    def vertaal(uitdrukking: Any, pad: tuple[str | int, ...]) -> tuple[Knoop, Vertaler]:
        vertaler = Vertaler(**vertaler_basis)
        try:
            knoop = vertaler.vertaal(uitdrukking)
        except UitdrukkingFout as fout:
            raise RegelFout(fout.bericht, recht_id, (*pad, *fout.pad)) from None
        gebruikt.update(vertaler.gebruikte_rechten)
        gelezen.update(vertaler.gebruikte_attributen)
        if vertaler.gebruikte_parameters & lokaal:
            gelezen.add("gemeente")
        return knoop, vertaler

    def voorwaarde(v: Mapping[str, Any], pad: tuple[str | int, ...]) -> Voorwaarde:
        gemaakt = _voorwaarde(v, pad)
        return gemaakt if geheugens is None else _gedeeld(gemaakt, v, geheugens)

    def _voorwaarde(v: Mapping[str, Any], pad: tuple[str | int, ...]) -> Voorwaarde:
        kern = bool(v.get("kern", False))
        if "een_van" in v:
            onderdelen = tuple(
                voorwaarde(o, (*pad, "een_van", i)) for i, o in enumerate(v["een_van"])
            )
            # a group's approximation notes come from the parts that decide it, per evaluation
            return Voorwaarde(
                v["id"],
                v["tekst"],
                v.get("niet_tekst"),
                v.get("bron"),
                None,
                onderdelen,
                kern=kern,
                parameters=tuple(sorted({p for o in onderdelen for p in o.parameters})),
                rechten=frozenset().union(*(o.rechten for o in onderdelen)),
                attributen=frozenset().union(*(o.attributen for o in onderdelen)),
                dynamisch=any(o.dynamisch for o in onderdelen),
                invoer=tuple(sorted({a for o in onderdelen for a in o.attributen})),
            )
        if v.get("na_te_gaan"):
            # cannot be asked: always unknown, so the right is at most "mogelijk"
            return Voorwaarde(
                v["id"],
                v["tekst"],
                v.get("niet_tekst"),
                v.get("bron"),
                Constante(ONBEKEND),
                dynamisch=False,
                kern=kern,
                na_te_gaan=True,
            )
        knoop, vertaler = vertaal(v["regel"], (*pad, "regel"))
        attributen = set(vertaler.gebruikte_attributen)
        if vertaler.gebruikte_parameters & lokaal:
            attributen.add("gemeente")
        return Voorwaarde(
            v["id"],
            v["tekst"],
            v.get("niet_tekst"),
            v.get("bron"),
            knoop,
            (),
            tuple(vertaler.benaderingen),
            attributen=frozenset(attributen),
            invoer=tuple(sorted(attributen)),
            dynamisch=bool(vertaler.gebruikte_rechten),
            kern=kern,
            na_te_gaan=vertaler.na_te_gaan,
            parameters=tuple(sorted(vertaler.gebruikte_parameters)),
            rechten=frozenset(vertaler.gebruikte_rechten),
        )

    voorwaarden = [voorwaarde(v, ("voorwaarden", i)) for i, v in enumerate(data["voorwaarden"])]
    gemeenten = frozenset(data["gemeenten"]) if data.get("gemeenten") else None
    if gemeenten is not None:
        voorwaarden.insert(0, _gemeentevoorwaarde(gemeenten, gemeentenamen))
        gelezen.add("gemeente")
    krijgt_al = data.get("krijgt_al")
    if krijgt_al is not None:
        attribuut = vocabulaire.attributen.get(krijgt_al)
        if attribuut is None or attribuut.type is not AttribuutType.BOOL:
            raise RegelFout(
                f"'{krijgt_al}' is geen ja/nee-attribuut van de woordenlijst.",
                recht_id,
                ("krijgt_al",),
            )
    bedrag = None
    if data.get("bedrag"):
        knoop, bedrag_vertaler = vertaal(data["bedrag"]["regel"], ("bedrag", "regel"))
        bedrag = Bedrag(
            data["bedrag"]["per"],
            knoop,
            data["bedrag"]["tekst"],
            frozenset(bedrag_vertaler.gebruikte_parameters),
        )

    invoer = tuple(sorted(gelezen))
    afhankelijk = tuple(sorted(gebruikt))
    return Recht(
        id=recht_id,
        naam=data["naam"],
        niveau=data["niveau"],
        bron_url=data["bron_url"],
        product=data.get("product"),
        gemeenten=gemeenten,
        voorwaarden=tuple(_met_sleutel(v, invoer, afhankelijk) for v in voorwaarden),
        heeft_regels=True,
        parameters=parameters,
        bedrag=bedrag,
        waarde_per_jaar=data.get("waarde_per_jaar"),
        automatisch=data.get("automatisch"),
        samenvatting=data.get("samenvatting"),
        aanvragen=data.get("aanvragen"),
        krijgt_al=krijgt_al,
        synoniemen=tuple(data.get("synoniemen") or ()),
        zoektermen=tuple(data.get("zoektermen") or ()),
        voor_wie=tuple(data.get("voor_wie") or ()),
        thema=tuple(data.get("thema") or ()),
        afhankelijk_van=frozenset(gebruikt),
        afhankelijk_volgorde=afhankelijk,
        lokale_parameters=lokaal,
        invoer=invoer,
    )


_Geheugens = tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]
"""A condition's memos: ``geheugen``, ``open_geheugen`` and ``uitkomsten``."""


def _gedeeld(
    voorwaarde: Voorwaarde, definitie: Mapping[str, Any], geheugens: dict[str, _Geheugens]
) -> Voorwaarde:
    """The condition with the memos of the same condition in rights built before, when it
    reads no parameter. Its outcome then depends only on its definition, the answers it
    reads and the outcomes of the rights it reads, and its memo key holds exactly those
    in an order of its own (``_met_sleutel``): so several local rights made from one
    regulation work such a condition out once per answer."""
    if voorwaarde.parameters:
        return voorwaarde
    vorm = json.dumps(definitie, sort_keys=True, ensure_ascii=False, default=str)
    gevonden = geheugens.setdefault(
        vorm, (voorwaarde.geheugen, voorwaarde.open_geheugen, voorwaarde.uitkomsten)
    )
    if gevonden[0] is voorwaarde.geheugen:
        return voorwaarde
    return replace(
        voorwaarde, geheugen=gevonden[0], open_geheugen=gevonden[1], uitkomsten=gevonden[2]
    )


def _met_sleutel(
    voorwaarde: Voorwaarde, invoer: tuple[str, ...], afhankelijk: tuple[str, ...]
) -> Voorwaarde:
    """The condition (and its parts) with the memo key it picks from its right's key:
    ``(parameter number, *answers to invoer, *(truth, open) per right of afhankelijk)``."""
    posities = [0] if voorwaarde.parameters else []
    posities += [1 + invoer.index(a) for a in voorwaarde.invoer]
    for r in voorwaarde.rechten_volgorde:
        i = 1 + len(invoer) + 2 * afhankelijk.index(r)
        posities += [i, i + 1]
    sleutel: Callable[[tuple[Any, ...]], Any] = itemgetter(*posities) if posities else _leeg
    return replace(
        voorwaarde,
        een_van=tuple(_met_sleutel(o, invoer, afhankelijk) for o in voorwaarde.een_van),
        sleutel=sleutel,
    )


def _leeg(_: tuple[Any, ...]) -> tuple[Any, ...]:
    """The memo key of a condition that reads nothing (it has one outcome)."""
    return ()


def _indexering(data: Mapping[str, Any] | None) -> Indexering | None:
    if not data:
        return None
    volgende = data.get("volgende")
    return Indexering(
        marge_per_jaar=float(data["marge_per_jaar"]),
        basis=" ".join(str(data["basis"]).split()),
        volgende=date.fromisoformat(str(volgende)) if volgende else None,
    )


def _gemeentevoorwaarde(gemeenten: frozenset[str], namen: Mapping[str, str]) -> Voorwaarde:
    """The implicit first condition of a local right: you live in one of its municipalities."""
    genoemd = sorted(namen.get(nis, nis) for nis in gemeenten)
    waar = genoemd[0] if len(genoemd) == 1 else ", ".join(genoemd[:-1]) + " of " + genoemd[-1]
    vertaler = Vertaler(frozenset(["gemeente"]), {}, {}, {}, frozenset())
    knoop = vertaler.vertaal({"in": [{"var": "gemeente"}, sorted(gemeenten)]})
    return Voorwaarde(
        id="gemeente",
        tekst=f"U woont in {waar}.",
        niet_tekst=f"Dit recht geldt alleen voor inwoners van {waar}.",
        bron=None,
        regel=knoop,
        attributen=frozenset(["gemeente"]),
        invoer=("gemeente",),
        dynamisch=False,
    )


def _ongecontroleerd(product: ProductZonderRegels, namen: Mapping[str, str]) -> Recht:
    voorwaarden = ()
    if product.gemeenten:
        voorwaarden = (
            _met_sleutel(_gemeentevoorwaarde(product.gemeenten, namen), ("gemeente",), ()),
        )
    return Recht(
        id=product.id,
        naam=product.naam,
        niveau=product.niveau,
        bron_url=product.bron_url,
        product=product.product,
        gemeenten=product.gemeenten,
        voorwaarden=voorwaarden,
        heeft_regels=False,
        samenvatting=product.samenvatting,
        thema=product.thema,
        invoer=("gemeente",) if product.gemeenten else (),
    )


def _regels(voorwaarden: Sequence[Mapping[str, Any]]) -> list[Any]:
    """Every expression of these conditions and of their groups' parts."""
    return [
        r
        for v in voorwaarden
        for r in ([v["regel"]] if "regel" in v else _regels(v.get("een_van") or ()))
    ]
