"""Urgent situations: recognise them in a message and say first where to go now.

No place to sleep tonight, no food, violence or abuse, thoughts of suicide, eviction, cut-off
energy or water. The keywords, the texts and the help lines (with the public page each
number comes from) live in ``bot/vocabulary/noodhulp.yaml``; this module reads and checks
that file and builds the answer, with the OCMW or Sociaal Huis of the place where the
person is (from ``catalogus/contactpunten.yaml`` through the database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.catalogue.repository import Contact, Contactpunten
from bot.chat.gegevens import fout_op, lees_gegevens
from bot.chat.herkennen import TrefwoordFout, Trefwoordregel, lees_regel, woorden_van

STANDAARD_PAD = Path(__file__).resolve().parents[1] / "vocabulary" / "noodhulp.yaml"
OCMW = "ocmw"
"""The help item that is the OCMW or Sociaal Huis of the place (not a line in the file)."""

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")]
Sleutel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
_PLAATSHOUDER = re.compile(r"\{([^{}]*)\}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hulplijn(_Model):
    """A number or service to name, with the sentence the chat says about it."""

    naam: Tekst
    zin: Tekst
    """What the chat says, e.g. "Denkt u aan zelfdoding? Bel gratis 1813 ..."."""
    telefoon: Tekst | None = None
    """The number; the file check asks that ``zin`` names it."""
    website: Url | None = None
    bron_url: Url
    """The public page the number and the facts in ``zin`` come from."""


class OcmwTeksten(_Model):
    """How the chat names the OCMW or Sociaal Huis. ``{gemeente}`` is the municipality,
    ``{ocmw}`` the name of its office (from the contact file) or "het OCMW of Sociaal Huis
    van <gemeente>"."""

    gemeente_bekend: Tekst
    woonplaats_niet_zeker: Tekst
    """The place is only known as the municipality where the person lives (or lived):
    for someone without a home, the office of the place where he is now is the one."""
    waar_u_nu_bent: Tekst
    uw_gemeente: Tekst


class Situatie(_Model):
    naam: Tekst
    herkennen: list[Tekst] = Field(min_length=1)
    """Keyword lines (see ``bot.chat.herkennen``): one that fits is enough."""
    behalve: list[Tekst] = []
    """Keyword lines that cancel the situation ("geen honger")."""
    zeg: Tekst
    hulp: list[Sleutel] = Field(min_length=1)
    """What to name, in order: ``ocmw`` or a key of ``hulplijnen``."""
    plaats: Literal["waar_u_nu_bent", "woonplaats"] = "woonplaats"
    """Whose OCMW: of the place where the person is now, or of where he lives."""
    elke_keer: bool = False
    """Say it at every message that fits, not once per conversation."""


class NoodhulpBestand(_Model):
    hulplijnen: dict[Sleutel, Hulplijn] = Field(min_length=1)
    ocmw: OcmwTeksten
    slot: Tekst
    """The last sentence: the conversation goes on."""
    situaties: dict[Sleutel, Situatie] = Field(min_length=1)


@dataclass(frozen=True)
class Herkenning:
    sleutel: str
    situatie: Situatie
    regels: tuple[Trefwoordregel, ...]
    uitzonderingen: tuple[Trefwoordregel, ...]

    def past(self, woorden: list[str]) -> bool:
        return any(r.past(woorden) for r in self.regels) and not any(
            r.past(woorden) for r in self.uitzonderingen
        )


@dataclass(frozen=True)
class Plaats:
    """Where the person is: the municipality, and whether the message said so."""

    nis: str
    gemeente: str
    uit_bericht: bool


@dataclass(frozen=True)
class Noodhulp:
    """The checked file: recognise situations (:meth:`herken`), answer them (:meth:`bericht`)."""

    bestand: NoodhulpBestand
    herkenningen: tuple[Herkenning, ...]

    def herken(self, tekst: str) -> list[str]:
        """The keys of the situations in ``tekst``, in the order of the file."""
        woorden = woorden_van(tekst)
        return [h.sleutel for h in self.herkenningen if h.past(woorden)]

    def situatie(self, sleutel: str) -> Situatie:
        return self.bestand.situaties[sleutel]

    def bericht(
        self, sleutels: list[str], plaats: Plaats | None, contactpunten: Contactpunten
    ) -> str:
        """One answer for the situations ``sleutels``: what each is, where to go now (each
        help item once), and that the conversation goes on."""
        situaties = [self.bestand.situaties[s] for s in sleutels]
        regels = [s.zeg for s in situaties]
        gezien: list[str] = []
        for s in situaties:
            gezien += [h for h in s.hulp if h not in gezien]
        waar_u_nu_bent = any(s.plaats == "waar_u_nu_bent" for s in situaties)
        for hulp in gezien:
            if hulp == OCMW:
                regels.append("- " + self._ocmw(plaats, waar_u_nu_bent, contactpunten))
            else:
                regels.append("- " + self.bestand.hulplijnen[hulp].zin)
        regels.append(self.bestand.slot)
        return "\n".join(regels)

    def _ocmw(self, plaats: Plaats | None, waar_u_nu_bent: bool, contacten: Contactpunten) -> str:
        teksten = self.bestand.ocmw
        if plaats is None:
            return teksten.waar_u_nu_bent if waar_u_nu_bent else teksten.uw_gemeente
        contact = contacten.voor(plaats.nis)
        ocmw = contact.naam if contact else f"het OCMW of Sociaal Huis van {plaats.gemeente}"
        sjabloon = (
            teksten.woonplaats_niet_zeker
            if waar_u_nu_bent and not plaats.uit_bericht
            else teksten.gemeente_bekend
        )
        zin = sjabloon.format(gemeente=plaats.gemeente, ocmw=ocmw)
        return " ".join([zin, *_gegevens(contact)])


def _gegevens(contact: Contact | None) -> list[str]:
    """Address, phone, opening hours and website of the office, as far as the contact file
    has them."""
    if contact is None:
        return []
    delen = []
    if contact.adres:
        delen.append(f"Adres: {contact.adres}.")
    if contact.telefoon:
        delen.append(f"Telefoon: {contact.telefoon}.")
    if contact.openingsuren:
        delen.append(f"Openingsuren: {contact.openingsuren.rstrip('.')}.")
    if contact.website:
        delen.append(f"Website: {contact.website}")
    return delen


def _controleer(bestand: NoodhulpBestand, pad: Path, regels: dict) -> tuple[Herkenning, ...]:
    """The checks the schema cannot do; every problem names the line."""
    for sleutel, lijn in bestand.hulplijnen.items():
        if lijn.telefoon and lijn.telefoon not in lijn.zin:
            raise fout_op(
                pad,
                regels,
                ("hulplijnen", sleutel, "zin"),
                f"De zin noemt het nummer {lijn.telefoon} niet. Zet het nummer in de zin, "
                "zoals de persoon het moet bellen.",
            )
    for veld, sjabloon in bestand.ocmw.model_dump().items():
        onbekend = set(_PLAATSHOUDER.findall(sjabloon)) - {"gemeente", "ocmw"}
        if onbekend:
            raise fout_op(
                pad,
                regels,
                ("ocmw", veld),
                f"Onbekende plaatshouder {{{sorted(onbekend)[0]}}}. Gebruik alleen "
                "{gemeente} en {ocmw}.",
            )
    herkenningen = []
    for sleutel, situatie in bestand.situaties.items():
        for i, hulp in enumerate(situatie.hulp):
            if hulp != OCMW and hulp not in bestand.hulplijnen:
                raise fout_op(
                    pad,
                    regels,
                    ("situaties", sleutel, "hulp", i),
                    f"'{hulp}' is geen hulplijn uit 'hulplijnen' en niet 'ocmw'. Kies uit: "
                    + ", ".join([OCMW, *bestand.hulplijnen])
                    + ".",
                )
        gelezen: dict[str, list[Trefwoordregel]] = {"herkennen": [], "behalve": []}
        for veld, lijst in (("herkennen", situatie.herkennen), ("behalve", situatie.behalve)):
            for i, regel in enumerate(lijst):
                try:
                    gelezen[veld].append(lees_regel(regel))
                except TrefwoordFout as fout:
                    raise fout_op(pad, regels, ("situaties", sleutel, veld, i), str(fout)) from None
        herkenningen.append(
            Herkenning(sleutel, situatie, tuple(gelezen["herkennen"]), tuple(gelezen["behalve"]))
        )
    return tuple(herkenningen)


def laad_noodhulp(pad: Path = STANDAARD_PAD) -> Noodhulp:
    """Read and check ``noodhulp.yaml``; :class:`ChatGegevensFout` names file and line."""
    bestand, regels = lees_gegevens(pad, NoodhulpBestand)
    return Noodhulp(bestand, _controleer(bestand, pad, regels))
