"""Read an advice file (``bot/advies/leefloon.yaml``): check it against its schema and
against the catalogue, compile its expressions. Every problem names file, line and field."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from bot.advies.model import AdviesRegels, AdviesVoorwaarde, Categorie, Soort, Vrijstelling
from bot.rules.logica import Knoop, UitdrukkingFout, Vertaler
from bot.rules.model import Catalogus
from bot.rules.schema import schemabericht
from bot.vocabulary import Vocabulaire
from bot.yamlregels import Pad, regel_van, regelnummers

LEEFLOON_PAD = Path(__file__).with_name("leefloon.yaml")

EXTRA_PARAMETERS = ("categorie_bedrag", "categorie_nummer", "marge_inkomen_ruim_onder")
"""Values the advice gives its expressions besides the right's parameters (numbers)."""


class AdviesFout(ValueError):
    """The advice file is wrong. The message is Dutch and names file, line and field."""

    def __init__(self, bestand: str, bericht: str, regel: int | None = None, pad: Pad = ()):
        self.bestand = bestand
        self.bericht = bericht
        self.regel = regel
        self.pad = pad
        plaats = bestand + (f", regel {regel}" if regel else "")
        veld = ".".join(str(p) for p in pad)
        super().__init__(f"{plaats}{f' (veld {veld})' if veld else ''}: {bericht}")


@cache
def _validator() -> Draft202012Validator:
    tekst = resources.files("bot.advies").joinpath("adviesbestand.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(tekst))


def laad_adviesregels(
    catalogus: Catalogus, vocabulaire: Vocabulaire, pad: Path = LEEFLOON_PAD
) -> AdviesRegels:
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as fout:
        raise AdviesFout(str(pad), f"Kan het bestand niet lezen ({fout}).") from None
    return adviesregels_uit_tekst(tekst, catalogus, vocabulaire, bron=str(pad))


def adviesregels_uit_tekst(
    tekst: str, catalogus: Catalogus, vocabulaire: Vocabulaire, bron: str = "advies.yaml"
) -> AdviesRegels:
    """Parse, check and compile; raises :class:`AdviesFout` for the first problem."""
    try:
        knoop = yaml.compose(tekst, Loader=yaml.SafeLoader)
        data = yaml.safe_load(tekst)
    except yaml.MarkedYAMLError as fout:
        markering = fout.problem_mark or fout.context_mark
        regel = markering.line + 1 if markering else None
        raise AdviesFout(bron, f"Dit is geen geldige YAML: {fout.problem}.", regel) from None
    regels = regelnummers(knoop) if knoop is not None else {}

    def fout(bericht: str, pad: Sequence[str | int] = ()) -> AdviesFout:
        return AdviesFout(bron, bericht, regel_van(regels, tuple(pad)), tuple(pad))

    if not isinstance(data, Mapping):
        raise fout("Een adviesbestand is een lijst van velden (id, recht, voorwaarden…).")
    problemen = sorted(
        _validator().iter_errors(data), key=lambda f: list(map(str, f.absolute_path))
    )
    if problemen:
        eerste = problemen[0]
        raise fout(schemabericht(eerste), tuple(eerste.absolute_path))

    recht = catalogus.recht(data["recht"])
    if recht is None or not recht.heeft_regels:
        raise fout(f"Recht '{data['recht']}' heeft geen regels in de catalogus.", ("recht",))
    tabellen = {n: isinstance(p.waarden.waarden[0], list) for n, p in recht.parameters.items()}
    parameters = {**tabellen, **dict.fromkeys(EXTRA_PARAMETERS, False)}

    def vertaal(uitdrukking: Any, pad: Pad) -> tuple[Knoop, frozenset[str]]:
        vertaler = Vertaler(
            attributen=frozenset(vocabulaire.attributen),
            afgeleid=vocabulaire.afgeleid,
            inkomen=vocabulaire.inkomen,
            parameters=parameters,
            rechten=frozenset(),
        )
        try:
            knoop = vertaler.vertaal(uitdrukking)
        except UitdrukkingFout as f:
            raise fout(f.bericht, (*pad, *f.pad)) from None
        return knoop, frozenset(vertaler.gebruikte_attributen)

    categorieen = []
    for i, c in enumerate(data["categorieen"]):
        naam = c["parameter"]
        if naam not in tabellen or tabellen[naam]:
            raise fout(
                f"'{naam}' is geen bedrag-parameter van recht '{recht.id}'.",
                ("categorieen", i, "parameter"),
            )
        categorieen.append(
            Categorie(
                id=c["id"],
                parameter=naam,
                aantal=int(c.get("aantal", 1)),
                nummer=int(c.get("nummer", 0)),
                regel=vertaal(c["regel"], ("categorieen", i, "regel"))[0],
                tekst=_tekst(c["tekst"]),
                bron=c["bron"],
            )
        )
    vrijstellingen = tuple(
        Vrijstelling(
            id=v["id"],
            bedrag_maand=vertaal(v["bedrag_maand"], ("vrijstellingen", i, "bedrag_maand"))[0],
            tekst=_tekst(v["tekst"]),
            bron=v["bron"],
            bevestigd=bool(v["bevestigd"]),
        )
        for i, v in enumerate(data["vrijstellingen"])
    )
    voorwaarden = []
    gezien: set[str] = set()
    for i, v in enumerate(data["voorwaarden"]):
        if v["id"] in gezien:
            raise fout("Dit id komt twee keer voor.", ("voorwaarden", i, "id"))
        gezien.add(v["id"])
        knoop, attributen = vertaal(v["regel"], ("voorwaarden", i, "regel"))
        voorwaarden.append(
            AdviesVoorwaarde(
                id=v["id"],
                soort=Soort(v["soort"]),
                regel=knoop,
                attributen=attributen,
                punt=_tekst(v["punt"]),
                waarom=_tekst(v["waarom"]),
                niet_waarom=_tekst(v["niet_waarom"]) if v.get("niet_waarom") else None,
                bron=v["bron"],
            )
        )
    uitleg = data["uitleg"]
    return AdviesRegels(
        id=data["id"],
        recht=recht.id,
        naam=data["naam"],
        bron_url=data["bron_url"],
        nagekeken_op=date.fromisoformat(data["nagekeken_op"]),
        middelen=vertaal(data["middelen"], ("middelen",))[0],
        marge_inkomen_ruim_onder=float(data["marges"]["inkomen_ruim_onder"]["waarde"]),
        categorieen=tuple(categorieen),
        vrijstellingen=vrijstellingen,
        voorwaarden=tuple(voorwaarden),
        uitleg={
            k: tuple(_tekst(t) for t in uitleg[k])
            for k in ("toekenning", "verder_sociaal_onderzoek", "geen_recht", "schatting")
        },
        bronnen=tuple(uitleg.get("bronnen") or ()),
        bestand=bron,
    )


def _tekst(waarde: Any) -> str:
    """A text from the YAML file on one line."""
    return " ".join(str(waarde).split())
