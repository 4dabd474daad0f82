"""Turn engine and vocabulary objects into API models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.api.schemas import AttribuutUit, Optie, RubriekUit
from bot.rules import Evaluatie, RechtUitkomst, Status, VoorwaardeUitkomst
from bot.vocabulary import Attribuut, AttribuutType, Vocabulaire, Vrager

if TYPE_CHECKING:
    from bot.diensten import Diensten


def opties_uit(attribuut: Attribuut) -> list[Optie] | None:
    if not attribuut.opties:
        return None
    if attribuut.type is AttribuutType.BOOL:
        return [Optie(waarde=w == "true", label=label) for w, label in attribuut.opties.items()]
    return [Optie(waarde=w, label=label) for w, label in attribuut.opties.items()]


def attribuut_uit(attribuut: Attribuut, vocabulaire: Vocabulaire) -> AttribuutUit:
    rubriek = vocabulaire.rubrieken.get(attribuut.rubriek or "")
    return AttribuutUit(
        sleutel=attribuut.sleutel,
        type=attribuut.type.value,
        vraag=attribuut.vraag,
        waarom=attribuut.waarom,
        opties=opties_uit(attribuut),
        min=attribuut.min,
        max=attribuut.max,
        eenheid=attribuut.eenheid,
        gevoelig=attribuut.gevoelig,
        gevraagd_door=[v.value for v in Vrager if v in attribuut.gevraagd_door],
        rubriek=None
        if rubriek is None
        else RubriekUit(sleutel=rubriek.sleutel, titel=rubriek.titel, volgorde=rubriek.volgorde),
    )


def _uitleg(v: VoorwaardeUitkomst) -> dict[str, Any]:
    return {
        "tekst": v.tekst,
        "status": v.status.value,
        "onderdelen": [_uitleg(o) for o in v.onderdelen],
        "opmerkingen": list(v.opmerkingen),
        "na_te_gaan": v.na_te_gaan,
    }


def _opties_json(attribuut: Attribuut) -> list[dict[str, Any]] | None:
    opties = opties_uit(attribuut)
    return None if opties is None else [o.model_dump() for o in opties]


def _groep_json(evaluatie: Evaluatie, diensten: Diensten) -> dict[str, Any] | None:
    if evaluatie.volgende_groep is None:
        return None
    groep = diensten.vocabulaire.vraaggroepen[evaluatie.volgende_groep]
    leden = evaluatie.volgende_leden
    return {
        "sleutel": groep.sleutel,
        "soort": groep.soort.value,
        "vraag": groep.vraag,
        "waarom": groep.waarom,
        "leden": list(leden),
        "labels": {a: t for a, t in groep.labels.items() if a in leden},
        "knoppen": [{"titel": k.titel, "waarden": dict(k.waarden)} for k in groep.knoppen],
        "geen": groep.geen,
    }


def uitkomst_json(uitkomst: RechtUitkomst, diensten: Diensten) -> dict[str, Any]:
    """One right's outcome in the shape of :class:`RechtUitkomstUit`.

    The engine hands out the same immutable outcome object for the same inputs, so its
    JSON form is kept beside it (see :meth:`Diensten.json_van`).
    """
    return diensten.json_van(uitkomst, _uitkomst_json)


def _uitkomst_json(uitkomst: RechtUitkomst, diensten: Diensten) -> dict[str, Any]:
    recht = uitkomst.recht
    info = diensten.rechtteksten.get(recht.id)
    kans = uitkomst.status in (Status.WAARSCHIJNLIJK, Status.MOGELIJK)
    benaderingen = list(dict.fromkeys(b for v in uitkomst.voorwaarden for b in v.benaderingen))
    return {
        "id": recht.id,
        "naam": recht.naam,
        "niveau": recht.niveau,
        "status": uitkomst.status.value,
        "uitleg": [_uitleg(v) for v in uitkomst.voorwaarden],
        "benaderingen": benaderingen,
        "reden": uitkomst.reden.tekst if uitkomst.reden else None,
        "opmerkingen": list(
            dict.fromkeys(o for v in uitkomst.voorwaarden for o in v.alle_opmerkingen())
        ),
        "via": list(uitkomst.via_rechten),
        "verouderd": [
            {"parameter": v.parameter, "sinds": v.sinds.isoformat(), "tekst": v.tekst}
            for v in uitkomst.verouderd
        ],
        "bedrag": uitkomst.bedrag,
        "bedrag_tekst": uitkomst.bedrag_tekst,
        # how to apply only matters where the right may apply
        "aanvragen": (recht.aanvragen or (info.aanvragen if info else None)) if kans else None,
        # what to bring: only for rights that probably apply (GET /rechten/{id} has it all)
        "bewijsstukken": (info.bewijsstukken if info else None)
        if uitkomst.status is Status.WAARSCHIJNLIJK
        else None,
        "bron_url": recht.bron_url,
    }


def evaluatie_json(evaluatie: Evaluatie, diensten: Diensten) -> dict[str, Any]:
    """The answer in the shape of :class:`EvaluatieAntwoord`, as plain JSON data.

    Built directly (not as pydantic models) because this is the hot path: validating
    30 rights with their explanations twice cost more than evaluating them. A test
    checks that the result validates against the documented model.
    """
    volgende = None
    if evaluatie.volgende_vraag is not None:
        attribuut = diensten.vocabulaire.attributen[evaluatie.volgende_vraag]
        volgende = {
            "attribuut": attribuut.sleutel,
            "vraag": attribuut.vraag,
            "waarom": attribuut.waarom,
            "opties": _opties_json(attribuut),
            "groep": _groep_json(evaluatie, diensten),
        }
    return {
        "datum": evaluatie.peildatum.isoformat(),
        "rechten": [uitkomst_json(u, diensten) for u in evaluatie.uitkomsten],
        "volgende_vraag": volgende,
        "open_rechten": list(evaluatie.open_rechten),
    }
