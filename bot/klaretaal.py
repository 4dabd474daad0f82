"""Klare taal (B1) in de teksten die wij schrijven: korte zinnen, geen onverklaard
vakjargon, één stem.

Drie regels per tekst (één waarde in een YAML-bestand, één antwoord van de bot, één
tekst in de code van de acties):

- een zin telt hoogstens ``MAX_WOORDEN`` woorden;
- een woord uit de jargonlijst (``bot/vocabulary/jargon.yaml``) staat er alleen met uitleg:
  de tekst noemt ook een van zijn ``uitleg``-vormen ("inkomensgarantie voor ouderen
  (IGO)"), of het woord krijgt meteen een uitleg tussen haakjes van minstens twee woorden
  ("VAPH (het Vlaams Agentschap voor Personen met een Handicap)");
- één stem: niet "we" en "ik" in dezelfde tekst. De bot spreekt als "ik". De teksten
  waarmee hij zijn berichten samenstelt (woordenlijst, regelbestanden) zeggen daarom ook
  geen "we": naast een "ik"-zin van de bot zou het bericht twee stemmen hebben.

Wat tussen aanhalingstekens staat, is een voorbeeld van wat de persoon zegt ("ik huur"):
het telt mee voor de lengte, niet voor de stem of het jargon. Ook knopteksten zijn de stem
van de persoon ("Ik huur van een private verhuurder"). Beschrijvingen uit de
productcatalogus (IPDC, ``catalogus/producten/``) citeren we: die controleren we niet.

``teksten()`` verzamelt alle teksten met hun bestand, plaats en lijnnummer;
``controleer()`` geeft de overtredingen. ``python -m bot.klaretaal`` drukt ze af.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
JARGON_PAD = Path(__file__).parent / "vocabulary" / "jargon.yaml"
MAX_WOORDEN = 20


class Soort(StrEnum):
    BOT = "bot"
    """A sentence the bot says in its own words (responses, texts in the actions)."""
    GEDEELD = "gedeeld"
    """A text the bot (and the web app) builds its messages from: no "we"."""
    KNOP = "knop"
    """A button or option label: the person's own voice ("Ik huur …")."""


@dataclass(frozen=True)
class Tekst:
    bestand: str
    """Path relative to the repository."""
    plek: str
    """The key in the file ("attributen.leeftijd.vraag") or the function in the code."""
    lijn: int
    tekst: str
    soort: Soort = Soort.GEDEELD


@dataclass(frozen=True)
class Overtreding:
    tekst: Tekst
    regel: str
    """"lange zin", "jargon" or "twee stemmen"."""
    zin: str
    uitleg: str

    def __str__(self) -> str:
        t = self.tekst
        return f"{t.bestand}:{t.lijn} ({t.plek}): {self.regel}: {self.uitleg}\n    » {self.zin}"


# --- zinnen en woorden ---------------------------------------------------------------

_AFKORTINGEN = frozenset(
    [
        "bv",
        "bijv",
        "bvb",
        "o.a",
        "enz",
        "nr",
        "ca",
        "d.w.z",
        "m.a.w",
        "t.e.m",
        "incl",
        "excl",
        "max",
        "min",
        "mevr",
        "dhr",
        "blz",
        "art",
    ]
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_CITAAT = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|„[^”“\n]*[”“]|'[^'\n]*'|‘[^’\n]*’")
_EINDE = re.compile(r"[.!?…]+[\"”’')]*\s+")


def zinnen(tekst: str) -> list[str]:
    """The sentences of a text: split after . ! ? (not after "bv." or "nr."), at line
    breaks and at bullets. A ``{placeholder}`` of the code counts as one word."""
    uit: list[str] = []
    for blok in re.split(r"\n|•", tekst):
        begin = 0
        for m in _EINDE.finditer(blok):
            voor = blok[begin : m.start()].split()
            laatste = voor[-1].lower().strip("(\"'“‘").rstrip(".") if voor else ""
            if laatste in _AFKORTINGEN:
                continue
            uit.append(blok[begin : m.end()].strip())
            begin = m.end()
        uit.append(blok[begin:].strip())
    return [z for z in uit if woorden(z)]


def woorden(zin: str) -> list[str]:
    """Words: tokens with a letter or a digit ("€" alone is no word, "1.300" is one)."""
    return [w for w in _PLACEHOLDER.sub("X", zin).split() if re.search(r"\w", w)]


def zonder_citaten(tekst: str) -> str:
    """The text without what stands between quotes (the person's words)."""
    return _CITAAT.sub(" ", tekst)


# --- jargon --------------------------------------------------------------------------


@dataclass(frozen=True)
class Vakwoord:
    term: str
    vormen: tuple[str, ...]
    uitleg: tuple[str, ...]
    """Phrases that explain it when the same text holds them."""

    def patroon(self) -> re.Pattern[str]:
        delen = "|".join(re.escape(v) for v in sorted(self.vormen, key=len, reverse=True))
        hoofdletters = any(v != v.lower() for v in self.vormen)
        vlag = 0 if hoofdletters else re.IGNORECASE
        return re.compile(rf"(?<![\w-])(?:{delen})(?![\w-])", vlag)


@dataclass(frozen=True)
class Jargon:
    vakwoorden: tuple[Vakwoord, ...]
    toegestaan: Mapping[str, str]
    """Words that look like jargon but that people know, with the reason."""


def laad_jargon(pad: Path = JARGON_PAD) -> Jargon:
    data = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    vakwoorden = []
    for term, velden in (data.get("vakwoorden") or {}).items():
        velden = velden or {}
        vormen = tuple(velden.get("vormen") or (term,))
        vakwoorden.append(Vakwoord(str(term), vormen, tuple(velden.get("uitleg") or ())))
    toegestaan = {
        str(k): " ".join(str(v).split()) for k, v in (data.get("toegestaan") or {}).items()
    }
    dubbel = {v.term for v in vakwoorden} & set(toegestaan)
    if dubbel:
        raise ValueError(f"{pad}: zowel vakwoord als toegestaan: {', '.join(sorted(dubbel))}")
    return Jargon(tuple(vakwoorden), toegestaan)


_HAAKJES_UITLEG = re.compile(r"\s*\(([^()]*)\)")


def onverklaard(tekst: str, jargon: Jargon) -> list[tuple[str, str]]:
    """(term, the sentence) for each jargon word the text uses without an explanation."""
    eigen = zonder_citaten(tekst)
    laag = eigen.lower()
    uit: list[tuple[str, str]] = []
    for v in jargon.vakwoorden:
        if any(u.lower() in laag for u in v.uitleg):
            continue
        for m in v.patroon().finditer(eigen):
            haakjes = _HAAKJES_UITLEG.match(eigen, m.end())
            if haakjes and len(woorden(haakjes.group(1))) >= 2:
                continue
            zin = next((z for z in zinnen(eigen) if m.group(0) in z), eigen.strip())
            uit.append((v.term, zin))
            break
    return uit


# --- stem ----------------------------------------------------------------------------

_WIJ = re.compile(r"\b(we|wij|ons|onze)\b", re.IGNORECASE)
_IK = re.compile(r"\b(ik|mij|mijn|me|mezelf)\b", re.IGNORECASE)


def stemmen(tekst: str) -> tuple[str | None, str | None]:
    """The first "we"-word and the first "ik"-word outside quotes (or None)."""
    eigen = zonder_citaten(tekst)
    wij, ik = _WIJ.search(eigen), _IK.search(eigen)
    return (wij.group(0) if wij else None, ik.group(0) if ik else None)


# --- de controle ---------------------------------------------------------------------


def controleer(teksten: Sequence[Tekst], jargon: Jargon) -> list[Overtreding]:
    uit: list[Overtreding] = []
    for t in teksten:
        for zin in zinnen(t.tekst):
            n = len(woorden(zin))
            if n > MAX_WOORDEN:
                uit.append(
                    Overtreding(t, "lange zin", zin, f"{n} woorden (hoogstens {MAX_WOORDEN})")
                )
        for term, zin in onverklaard(t.tekst, jargon):
            uit.append(Overtreding(t, "jargon", zin, f"'{term}' zonder uitleg"))
        if t.soort is Soort.KNOP:
            continue
        wij, ik = stemmen(t.tekst)
        if wij and ik:
            uit.append(Overtreding(t, "twee stemmen", t.tekst.strip(), f"'{wij}' en '{ik}'"))
        elif wij and t.soort is Soort.GEDEELD:
            uit.append(
                Overtreding(
                    t,
                    "twee stemmen",
                    t.tekst.strip(),
                    f"'{wij}': de bot spreekt als 'ik' en zet deze tekst in zijn berichten",
                )
            )
    return uit


# --- de teksten verzamelen -----------------------------------------------------------


@dataclass(frozen=True)
class _Waarde:
    pad: tuple[str | int, ...]
    lijn: int
    tekst: str


def _yaml_waarden(pad: Path) -> Iterator[_Waarde]:
    """Every string in a YAML file with its key path and line (1-based)."""
    knoop = yaml.compose(pad.read_text(encoding="utf-8"))

    def loop(k: yaml.Node, sleutels: tuple[str | int, ...]) -> Iterator[_Waarde]:
        if isinstance(k, yaml.MappingNode):
            for sleutel, waarde in k.value:
                yield from loop(waarde, (*sleutels, str(sleutel.value)))
        elif isinstance(k, yaml.SequenceNode):
            for i, waarde in enumerate(k.value):
                yield from loop(waarde, (*sleutels, i))
        elif isinstance(k, yaml.ScalarNode) and k.tag.endswith(":str"):
            yield _Waarde(sleutels, k.start_mark.line + 1, str(k.value))

    if knoop is not None:
        yield from loop(knoop, ())


def _plek(pad: Sequence[str | int]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in pad).lstrip(".")


def _past(pad: Sequence[str | int], patroon: Sequence[str]) -> bool:
    """``patroon``: keys, ``*`` for any key or index."""
    return len(pad) == len(patroon) and all(
        p == "*" or str(k) == p for k, p in zip(pad, patroon, strict=True)
    )


_WOORDENLIJST: tuple[tuple[tuple[str, ...], Soort], ...] = (
    (("rubrieken", "*"), Soort.GEDEELD),
    (("attributen", "*", "vraag"), Soort.GEDEELD),
    (("attributen", "*", "waarom"), Soort.GEDEELD),
    (("attributen", "*", "nagaan"), Soort.GEDEELD),
    (("attributen", "*", "kort"), Soort.GEDEELD),
    (("attributen", "*", "kort", "*"), Soort.GEDEELD),
    (("attributen", "*", "opties", "*"), Soort.KNOP),
    (("inkomen", "*", "uitleg_benadering"), Soort.GEDEELD),
    (("vraaggroepen", "*", "vraag"), Soort.GEDEELD),
    (("vraaggroepen", "*", "waarom"), Soort.GEDEELD),
    (("vraaggroepen", "*", "leden", "*"), Soort.KNOP),
    (("vraaggroepen", "*", "leden", "*", "tekst"), Soort.KNOP),
    (("vraaggroepen", "*", "knoppen", "*", "titel"), Soort.KNOP),
    (("vraaggroepen", "*", "geen"), Soort.KNOP),
)
_REGELBESTAND = ("naam", "samenvatting", "aanvragen")
_VOORWAARDE = ("tekst", "niet_tekst")


def _soort_woordenlijst(pad: Sequence[str | int]) -> Soort | None:
    if len(pad) == 4 and pad[0] == "vraaggroepen" and pad[2] == "leden" and isinstance(pad[3], int):
        return None  # leden: [leeftijd, gemeente]: keys, not texts
    return next((s for patroon, s in _WOORDENLIJST if _past(pad, patroon)), None)


def _soort_regelbestand(pad: Sequence[str | int]) -> Soort | None:
    if len(pad) == 1 and pad[0] in _REGELBESTAND:
        return Soort.GEDEELD
    if tuple(pad) == ("bedrag", "tekst"):
        return Soort.GEDEELD
    # voorwaarden[i].tekst, voorwaarden[i].een_van[j].tekst, ...
    if len(pad) >= 3 and pad[0] == "voorwaarden" and pad[-1] in _VOORWAARDE:
        tussen = pad[1:-1]
        if all(isinstance(p, int) if i % 2 == 0 else p == "een_van" for i, p in enumerate(tussen)):
            return Soort.GEDEELD
    return None


def _uit_yaml(pad: Path, kies: Any) -> Iterator[Tekst]:
    naam = pad.relative_to(REPO).as_posix() if pad.is_relative_to(REPO) else str(pad)
    for w in _yaml_waarden(pad):
        soort = kies(w.pad)
        if soort is not None:
            yield Tekst(naam, _plek(w.pad), w.lijn, w.tekst, soort)


def woordenlijst_teksten(pad: Path) -> Iterator[Tekst]:
    """Questions, why-texts, short forms, option labels and group texts."""
    return _uit_yaml(pad, _soort_woordenlijst)


def regelbestand_teksten(pad: Path) -> Iterator[Tekst]:
    """Name, summary, where to apply, the amount's text, every condition's texts."""
    return _uit_yaml(pad, _soort_regelbestand)


def domein_teksten(pad: Path) -> Iterator[Tekst]:
    """The responses of the Rasa domain and their buttons."""

    def kies(p: Sequence[str | int]) -> Soort | None:
        if _past(p, ("responses", "*", "*", "text")):
            return Soort.BOT
        if _past(p, ("responses", "*", "*", "buttons", "*", "title")):
            return Soort.KNOP
        return None

    return _uit_yaml(pad, kies)


def _is_log(knoop: ast.Call) -> bool:
    f = knoop.func
    return (
        isinstance(f, ast.Attribute)
        and isinstance(f.value, ast.Name)
        and f.value.id in {"log", "logger", "logging"}
    )


def _is_regex(knoop: ast.Call) -> bool:
    """``re.compile(...)``, ``re.search(...)``: a pattern, not a text for people."""
    f = knoop.func
    return isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "re"


def _code_tekst(knoop: ast.expr) -> str | None:
    """A string literal or an f-string (its values as ``{}``)."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return knoop.value
    if isinstance(knoop, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in knoop.values)
    return None


def code_teksten(pad: Path) -> Iterator[Tekst]:
    """The texts in one Python file of the actions: string literals and f-strings with a
    space in them, not docstrings, not log messages, not regular expressions, not payloads
    ("/inform{...}").
    A string joined with ``+`` counts as one text. Button titles (``"title": ...``) are the
    person's voice."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    naam = pad.relative_to(REPO).as_posix() if pad.is_relative_to(REPO) else str(pad)
    overslaan: set[int] = set()
    knoppen: set[int] = set()
    plekken: dict[int, str] = {}
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Expr) and isinstance(knoop.value, ast.Constant | ast.JoinedStr):
            overslaan.add(id(knoop.value))  # docstrings, also those of attributes
        elif isinstance(knoop, ast.Call) and (_is_log(knoop) or _is_regex(knoop)):
            overslaan |= {id(d) for a in knoop.args for d in ast.walk(a)}
        elif isinstance(knoop, ast.Dict):
            for k, v in zip(knoop.keys, knoop.values, strict=True):
                if isinstance(k, ast.Constant) and k.value == "title":
                    knoppen |= {id(d) for d in ast.walk(v)}
    # the innermost function or class names the place (ast.walk visits outer ones first)
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for d in ast.walk(knoop):
                plekken[id(d)] = knoop.name
    gezien: set[int] = set()
    for knoop in ast.walk(boom):
        if id(knoop) in gezien or id(knoop) in overslaan:
            continue
        tekst: str | None
        if isinstance(knoop, ast.BinOp) and isinstance(knoop.op, ast.Add):
            delen = _plus_delen(knoop)
            if delen is None:
                continue
            gezien |= {id(d) for d in ast.walk(knoop)}
            tekst = "".join(_code_tekst(d) or "{}" for d in delen)
        else:
            tekst = _code_tekst(knoop)
            if isinstance(knoop, ast.JoinedStr):
                gezien |= {id(d) for d in ast.walk(knoop)}
        if tekst is None or " " not in tekst.strip() or tekst.lstrip().startswith("/"):
            continue
        soort = Soort.KNOP if id(knoop) in knoppen else Soort.BOT
        yield Tekst(naam, plekken.get(id(knoop), "<module>"), knoop.lineno, tekst, soort)


def _plus_delen(knoop: ast.BinOp) -> list[ast.expr] | None:
    """The parts of ``"a" + f"b" + x``, when at least one is a text; else None."""
    delen: list[ast.expr] = []

    def plat(k: ast.expr) -> None:
        if isinstance(k, ast.BinOp) and isinstance(k.op, ast.Add):
            plat(k.left)
            plat(k.right)
        else:
            delen.append(k)

    plat(knoop)
    return delen if any(_code_tekst(d) is not None for d in delen) else None


def teksten(repo: Path = REPO) -> list[Tekst]:
    """Every text the bot says to a citizen that we write ourselves."""
    uit = list(woordenlijst_teksten(repo / "bot" / "vocabulary" / "attributen.yaml"))
    for pad in sorted((repo / "catalogus" / "regels").glob("*.yaml")):
        uit += regelbestand_teksten(pad)
    uit += domein_teksten(repo / "domain.yml")
    for pad in sorted((repo / "actions").glob("*.py")):
        uit += code_teksten(pad)
    return uit


def main() -> int:
    fouten = controleer(teksten(), laad_jargon())
    for f in fouten:
        print(f)
    print(f"{len(fouten)} overtredingen", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    raise SystemExit(main())
