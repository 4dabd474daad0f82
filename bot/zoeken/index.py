"""The search index: BM25 over the Dutch stems of the rights' texts.

A query is read word by word. A word counts with its stem when a right uses that stem; an
everyday word also counts with the catalogue words the word list gives for it
("gasrekening" -> energie). A word no right uses is read as a typo of the nearest known word
("tandarst" -> tandarts) or split into two known words ("stroomfactuur" -> stroom +
factuur). Little words ("ik", "mijn", "te") never count.

Ranking happens here, in Python, over documents that the caller reads from its catalogue:
the same documents give the same ranking, whatever database they came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import bm25s
import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.zoeken.tekst import stam, woorden
from bot.zoeken.woorden import Zoekwoorden

GEWICHTEN = {
    "naam": 3,
    "synoniemen": 2,
    "zoektermen": 2,
    "voor_wie": 2,
    "samenvatting": 1,
    "themas": 1,
    "beschrijving": 1,
}
"""How often a field's words count in a right's document (its name counts most)."""

_TIKFOUTEN = ((8, 2), (5, 1))
"""How many typos (letters added, missing, changed or swapped) a word of at least this
length may have to be read as a known word; shorter words must be known as they are."""
_MIN_DEEL = 3
"""The shortest part of a compound word ("gas" in "gasrekening")."""
_MAX_SYNONIEM_WOORDEN = 3


@dataclass(frozen=True)
class Zoekdocument:
    """The texts of one right that the search reads."""

    id: str
    naam: str
    samenvatting: str = ""
    synoniemen: tuple[str, ...] = ()
    zoektermen: tuple[str, ...] = ()
    voor_wie: tuple[str, ...] = ()
    themas: tuple[str, ...] = ()
    beschrijving: str = ""

    def velden(self) -> Iterable[tuple[str, str]]:
        yield "naam", self.naam
        yield "samenvatting", self.samenvatting
        yield "beschrijving", self.beschrijving
        for veld in ("synoniemen", "zoektermen", "voor_wie", "themas"):
            for tekst in getattr(self, veld):
                yield veld, tekst


@dataclass(frozen=True)
class Treffer:
    id: str
    score: float
    """The BM25 score (higher is better); only comparable within one query."""
    dekking: float
    """The share of the query's meaningful words that this right matches (0-1)."""


@dataclass(frozen=True)
class _Vraagwoord:
    woord: str
    stammen: frozenset[str]


class Zoekindex:
    """Built once per catalogue; :meth:`zoek` ranks the rights for a query."""

    def __init__(self, documenten: Sequence[Zoekdocument], woorden_: Zoekwoorden | None = None):
        self.woorden = woorden_ or Zoekwoorden()
        self.ids = tuple(d.id for d in documenten)
        corpus = [self._document_stammen(d) for d in documenten]
        self._per_document = [frozenset(c) for c in corpus]
        self._stammen = frozenset(s for c in corpus for s in c)
        # every known surface word, for typos: the documents' words and the list's words
        bekend: dict[str, str] = {}
        for d in documenten:
            for _, tekst in d.velden():
                for w in woorden(tekst):
                    if w not in self.woorden.stopwoorden and len(w) >= 4:
                        bekend.setdefault(w, stam(w))
        for sleutel in self.woorden.synoniemen:
            if " " not in sleutel and len(sleutel) >= 4:
                bekend.setdefault(sleutel, stam(sleutel))
        self._bekende_woorden = sorted(bekend)
        self._synoniemen = {
            tuple(stam(w) for w in sleutel.split()): self._stammen_van(betekenissen)
            for sleutel, betekenissen in self.woorden.synoniemen.items()
        }
        self._bm25: bm25s.BM25 | None = None
        if corpus:
            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)
            self._vocab: dict[str, int] = dict(self._bm25.vocab_dict)

    # -- building ---------------------------------------------------------------------------

    def _stammen_van(self, teksten: Iterable[str]) -> frozenset[str]:
        return frozenset(
            stam(w) for t in teksten for w in woorden(t) if w not in self.woorden.stopwoorden
        )

    def _document_stammen(self, document: Zoekdocument) -> list[str]:
        stammen: list[str] = []
        for veld, tekst in document.velden():
            eigen = [stam(w) for w in woorden(tekst) if w not in self.woorden.stopwoorden]
            stammen += eigen * GEWICHTEN[veld]
        return stammen

    # -- reading a query --------------------------------------------------------------------

    def _herken(self, woord: str) -> frozenset[str]:
        """The stems a word stands for: its own (if a right uses it) and its synonyms'."""
        s = stam(woord)
        gevonden = set(self._synoniemen.get((s,), frozenset()))
        if s in self._stammen:
            gevonden.add(s)
        return frozenset(gevonden & self._stammen)

    def _tikfout(self, woord: str) -> frozenset[str]:
        """The stems of the nearest known word, if it is only a typo or two away."""
        toegelaten = next((n for lengte, n in _TIKFOUTEN if len(woord) >= lengte), 0)
        if not toegelaten or not self._bekende_woorden:
            return frozenset()
        beste = process.extractOne(
            woord, self._bekende_woorden, scorer=OSA.distance, score_cutoff=toegelaten
        )
        return self._herken(beste[0]) if beste else frozenset()

    def _samenstelling(self, woord: str) -> frozenset[str]:
        """The stems of the two known parts of a compound, the longest head first."""
        for i in range(_MIN_DEEL, len(woord) - _MIN_DEEL + 1):
            links, rechts = woord[:i], woord[i:]
            kop = self._herken(rechts)
            if not kop:
                continue
            bepaling = self._herken(links)
            if not bepaling and links.endswith(("s", "e")) and len(links) > _MIN_DEEL:
                bepaling = self._herken(links[:-1])  # tussen-s, tussen-e: "dokters-rekening"
            if bepaling:
                return frozenset(kop | bepaling)
        return frozenset()

    def lees(self, vraag: str) -> list[_Vraagwoord]:
        """The meaningful words of a query with the stems each stands for (maybe none)."""
        alle = woorden(vraag)
        uit: list[_Vraagwoord] = []
        i = 0
        while i < len(alle):
            # a synonym of several words ("vaste lijn")
            for lengte in range(min(_MAX_SYNONIEM_WOORDEN, len(alle) - i), 1, -1):
                sleutel = tuple(stam(w) for w in alle[i : i + lengte])
                if sleutel in self._synoniemen:
                    stammen = self._synoniemen[sleutel] & self._stammen
                    uit.append(_Vraagwoord(" ".join(alle[i : i + lengte]), stammen))
                    i += lengte
                    break
            else:
                woord = alle[i]
                i += 1
                if woord in self.woorden.stopwoorden:
                    continue
                stammen = self._herken(woord) or self._tikfout(woord) or self._samenstelling(woord)
                uit.append(_Vraagwoord(woord, stammen))
        return uit

    # -- ranking ----------------------------------------------------------------------------

    def zoek(self, vraag: str, *, limiet: int | None = None) -> list[Treffer]:
        """The rights that match the query, best first (ties: by id). Empty when none does."""
        if self._bm25 is None:
            return []
        gelezen = self.lees(vraag)
        stammen = sorted({s for w in gelezen for s in w.stammen if s in self._vocab})
        if not stammen:
            return []
        scores = np.asarray(self._bm25.get_scores(stammen), dtype=float)
        zinvol = len(gelezen)
        treffers = []
        for nr in np.flatnonzero(scores > 0):
            eigen = self._per_document[nr]
            gedekt = sum(1 for w in gelezen if w.stammen & eigen)
            treffers.append(Treffer(self.ids[nr], round(float(scores[nr]), 6), gedekt / zinvol))
        treffers.sort(key=lambda t: (-t.score, t.id))
        return treffers[:limiet] if limiet is not None else treffers
