"""Typed model of the vocabulary and validation of a profile against it."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.notatie import euro_afgerond


class Vrager(StrEnum):
    """Who may ask an attribute (``gevraagd_door`` in the vocabulary)."""

    CHAT = "chat"
    """The citizen's chat (and every flow that asks the citizen directly)."""
    BEGELEIDER = "begeleider"
    """A social worker or helpdesk worker who fills the profile with the person."""


ALLE_VRAGERS: frozenset[Vrager] = frozenset(Vrager)


class AttribuutType(StrEnum):
    BOOL = "bool"
    INT = "int"
    EURO = "euro"
    ENUM = "enum"
    GEMEENTE = "gemeente"


@dataclass(frozen=True)
class Rubriek:
    """A section of the guided form ("Wonen"); the vocabulary's order is the page's order."""

    sleutel: str
    titel: str
    volgorde: int


@dataclass(frozen=True)
class Attribuut:
    sleutel: str
    type: AttribuutType
    vraag: str
    waarom: str
    volgorde: int
    opties: Mapping[str, str] | None = None
    """Value -> button label. For bool the keys are ``"true"`` and ``"false"``."""
    min: float | None = None
    max: float | None = None
    eenheid: str | None = None
    gevoelig: bool = False
    kort: str | Mapping[str, str] | None = None
    """How the bot repeats an answer briefly ("67 jaar", "met een partner"): a text per
    option (bool, enum; for int per number, with ``anders`` for the rest), or a text with
    ``{waarde}``."""

    aannemelijk: tuple[float, float, bool] | None = None
    """(van, tot, nul): an answer outside [van, tot] (except 0 when ``nul``) is probably a
    typing error; the bot asks again with ``nagaan``."""
    nagaan: str | None = None
    """The friendly question back, with ``{waarde}``."""
    nee_is_nul: bool = False
    """ "nee", "geen", "ik sta er niet op" answers 0 (a count or a duration)."""
    over: str | None = None
    """Whose fact it is: ``persoon`` (only the person who answers: "mijn vader is 82" is
    not their age) or ``gezin`` (the person or their partner and children: "mijn dochter
    heeft een erkende handicap" counts, "mijn buurman stookt op mazout" does not)."""
    rubriek: str | None = None
    """The section of the guided form this question belongs to (a key of ``rubrieken``)."""
    gevraagd_door: frozenset[Vrager] = ALLE_VRAGERS
    """Who may ask it. Without ``chat`` the citizen's chat never asks it (willingness to
    work, property): only a social worker does, during the social investigation."""

    @property
    def chat_vraagt(self) -> bool:
        return Vrager.CHAT in self.gevraagd_door

    def is_aannemelijk(self, waarde: Any) -> bool:
        if self.aannemelijk is None or not isinstance(waarde, (int, float)):
            return True
        van, tot, nul = self.aannemelijk
        return (nul and waarde == 0) or van <= waarde <= tot

    def nagaan_tekst(self, waarde: Any) -> str | None:
        """ "Bent u echt 130 jaar? …", or None when the vocabulary has no such question."""
        if self.nagaan is None:
            return None
        if self.type is AttribuutType.EURO and isinstance(waarde, (int, float)):
            tekst = euro_afgerond(float(waarde))
        elif isinstance(waarde, float) and waarde.is_integer():
            tekst = str(int(waarde))
        else:
            tekst = str(waarde)
        return self.nagaan.replace("{waarde}", tekst)

    def kort_tekst(self, waarde: Any) -> str:
        """The answer in a few words, for "Genoteerd: …" and the overview."""
        if isinstance(waarde, bool):
            sleutel = "true" if waarde else "false"
        else:
            sleutel = (
                str(int(waarde))
                if isinstance(waarde, float) and waarde.is_integer()
                else (str(waarde))
            )
        sjabloon: str | None
        if isinstance(self.kort, Mapping):
            sjabloon = self.kort.get(sleutel) or self.kort.get("anders")
        else:
            sjabloon = self.kort
        if self.type is AttribuutType.EURO and isinstance(waarde, (int, float)):
            getal = euro_afgerond(float(waarde))
        elif self.opties and sleutel in self.opties:
            getal = self.opties[sleutel]
        else:
            getal = sleutel
        if sjabloon is None:
            return f"{self.vraag.rstrip('?')}: {getal}"
        return sjabloon.replace("{waarde}", getal)


class GroepSoort(StrEnum):
    SAMEN = "samen"
    """One open question for several attributes; what the answer leaves out is asked later."""
    AANKRUISEN = "aankruisen"
    """A list of yes/no situations: what the person names is yes, the rest no."""


@dataclass(frozen=True)
class GroepKnop:
    titel: str
    waarden: Mapping[str, Any]
    """Attribute -> value this button fills in (validated against the vocabulary)."""


@dataclass(frozen=True)
class Vraaggroep:
    """Several attributes asked in one question, so that the conversation is shorter.

    Asked only while at least two of its members are still open; otherwise each
    member gets its own question.
    """

    sleutel: str
    soort: GroepSoort
    vraag: str
    waarom: str
    leden: tuple[str, ...]
    labels: Mapping[str, str] = field(default_factory=dict)
    """For ``aankruisen``: member -> the button text of that situation."""
    knoppen: tuple[GroepKnop, ...] = ()
    """For ``samen``: buttons that fill in several members at once."""
    geen: str | None = None
    """For ``aankruisen``: the text of the button "none of these"."""
    eerst: bool = False
    """The opening question: asked first while none of its members is answered."""
    leeg_is_nee: frozenset[str] = frozenset()
    """For ``aankruisen``: the members that become "no" when not ticked (people surely
    recognise their label). The others stay unknown and are asked on their own."""


@dataclass(frozen=True)
class InkomensSchatting:
    """An income notion estimated as a range: ``van`` x a factor per kind of income."""

    van: str
    """The asked attribute the estimate starts from."""
    soort: str | None
    """The asked (enum) attribute that picks the factor; None: always ``onbekend``."""
    factor: Mapping[str, tuple[float, float, float]]
    """Kind of income (and ``onbekend``) -> (low, middle, high)."""


@dataclass(frozen=True)
class InkomensBegrip:
    naam: str
    omschrijving: str
    regel: Any
    """A fixed expression over asked attributes, or None for an estimate."""
    benaderd: bool
    uitleg_benadering: str | None = None
    schatting: InkomensSchatting | None = None
    precies: str | None = None
    """An asked attribute that gives this notion exactly; when known, no estimate."""


@dataclass(frozen=True)
class Veldfout:
    veld: str
    bericht: str


class ProfielFout(ValueError):
    """A profile does not fit the vocabulary. Messages are Dutch and name the field."""

    def __init__(self, fouten: list[Veldfout]):
        self.fouten = fouten
        super().__init__("; ".join(f"{f.veld}: {f.bericht}" for f in fouten))


GemeenteOplosser = Callable[[str], str]
"""Turns what a person typed (name, deelgemeente, NIS code) into a current NIS code.

Raises ``ValueError`` with a Dutch message when it cannot.
"""


@dataclass(frozen=True)
class Vocabulaire:
    attributen: Mapping[str, Attribuut]
    afgeleid: Mapping[str, Any] = field(default_factory=dict)
    """Derived attribute -> JSON Logic expression over asked attributes."""
    afgeleid_omschrijving: Mapping[str, str] = field(default_factory=dict)
    inkomen: Mapping[str, InkomensBegrip] = field(default_factory=dict)
    vraaggroepen: Mapping[str, Vraaggroep] = field(default_factory=dict)
    rubrieken: Mapping[str, Rubriek] = field(default_factory=dict)
    """The sections of the guided form, in the order of the page."""

    def groep_van(self, attribuut: str) -> Vraaggroep | None:
        """The question group this attribute belongs to, if any (at most one)."""
        return next((g for g in self.vraaggroepen.values() if attribuut in g.leden), None)

    def valideer_profiel(
        self, ruw: Mapping[str, Any], gemeente_oplosser: GemeenteOplosser | None = None
    ) -> dict[str, Any]:
        """Check and normalise a profile. ``None`` means "weet ik niet" and stays ``None``.

        Returns a new dict; raises :class:`ProfielFout` listing every bad field.
        """
        fouten: list[Veldfout] = []
        profiel: dict[str, Any] = {}
        for sleutel, waarde in ruw.items():
            attribuut = self.attributen.get(sleutel)
            if attribuut is None:
                fouten.append(Veldfout(sleutel, "Dit gegeven kennen we niet."))
                continue
            if waarde is None:
                profiel[sleutel] = None
                continue
            try:
                profiel[sleutel] = _normaliseer(attribuut, waarde, gemeente_oplosser)
            except ValueError as fout:
                fouten.append(Veldfout(sleutel, str(fout)))
        if fouten:
            raise ProfielFout(fouten)
        return profiel


def _normaliseer(
    attribuut: Attribuut, waarde: Any, gemeente_oplosser: GemeenteOplosser | None
) -> Any:
    match attribuut.type:
        case AttribuutType.BOOL:
            if not isinstance(waarde, bool):
                raise ValueError("Antwoord met ja (true) of nee (false).")
            return waarde
        case AttribuutType.INT:
            if isinstance(waarde, bool) or not isinstance(waarde, int):
                raise ValueError("Geef een geheel getal.")
            _controleer_bereik(attribuut, waarde)
            return waarde
        case AttribuutType.EURO:
            if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
                raise ValueError("Geef een bedrag in euro, als getal.")
            if not math.isfinite(waarde):
                raise ValueError("Geef een gewoon bedrag in euro.")
            _controleer_bereik(attribuut, waarde)
            return round(float(waarde), 2)
        case AttribuutType.ENUM:
            opties = attribuut.opties or {}
            if not isinstance(waarde, str) or waarde not in opties:
                keuzes = ", ".join(opties)
                raise ValueError(f"Kies een van deze waarden: {keuzes}.")
            return waarde
        case AttribuutType.GEMEENTE:
            if not isinstance(waarde, (str, int)) or isinstance(waarde, bool):
                raise ValueError("Geef de naam of de NIS-code van een gemeente.")
            tekst = str(waarde).strip()
            if not tekst:
                raise ValueError("Geef de naam of de NIS-code van een gemeente.")
            if gemeente_oplosser is None:
                if len(tekst) == 5 and tekst.isdigit():
                    return tekst
                raise ValueError("Geef de NIS-code van de gemeente (5 cijfers).")
            return gemeente_oplosser(tekst)
    raise ValueError("Onbekend type.")  # pragma: no cover - exhaustive match


def _controleer_bereik(attribuut: Attribuut, waarde: float) -> None:
    eenheid = f" {attribuut.eenheid}" if attribuut.eenheid else ""
    if attribuut.min is not None and waarde < attribuut.min:
        raise ValueError(f"De waarde moet minstens {_getal(attribuut.min)}{eenheid} zijn.")
    if attribuut.max is not None and waarde > attribuut.max:
        raise ValueError(f"De waarde mag hoogstens {_getal(attribuut.max)}{eenheid} zijn.")


def _getal(waarde: float) -> str:
    return str(int(waarde)) if float(waarde).is_integer() else str(waarde).replace(".", ",")
