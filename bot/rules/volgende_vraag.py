"""Choose the question whose answer decides the most still-open rights.

Only attributes that could still change an open right's outcome are candidates,
so a question that cannot change anything for this person is never asked.
Each open right weighs 1 plus its value at stake (euro per year / 1000); a
sensitive question (income, residence status) weighs a little less, so that it
comes after an equally useful neutral one. Ties follow the vocabulary's order.

Who and where come first: the opening group (the vocabulary's ``eerst``) while none
of its members is answered, and then the municipality on its own while it is unanswered
and still open: one answer settles every local right of every other municipality.

A question group (the vocabulary's ``vraaggroepen``) is one question for several
attributes: while two or more of its members are candidates, they compete as one
question worth the sum of their scores, and are asked together.

The citizen's chat never gets a question the vocabulary keeps for a social worker
(``gevraagd_door`` without ``chat``, :attr:`Catalogus.niet_in_chat`); a social worker's
flow asks for ``vrager=Vrager.BEGELEIDER`` and gets those too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.rules.model import Catalogus, RechtUitkomst, Status
from bot.vocabulary import Vrager

GEVOELIG_GEWICHT = 0.9
"""A sensitive question must decide a bit more than a neutral one to go first."""


@dataclass(frozen=True, slots=True)
class Vraag:
    attribuut: str
    """The first attribute the question asks (in the vocabulary's order)."""
    groep: str | None
    leden: tuple[str, ...]
    """Every attribute the question asks: the open members of the group, or one."""


def gewicht(uitkomst: RechtUitkomst) -> float:
    return 1.0 + uitkomst.waarde_per_jaar / 1000.0


def kies_volgende_vraag(
    uitkomsten: Iterable[RechtUitkomst],
    profiel: Mapping[str, Any],
    catalogus: Catalogus,
    *,
    met_opening: bool = True,
    vrager: Vrager = Vrager.CHAT,
) -> Vraag | None:
    """The question to ask next, or ``None`` when no answer can change a result.

    ``met_opening``: the opening group (who and where) comes first; not for a question
    about one right, which asks only what that right needs, in its order of weight.
    ``vrager``: who asks; the chat (the default) never gets an attribute of
    ``catalogus.niet_in_chat``.
    """
    verboden = catalogus.niet_in_chat if vrager is Vrager.CHAT else frozenset()
    mogelijk = [u for u in uitkomsten if u.status is Status.MOGELIJK]
    if met_opening:
        eerst = _wie_en_waar(mogelijk, profiel, catalogus, verboden)
        if eerst is not None:
            return eerst
    scores: dict[str, float] = {}
    for uitkomst in mogelijk:
        for attribuut in uitkomst.open_attributen:
            if attribuut in profiel or attribuut in verboden:  # answered, or not for the chat
                continue
            scores[attribuut] = scores.get(attribuut, 0.0) + gewicht(uitkomst)
    if not scores:
        return None
    volgorde = catalogus.vraagvolgorde
    for attribuut in scores:
        if attribuut in catalogus.gevoelige_attributen:
            scores[attribuut] *= GEVOELIG_GEWICHT

    def plaats(attribuut: str) -> int:
        return volgorde.get(attribuut, len(volgorde))

    kandidaten: list[tuple[float, int, Vraag]] = []
    in_groep: set[str] = set()
    for sleutel, alle_leden in catalogus.vraaggroepen.items():
        leden = tuple(sorted((a for a in alle_leden if a in scores), key=plaats))
        if len(leden) >= 2:
            in_groep.update(leden)
            score = sum(scores[a] for a in leden)
            kandidaten.append((-score, plaats(leden[0]), Vraag(leden[0], sleutel, leden)))
    for attribuut, score in scores.items():
        if attribuut not in in_groep:
            kandidaten.append((-score, plaats(attribuut), Vraag(attribuut, None, (attribuut,))))
    return min(kandidaten, key=lambda k: (k[0], k[1]))[2]


def _wie_en_waar(
    mogelijk: list[RechtUitkomst],
    profiel: Mapping[str, Any],
    catalogus: Catalogus,
    verboden: frozenset[str],
) -> Vraag | None:
    """The opening group's question while none of its members is answered, then the
    municipality while it is unanswered; each only when it can still change something."""
    groep = catalogus.openingsgroep
    opening = catalogus.vraaggroepen.get(groep or "", ())
    if not opening:
        return None
    if not any(a in profiel for a in opening):
        open_ = tuple(a for a in opening if a not in verboden and _ergens_open(mogelijk, a))
        if open_:
            return Vraag(open_[0], groep if len(open_) > 1 else None, open_)
        return None
    gemeente = "gemeente"
    if (
        gemeente in opening
        and gemeente not in profiel
        and gemeente not in verboden
        and _ergens_open(mogelijk, gemeente)
    ):
        return Vraag(gemeente, None, (gemeente,))
    return None


def _ergens_open(mogelijk: list[RechtUitkomst], attribuut: str) -> bool:
    """Whether the answer to ``attribuut`` could change one of these outcomes. What is
    open is worked out for as few rights as needed (the engine may leave it for later):
    first those where it is known, then those that read the attribute at all."""
    if any(attribuut in u.open_attributen for u in mogelijk if u.open_bekend):
        return True
    return any(
        attribuut in u.open_attributen
        for u in mogelijk
        if not u.open_bekend and attribuut in u.recht.invoer
    )


def hoogstens_nog(
    uitkomsten: Iterable[RechtUitkomst],
    profiel: Mapping[str, Any],
    catalogus: Catalogus,
    beantwoorde_groepen: Iterable[str] = (),
) -> int:
    """How many questions may still come, at most: for "hoeveel vragen nog?".

    Every unanswered attribute that a still open ("mogelijk") right reads, or a right it
    depends on reads, may still be asked; the members of a question group not yet asked
    count once. Never fewer than are then asked, if the person answers each question
    (an answer of a group that leaves members out can add a question). For the chat:
    attributes it never asks (``catalogus.niet_in_chat``) do not count.

    A group counts once only for the members that are candidates now (that is what the
    group question asks); a member that may matter only later is asked on its own then
    (the income group: first the amount, later the kind of income), so it counts alone.

    The bound assumes answers that agree with each other: a taxable income from the tax
    bill far from what the monthly income lets us estimate can open a right that was
    settled on the estimate (the document wins), and bring questions not counted here.
    The next turn's bound counts them.
    """
    uitkomsten = list(uitkomsten)
    te_doen = [u.recht for u in uitkomsten if u.status is Status.MOGELIJK]
    gezien: set[str] = set()
    open_: set[str] = set()
    vraagbaar = set(catalogus.vraagbare_attributen) - catalogus.niet_in_chat
    while te_doen:
        recht = te_doen.pop()
        if recht.id in gezien:
            continue
        gezien.add(recht.id)
        open_.update(a for a in recht.invoer if a in vraagbaar and a not in profiel)
        te_doen.extend(r for i in recht.afhankelijk_van if (r := catalogus.recht(i)) is not None)
    aantal = len(open_)
    nu = {
        a
        for u in uitkomsten
        if u.status is Status.MOGELIJK
        for a in u.open_attributen
        if a in open_
    }
    gevraagd = set(beantwoorde_groepen)
    for sleutel, leden in catalogus.vraaggroepen.items():
        samen = [a for a in leden if a in nu]
        if sleutel not in gevraagd and len(samen) >= 2:
            aantal -= len(samen) - 1
    return aantal
