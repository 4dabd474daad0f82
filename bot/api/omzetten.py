"""Turn engine and vocabulary objects into API models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.api.schemas import (
    AttribuutUit,
    EvaluatieAntwoord,
    Optie,
    RechtUitkomstUit,
    UitlegRegel,
    VolgendeVraag,
)
from bot.rules import Evaluatie, RechtUitkomst, VoorwaardeUitkomst
from bot.vocabulary import Attribuut, AttribuutType

if TYPE_CHECKING:
    from bot.diensten import Diensten


def opties_uit(attribuut: Attribuut) -> list[Optie] | None:
    if not attribuut.opties:
        return None
    if attribuut.type is AttribuutType.BOOL:
        return [Optie(waarde=w == "true", label=label) for w, label in attribuut.opties.items()]
    return [Optie(waarde=w, label=label) for w, label in attribuut.opties.items()]


def attribuut_uit(attribuut: Attribuut) -> AttribuutUit:
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
    )


def _uitleg(v: VoorwaardeUitkomst) -> UitlegRegel:
    return UitlegRegel(
        tekst=v.tekst, status=v.status.value, onderdelen=[_uitleg(o) for o in v.onderdelen]
    )


def uitkomst_uit(uitkomst: RechtUitkomst, diensten: Diensten) -> RechtUitkomstUit:
    recht = uitkomst.recht
    info = diensten.rechtteksten.get(recht.id)
    benaderingen = list(dict.fromkeys(b for v in uitkomst.voorwaarden for b in v.benaderingen))
    return RechtUitkomstUit(
        id=recht.id,
        naam=recht.naam,
        niveau=recht.niveau,
        status=uitkomst.status.value,
        uitleg=[_uitleg(v) for v in uitkomst.voorwaarden],
        benaderingen=benaderingen,
        bedrag=uitkomst.bedrag,
        bedrag_tekst=uitkomst.bedrag_tekst,
        aanvragen=recht.aanvragen or (info.aanvragen if info else None),
        bewijsstukken=info.bewijsstukken if info else None,
        bron_url=recht.bron_url,
    )


def evaluatie_uit(evaluatie: Evaluatie, diensten: Diensten) -> EvaluatieAntwoord:
    volgende = None
    if evaluatie.volgende_vraag is not None:
        attribuut = diensten.vocabulaire.attributen[evaluatie.volgende_vraag]
        volgende = VolgendeVraag(
            attribuut=attribuut.sleutel,
            vraag=attribuut.vraag,
            waarom=attribuut.waarom,
            opties=opties_uit(attribuut),
        )
    return EvaluatieAntwoord(
        datum=evaluatie.peildatum,
        rechten=[uitkomst_uit(u, diensten) for u in evaluatie.uitkomsten],
        volgende_vraag=volgende,
        open_rechten=list(evaluatie.open_rechten),
    )
