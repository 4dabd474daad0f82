"""Which municipality does a person mean? Names, former municipalities, NIS codes, typos.

:class:`GemeenteRegister` is pure: it is built from rows (see
``bot.catalogue.repository.gemeente_register`` for the database version) and never
reads files or a database itself.

- :meth:`GemeenteRegister.resolve` turns what someone typed into one current
  municipality, or raises :class:`GemeenteNietGevonden` or
  :class:`GemeenteDubbelzinnig` (with the candidates, so the caller can ask
  "which one?").
- :meth:`GemeenteRegister.zoek` gives ranked suggestions for a search box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.catalogue.tekst import zoeksleutel


class AliasType(StrEnum):
    OFFICIEEL = "officieel"
    FRANS = "frans"
    VROEGERE_GEMEENTE = "vroegere_gemeente"
    DEELGEMEENTE = "deelgemeente"


_TYPE_VOORRANG = {
    AliasType.OFFICIEEL: 0,
    AliasType.FRANS: 1,
    AliasType.VROEGERE_GEMEENTE: 2,
    AliasType.DEELGEMEENTE: 3,
}

FUZZY_DREMPEL = 85.0
"""Minimum rapidfuzz ratio (0-100) for a typo to count as a match in :meth:`resolve`."""
_FUZZY_MARGE = 3.0
"""Two fuzzy matches closer than this are both offered as candidates."""
_FUZZY_MIN_LENGTE = 4


@dataclass(frozen=True)
class Gemeente:
    nis: str
    naam: str
    gewest: str
    naam_fr: str | None = None
    provincie: str | None = None
    centrumstad: bool = False


@dataclass(frozen=True)
class Alias:
    """A name (or former code) that points to a current municipality."""

    naam: str
    nis: str
    type: AliasType
    postcode: str | None = None
    vroegere_nis: str | None = None
    dubbelzinnig: bool = False


@dataclass(frozen=True)
class Kandidaat:
    """One possible municipality for an ambiguous name."""

    gemeente: Gemeente
    alias: str
    type: AliasType
    postcodes: tuple[str, ...] = ()

    @property
    def nis(self) -> str:
        return self.gemeente.nis

    @property
    def label(self) -> str:
        """Short Dutch label that :meth:`GemeenteRegister.resolve` accepts back."""
        if sleutel(self.alias) == sleutel(self.gemeente.naam) and self.type in (
            AliasType.OFFICIEEL,
            AliasType.FRANS,
        ):
            return f"{self.alias} ({self.gemeente.provincie or self.gemeente.gewest})"
        return f"{self.alias} ({self.gemeente.naam})"

    @property
    def omschrijving(self) -> str:
        g = self.gemeente
        if self.type is AliasType.OFFICIEEL:
            return f"de gemeente {g.naam}" + (f" ({g.provincie})" if g.provincie else "")
        if self.type is AliasType.FRANS:
            return f"{self.alias}, de Franse naam van {g.naam}"
        if self.type is AliasType.VROEGERE_GEMEENTE:
            return f"{self.alias}, vroegere gemeente, nu {g.naam}"
        postcode = f" ({', '.join(self.postcodes)})" if self.postcodes else ""
        return f"{self.alias}{postcode}, deel van {g.naam}"


@dataclass(frozen=True)
class Treffer:
    """A suggestion from :meth:`GemeenteRegister.zoek`."""

    gemeente: Gemeente
    alias: str
    type: AliasType
    score: float
    postcode: str | None = None

    @property
    def nis(self) -> str:
        return self.gemeente.nis


class GemeenteFout(ValueError):
    """The text does not point to exactly one municipality. The message is Dutch."""

    def __init__(self, bericht: str, tekst: str):
        super().__init__(bericht)
        self.bericht = bericht
        self.tekst = tekst


class GemeenteNietGevonden(GemeenteFout):
    pass


class GemeenteDubbelzinnig(GemeenteFout):
    """Several municipalities fit; ``kandidaten`` lists them, most likely first."""

    def __init__(self, bericht: str, tekst: str, kandidaten: tuple[Kandidaat, ...]):
        super().__init__(bericht, tekst)
        self.kandidaten = kandidaten


def sleutel(tekst: str) -> str:
    """Compare key: no case, accents, spaces or punctuation; ``St`` becomes ``Sint``."""
    return "".join({"st": "sint", "ste": "sinte"}.get(w, w) for w in zoeksleutel(tekst).split())


_HAAKJES = re.compile(r"^(?P<naam>.+?)\s*\((?P<extra>[^()]+)\)\s*$")
_KOMMA = re.compile(r"^(?P<naam>[^,]+?)\s*,\s*(?P<extra>.+)$")
_POSTCODE_ACHTER = re.compile(r"^(?P<naam>.*\D)\s+(?P<extra>\d{4})$")
_POSTCODE_VOOR = re.compile(r"^(?P<extra>\d{4})\s+(?P<naam>\D.*)$")


class GemeenteRegister:
    """Current municipalities with every name and code people use for them."""

    def __init__(self, gemeenten: Iterable[Gemeente], aliassen: Iterable[Alias]):
        self._gemeenten: dict[str, Gemeente] = {g.nis: g for g in gemeenten}
        self._vroegere_nis: dict[str, str] = {}
        self._per_sleutel: dict[str, list[Alias]] = {}
        self._per_postcode: dict[str, list[Alias]] = {}
        alle = list(aliassen)
        # Every official and French name is an alias, also when the rows forgot it.
        alle += [Alias(g.naam, g.nis, AliasType.OFFICIEEL) for g in self._gemeenten.values()]
        alle += [
            Alias(g.naam_fr, g.nis, AliasType.FRANS) for g in self._gemeenten.values() if g.naam_fr
        ]
        for alias in alle:
            if alias.nis not in self._gemeenten:
                raise ValueError(f"Alias {alias.naam!r} wijst naar onbekende NIS-code {alias.nis}.")
            self._per_sleutel.setdefault(sleutel(alias.naam), []).append(alias)
            if alias.postcode:
                self._per_postcode.setdefault(alias.postcode, []).append(alias)
            if alias.vroegere_nis and alias.vroegere_nis not in self._gemeenten:
                self._vroegere_nis[alias.vroegere_nis] = alias.nis
        self._sleutels = list(self._per_sleutel)

    def __len__(self) -> int:
        return len(self._gemeenten)

    def __contains__(self, nis: object) -> bool:
        return nis in self._gemeenten

    def alle(self) -> list[Gemeente]:
        return sorted(self._gemeenten.values(), key=lambda g: g.nis)

    def namen(self) -> dict[str, str]:
        """NIS code -> official Dutch name."""
        return {g.nis: g.naam for g in self.alle()}

    def plaatsnamen(self) -> set[str]:
        """Every name people use for a municipality (official, French, deelgemeente, ...)."""
        return {a.naam for aliassen in self._per_sleutel.values() for a in aliassen}

    def gemeente(self, nis: str) -> Gemeente:
        """The current municipality for a current or former NIS code."""
        nis = nis.strip()
        if nis in self._gemeenten:
            return self._gemeenten[nis]
        if nis in self._vroegere_nis:
            return self._gemeenten[self._vroegere_nis[nis]]
        raise GemeenteNietGevonden(f"Er is geen gemeente met NIS-code {nis}.", nis)

    def huidige_nis(self, nis: str) -> str:
        return self.gemeente(nis).nis

    # -- resolve ---------------------------------------------------------------------------

    def resolve(self, tekst: str, *, officieel_voorrang: bool = False) -> Gemeente:
        """The one current municipality meant by ``tekst``.

        Accepts the official name (also in French for Brussels), a former municipality,
        a deelgemeente or place name, a postcode, a current or former NIS code, an
        ambiguous name with a hint ("Tielt (Tielt-Winge)", "Beveren 8800"), and small
        typos. With ``officieel_voorrang`` an exact official name wins over a deelgemeente
        with the same name (Tielt is then the municipality Tielt, not Tielt-Winge).

        Raises :class:`GemeenteNietGevonden` or :class:`GemeenteDubbelzinnig`.
        """
        kandidaten = self.kandidaten(tekst)
        if officieel_voorrang and len(kandidaten) > 1:
            officieel = [k for k in kandidaten if k.type in (AliasType.OFFICIEEL, AliasType.FRANS)]
            if len(officieel) == 1:
                return officieel[0].gemeente
        if len(kandidaten) == 1:
            return kandidaten[0].gemeente
        schoon = " ".join(tekst.split())
        if not kandidaten:
            if not schoon:
                bericht = "Geef de naam of de postcode van uw gemeente."
            elif schoon.isdigit() and len(schoon) == 5:
                bericht = f"Er is geen gemeente met NIS-code {schoon}."
            elif schoon.isdigit() and len(schoon) == 4:
                bericht = f"We kennen geen gemeente in Vlaanderen of Brussel met postcode {schoon}."
            else:
                bericht = (
                    f"We vinden geen gemeente in Vlaanderen of Brussel met de naam '{schoon}'. "
                    "Kijk de schrijfwijze na of geef uw postcode."
                )
            raise GemeenteNietGevonden(bericht, tekst)
        keuzes = ", ".join(k.label for k in kandidaten[:-1]) + f" of {kandidaten[-1].label}"
        raise GemeenteDubbelzinnig(
            f"'{schoon}' kan meer dan één gemeente zijn. Bedoelt u {keuzes}?",
            tekst,
            tuple(kandidaten),
        )

    def kandidaten(self, tekst: str) -> list[Kandidaat]:
        """Every municipality ``tekst`` may mean, most likely first; never raises."""
        schoon = " ".join(tekst.split())
        if not schoon:
            return []
        if re.fullmatch(r"\d{5}", schoon):
            try:
                g = self.gemeente(schoon)
            except GemeenteNietGevonden:
                return []
            return [Kandidaat(g, g.naam, AliasType.OFFICIEEL)]
        if re.fullmatch(r"\d{4}", schoon):
            return self._groepeer(self._per_postcode.get(schoon, []))
        exact = self._per_sleutel.get(sleutel(schoon))
        if exact:
            return self._groepeer(exact)
        for patroon in (_HAAKJES, _KOMMA, _POSTCODE_ACHTER, _POSTCODE_VOOR):
            m = patroon.match(schoon)
            if m:
                basis = self.kandidaten(m["naam"])
                gefilterd = [k for k in basis if self._past_bij(k, m["extra"])]
                if gefilterd:
                    return gefilterd
        return self._fuzzy(schoon)

    def _past_bij(self, kandidaat: Kandidaat, hint: str) -> bool:
        hint = hint.strip()
        if re.fullmatch(r"\d{4}", hint):
            return hint in kandidaat.postcodes or any(
                a.nis == kandidaat.nis for a in self._per_postcode.get(hint, [])
            )
        g = kandidaat.gemeente
        namen = [g.naam, g.naam_fr or "", g.provincie or "", g.gewest]
        if sleutel(hint) in {sleutel(n) for n in namen if n}:
            return True
        # "Leuven (Kessel-Lo)": a deelgemeente of the same municipality
        return any(a.nis == kandidaat.nis for a in self._per_sleutel.get(sleutel(hint), []))

    def _groepeer(self, aliassen: Iterable[Alias]) -> list[Kandidaat]:
        """One candidate per municipality, with its best alias; best candidates first."""
        per_nis: dict[str, list[Alias]] = {}
        for alias in aliassen:
            per_nis.setdefault(alias.nis, []).append(alias)
        kandidaten = []
        for nis, lijst in per_nis.items():
            beste = min(lijst, key=lambda a: _TYPE_VOORRANG[a.type])
            postcodes = tuple(sorted({a.postcode for a in lijst if a.postcode}))
            kandidaten.append(Kandidaat(self._gemeenten[nis], beste.naam, beste.type, postcodes))
        kandidaten.sort(key=lambda k: (_TYPE_VOORRANG[k.type], k.gemeente.naam))
        return kandidaten

    def _fuzzy(self, tekst: str) -> list[Kandidaat]:
        """Small typos: a ratio of at least :data:`FUZZY_DREMPEL`, or one wrong, missing,
        extra or swapped letter in a name of four letters or more (``brugee``, ``gnet``)."""
        s = sleutel(tekst)
        if len(s) < _FUZZY_MIN_LENGTE:
            return []
        treffers = [
            (k, score)
            for k, score, _ in process.extract(
                s, self._sleutels, scorer=fuzz.ratio, score_cutoff=70.0, limit=20
            )
            if score >= FUZZY_DREMPEL or OSA.distance(s, k) <= 1
        ]
        if not treffers:
            return []
        beste_score = treffers[0][1]
        dichtbij = [k for k, score in treffers if score >= beste_score - _FUZZY_MARGE]
        return self._groepeer(a for k in dichtbij for a in self._per_sleutel[k])

    # -- suggestions -----------------------------------------------------------------------

    def zoek(self, q: str, limit: int = 10) -> list[Treffer]:
        """Ranked suggestions for a search box: name prefix, part of a name, typo, code."""
        schoon = " ".join(q.split())
        if not schoon or limit <= 0:
            return []
        treffers: dict[tuple[str, str], Treffer] = {}

        def voeg_toe(alias: Alias, score: float) -> None:
            sleutel_treffer = (alias.nis, sleutel(alias.naam))
            oud = treffers.get(sleutel_treffer)
            nieuw = Treffer(
                self._gemeenten[alias.nis], alias.naam, alias.type, score, alias.postcode
            )
            if oud is None or (score, -_TYPE_VOORRANG[alias.type]) > (
                oud.score,
                -_TYPE_VOORRANG[oud.type],
            ):
                treffers[sleutel_treffer] = nieuw

        if schoon.isdigit():
            for nis, g in self._gemeenten.items():
                if nis.startswith(schoon):
                    voeg_toe(
                        Alias(g.naam, nis, AliasType.OFFICIEEL), 100.0 if nis == schoon else 90.0
                    )
            for vroeger, nis in self._vroegere_nis.items():
                if vroeger.startswith(schoon):
                    g = self._gemeenten[nis]
                    voeg_toe(Alias(g.naam, nis, AliasType.OFFICIEEL), 80.0)
            for postcode, aliassen in self._per_postcode.items():
                if postcode.startswith(schoon):
                    for alias in aliassen:
                        voeg_toe(alias, 95.0 if postcode == schoon else 85.0)
        else:
            s = sleutel(schoon)
            if not s:
                return []
            for k, aliassen in self._per_sleutel.items():
                if k == s:
                    score = 100.0
                elif k.startswith(s):
                    score = 95.0 - min(10.0, (len(k) - len(s)) / 2)
                elif s in k:
                    score = 80.0 - min(10.0, (len(k) - len(s)) / 2)
                else:
                    continue
                for alias in aliassen:
                    voeg_toe(alias, score)
            if len(s) >= 3:
                for k, score, _ in process.extract(
                    s, self._sleutels, scorer=fuzz.ratio, score_cutoff=70.0, limit=limit * 2
                ):
                    for alias in self._per_sleutel[k]:
                        voeg_toe(alias, min(float(score), 79.0) * 0.9)
        resultaat = sorted(
            treffers.values(),
            key=lambda t: (-t.score, _TYPE_VOORRANG[t.type], t.alias, t.gemeente.naam),
        )
        return resultaat[:limit]
