"""The freshness and coverage report (``bot.catalogue.rapport``) and the link check
(``catalogus_loader.links``) as tables in the terminal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalogue.rapport import (
    DOEL_PER_CENTRUMSTAD,
    MIN_TESTGEVALLEN,
    Dekkingsrapport,
    RapportRij,
    dekkingsrapport,
)
from bot.notatie import datum_tekst
from catalogus_loader.links import LinkUitkomst


def lees_dekking(engine: Engine, peildatum: date, testgevallen: Path | None) -> Dekkingsrapport:
    with Session(engine) as sessie:
        return dekkingsrapport(sessie, peildatum, testgevallen)


def gemeenten_tekst(rij: RapportRij) -> str:
    if rij.gemeenten:
        return ", ".join(rij.gemeenten)
    return f"{rij.aantal_gemeenten} gemeenten" if rij.aantal_gemeenten else "overal"


def regels_tekst(rij: RapportRij) -> str:
    return "ja" if rij.heeft_regels else "nee (niet gecontroleerd)"


def tests_tekst(rij: RapportRij) -> str:
    return "onbekend" if rij.testgevallen is None else str(rij.testgevallen)


def nagekeken_tekst(rij: RapportRij) -> str:
    if not rij.heeft_regels:
        return "-"
    return datum_tekst(rij.nagekeken_op) if rij.nagekeken_op else "nooit"


def oude_parameters_tekst(rij: RapportRij) -> str:
    return "; ".join(
        f"{p.parameter} (van {datum_tekst(p.sinds)}"
        + (f", gemeente {p.gemeente}" if p.gemeente else "")
        + (", geïndexeerd" if p.geindexeerd else "")
        + ")"
        for p in rij.oude_parameters
    )


def gearchiveerd_tekst(rij: RapportRij) -> str:
    return "; ".join(
        f"{g.naam} ({g.productnummer}, "
        + (datum_tekst(g.datum) if g.datum else "datum onbekend")
        + ")"
        for g in rij.gearchiveerd
    )


def toon_dekking(console: Console, rapport: Dekkingsrapport) -> None:
    """Per right, then the counts per level and per centrumstad."""
    peildatum = datum_tekst(rapport.peildatum)
    console.print(
        f"Actualiteit per recht op {peildatum} ({len(rapport.rijen)} rechten, "
        f"{rapport.na_te_kijken} na te kijken, {rapport.zonder_regels} zonder regels)",
        style="bold",
        highlight=False,
    )
    tabel = Table()
    for kolom in (
        "recht",
        "niveau",
        "gemeenten",
        "regels",
        "tests",
        "nagekeken op",
        "let op",
        "oude bedragen",
        "gearchiveerd sinds",
    ):
        tabel.add_column(kolom, overflow="fold")
    for rij in rapport.rijen:
        tabel.add_row(
            rij.recht_id,
            rij.niveau,
            escape(gemeenten_tekst(rij)),
            regels_tekst(rij),
            tests_tekst(rij),
            nagekeken_tekst(rij),
            "na te kijken" if rij.na_te_kijken else "",
            escape(oude_parameters_tekst(rij)),
            escape(gearchiveerd_tekst(rij)),
        )
    console.print(tabel)
    for rij in rapport.rijen:
        if rij.reden:
            console.print(f"- {rij.recht_id}: {rij.reden}", highlight=False, soft_wrap=True)

    console.print("Bronnen per recht", style="bold")
    for rij in rapport.rijen:
        console.print(
            f"- {rij.recht_id}: " + (escape(", ".join(rij.bronnen)) or "geen bron"),
            highlight=False,
            soft_wrap=True,
        )

    console.print("Rechten per niveau", style="bold")
    niveaus = Table()
    for kolom in ("niveau", "met regels", "zonder regels"):
        niveaus.add_column(kolom, justify="left" if kolom == "niveau" else "right")
    for n in rapport.per_niveau:
        niveaus.add_row(n.niveau, str(n.met_regels), str(n.zonder_regels))
    niveaus.add_row(
        "totaal",
        str(sum(n.met_regels for n in rapport.per_niveau)),
        str(sum(n.zonder_regels for n in rapport.per_niveau)),
    )
    console.print(niveaus)

    gehaald = sum(1 for c in rapport.centrumsteden if c.doel_gehaald)
    console.print(
        f"Centrumsteden: {gehaald} van {len(rapport.centrumsteden)} hebben minstens "
        f"{DOEL_PER_CENTRUMSTAD} eigen lokale rechten met regels en minstens "
        f"{MIN_TESTGEVALLEN} testgevallen",
        style="bold",
        highlight=False,
    )
    steden = Table()
    for kolom in ("centrumstad", "lokale rechten met regels", "met tests", "doel"):
        steden.add_column(kolom, overflow="fold")
    for c in rapport.centrumsteden:
        steden.add_row(
            escape(c.naam),
            escape(", ".join(c.lokale_rechten)) or "geen",
            str(len(c.getest)),
            "gehaald" if c.doel_gehaald else "NIET GEHAALD",
        )
    console.print(steden)


def toon_links(console: Console, uitkomsten: list[LinkUitkomst]) -> bool:
    """The dead links and who uses them; ``True`` when every link works."""
    dood = [u for u in uitkomsten if u.dood]
    console.print(
        f"{len(uitkomsten)} links gecontroleerd, {len(dood)} dood.",
        style="bold",
        highlight=False,
    )
    if not dood:
        return True
    tabel = Table(title="Dode links")
    tabel.add_column("link", overflow="fold")
    tabel.add_column("probleem", overflow="fold")
    tabel.add_column("gebruikt door", overflow="fold")
    for u in dood:
        tabel.add_row(escape(u.url), escape(u.probleem or ""), escape(", ".join(u.gebruikers)))
    console.print(tabel)
    return False
