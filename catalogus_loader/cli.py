"""Command line: ``python -m catalogus_loader load|validate|report|links|init``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from sqlalchemy.orm import Session

from bot.catalogue.db import maak_engine
from bot.catalogue.fouten import CatalogusFout
from bot.catalogue.rapport import TESTGEVALLEN_MAP
from bot.catalogue.repository import ContactDekking
from bot.notatie import datum_tekst
from bot.rules import Recht, Veroudering
from bot.settings import Settings
from catalogus_loader import laden
from catalogus_loader.bronnen import tel_bestanden
from catalogus_loader.init import initialiseer
from catalogus_loader.links import controleer_links, verzamel_links
from catalogus_loader.rapport_uitvoer import lees_dekking, toon_dekking, toon_links
from catalogus_loader.synchroniseren import LaadResultaat

app = typer.Typer(
    help="Laad de productcatalogus (IPDC) en de regelbestanden in de databank.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
fouten_console = Console(stderr=True)

DatabankOptie = Annotated[
    str | None,
    typer.Option("--database-url", help="SQLAlchemy-URL; standaard DATABASE_URL."),
]
BronnenArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Bestanden, mappen of URL's (ipdc:pad = onder IPDC_API_URL). "
        "Standaard: de meegeleverde catalogus/."
    ),
]


class _RichVoortgang:
    def __init__(self, progress: Progress, taak: int):
        self.progress = progress
        self.taak = taak

    def stap(self, omschrijving: str) -> None:
        self.progress.update(self.taak, advance=1, description=f"Lezen: {omschrijving}")


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )


def _instellingen(database_url: str | None) -> Settings:
    instellingen = Settings()
    if database_url:
        instellingen = instellingen.model_copy(update={"database_url": database_url})
    return instellingen


def _samenvatting(resultaat: LaadResultaat, titel: str) -> None:
    tabel = Table(title=titel)
    for kolom in ("", "nieuw", "gewijzigd", "ongewijzigd", "overgeslagen", "verwijderd"):
        tabel.add_column(kolom, justify="left" if not kolom else "right")
    for naam, t in resultaat.tellingen().items():
        tabel.add_row(
            naam,
            str(t.nieuw),
            str(t.gewijzigd),
            str(t.ongewijzigd),
            str(t.overgeslagen),
            str(t.verwijderd),
        )
    console.print(tabel)
    for product in resultaat.overgeslagen:
        console.print(
            f"[yellow]Overgeslagen:[/] {escape(str(product))}", highlight=False, soft_wrap=True
        )
    for melding in resultaat.meldingen:
        console.print(f"[yellow]Let op:[/] {escape(melding)}", highlight=False, soft_wrap=True)
    console.print(f"{resultaat.veranderd} gewijzigd.", highlight=False)


def _fout(fout: CatalogusFout) -> None:
    fouten_console.print(str(fout), style="red", highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(code=1)


@app.command("load")
def load(
    bronnen: BronnenArgument = None,
    volledig: Annotated[
        bool,
        typer.Option(help="De bronnen zijn de hele catalogus: verwijder wat er niet in staat."),
    ] = False,
    database_url: DatabankOptie = None,
) -> None:
    """Laad bestanden, mappen of URL's in de databank (alles of niets)."""
    instellingen = _instellingen(database_url)
    lijst = bronnen or [str(instellingen.catalogus_pad)]
    engine = maak_engine(instellingen.database_url)
    try:
        with _progress() as progress:
            taak = progress.add_task("Lezen", total=tel_bestanden(lijst))
            resultaat = laden.laad(
                engine,
                lijst,
                instellingen=instellingen,
                volledig=volledig,
                voortgang=_RichVoortgang(progress, taak),
            )
    except CatalogusFout as fout:
        _fout(fout)
    finally:
        engine.dispose()
    _samenvatting(resultaat, "Catalogus geladen")


@app.command("validate")
def validate(bronnen: BronnenArgument = None) -> None:
    """Controleer bestanden zonder de databank te wijzigen."""
    instellingen = Settings()
    lijst = bronnen or [str(instellingen.catalogus_pad)]
    try:
        with _progress() as progress:
            taak = progress.add_task("Lezen", total=tel_bestanden(lijst))
            resultaat = laden.valideer(
                lijst, instellingen=instellingen, voortgang=_RichVoortgang(progress, taak)
            )
    except CatalogusFout as fout:
        _fout(fout)
    _samenvatting(resultaat, "Controle geslaagd (er is niets opgeslagen)")


@app.command("init")
def init(database_url: DatabankOptie = None) -> None:
    """Breng de databank naar het nieuwste schema en laad de catalogus als ze leeg is."""
    instellingen = _instellingen(database_url)
    try:
        with _progress() as progress:
            taak = progress.add_task("Lezen", total=tel_bestanden([instellingen.catalogus_pad]))
            resultaat = initialiseer(instellingen, voortgang=_RichVoortgang(progress, taak))
    except CatalogusFout as fout:
        _fout(fout)
    if resultaat is None:
        console.print("De databank is klaar; de catalogus was al geladen.")
    else:
        _samenvatting(resultaat, "Databank klaar, catalogus geladen")


@app.command("report")
def report(
    database_url: DatabankOptie = None,
    peildatum: Annotated[
        str | None, typer.Option(help="Rapport op deze datum (JJJJ-MM-DD); standaard vandaag.")
    ] = None,
    testgevallen: Annotated[
        Path, typer.Option(help="Map met de testgevallen van de regels (<recht-id>.yaml).")
    ] = TESTGEVALLEN_MAP,
    als_json: Annotated[
        bool, typer.Option("--json", help="Alleen de actualiteit per recht, als JSON.")
    ] = False,
) -> None:
    """Dekking en actualiteit: per recht niveau, gemeenten, regels, testgevallen, wanneer
    nagekeken, oude bedragen, bronnen en gearchiveerde producten; producten met en zonder
    regels, regels voor onbekende producten, en welke gemeenten een eigen contactpunt
    hebben."""
    instellingen = _instellingen(database_url)
    vandaag = _datum_optie(peildatum)
    engine = maak_engine(instellingen.database_url)
    try:
        actualiteit = lees_dekking(engine, vandaag, testgevallen)
        if als_json:
            print(json.dumps(actualiteit.als_json(), ensure_ascii=False, indent=2))
            return
        dekking = laden.rapport(engine)
        contact = laden.contact_rapport(engine)
        verouderd = laden.verouderd_rapport(engine, vandaag)
    finally:
        engine.dispose()
    console.print(f"Producten met regels ({len(dekking.met_regels)})", style="bold")
    met = Table()
    met.add_column("product")
    met.add_column("naam")
    met.add_column("rechten")
    for product, regels in dekking.met_regels:
        met.add_row(product.productnummer, product.naam, ", ".join(r.recht_id for r in regels))
    console.print(met)
    console.print(f"Producten zonder regels ({len(dekking.zonder_regels)})", style="bold")
    zonder = Table()
    zonder.add_column("product")
    zonder.add_column("naam")
    zonder.add_column("aangeboden")
    for product in dekking.zonder_regels:
        zonder.add_row(
            product.productnummer, product.naam, "ja" if product.is_aangeboden() else "nee"
        )
    console.print(zonder)
    console.print(
        f"Regels voor onbekende producten ({len(dekking.onbekend_product)})", style="bold"
    )
    onbekend = Table()
    onbekend.add_column("recht")
    onbekend.add_column("product")
    onbekend.add_column("bestand")
    for regel in dekking.onbekend_product:
        onbekend.add_row(regel.recht_id, regel.product_sleutel, regel.bron)
    console.print(onbekend)
    _verouderd_rapport(verouderd, vandaag)
    _contact_rapport(contact)
    toon_dekking(console, actualiteit)


@app.command("links")
def links(
    database_url: DatabankOptie = None,
    timeout: Annotated[float, typer.Option(help="Seconden per vraag aan een site.")] = 10.0,
    tegelijk: Annotated[int, typer.Option(help="Zoveel sites tegelijk vragen.")] = 8,
) -> None:
    """Controleer de links van de catalogus (bronnen, aanvraagpagina's, productlinks,
    websites van contactpunten). Stopt met code 1 als er een dode link is."""
    instellingen = _instellingen(database_url)
    engine = maak_engine(instellingen.database_url)
    try:
        with Session(engine) as sessie:
            gevonden = verzamel_links(sessie)
    finally:
        engine.dispose()
    with console.status(f"{len(gevonden)} links controleren…"):
        uitkomsten = controleer_links(gevonden, timeout=timeout, tegelijk=max(1, tegelijk))
    if not toon_links(console, uitkomsten):
        raise typer.Exit(code=1)


def _datum_optie(tekst: str | None) -> date:
    if tekst is None:
        return date.today()
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        fouten_console.print(f"Geef de datum als JJJJ-MM-DD, niet '{tekst}'.", style="red")
        raise typer.Exit(code=2) from None


def _verouderd_rapport(verouderd: list[tuple[Recht, Veroudering]], peildatum: date) -> None:
    console.print(
        f"Oude bedragen op {datum_tekst(peildatum)} ({len(verouderd)}): de nieuwste waarde "
        "is ouder dan een jaar. De verkenner rekent met een marge (een vast bedrag toont hij "
        "met zijn datum); zoek een nieuwer bedrag.",
        style="bold",
        highlight=False,
    )
    tabel = Table()
    tabel.add_column("recht")
    tabel.add_column("parameter")
    tabel.add_column("bedrag van")
    tabel.add_column("marge")
    for recht, v in verouderd:
        marge = f"+{round((v.factor - 1) * 100, 1)} %" if v.geindexeerd else "geen (vast bedrag)"
        tabel.add_row(recht.id, v.parameter, datum_tekst(v.sinds), marge)
    console.print(tabel)


def _contact_rapport(contact: ContactDekking) -> None:
    totaal = len(contact.met_contact) + len(contact.zonder_contact)
    console.print(
        f"Contactpunten: {len(contact.met_contact)} van {totaal} gemeenten hebben een eigen "
        "contactpunt",
        style="bold",
        highlight=False,
    )
    if contact.algemeen is None:
        console.print("Er is geen algemene lijn: laad contactpunten.yaml.", style="yellow")
    else:
        a = contact.algemeen
        telefoon = f", telefoon {a.telefoon}" if a.telefoon and a.telefoon != a.naam else ""
        uitleg = f": {a.omschrijving}" if a.omschrijving else ""
        console.print(
            f"Algemene lijn: {escape(a.naam)}{escape(telefoon)}{escape(uitleg)} "
            f"(bron: {escape(a.bron_url)})",
            highlight=False,
            soft_wrap=True,
        )
    for gemeente, punt in contact.met_contact:
        gegevens = [
            f"{label} {waarde}"
            for label, waarde in (
                ("adres", punt.adres),
                ("telefoon", punt.telefoon),
                ("open", punt.openingsuren),
                ("website", punt.website),
            )
            if waarde
        ]
        console.print(
            f"- {gemeente.nis} {escape(gemeente.naam)}: {escape(punt.naam)}"
            + "".join(f"; {escape(g)}" for g in gegevens)
            + f" (bron: {escape(punt.bron_url)})",
            highlight=False,
            soft_wrap=True,
        )
    for punt in contact.onbekende_gemeente:
        console.print(
            f"[yellow]Let op:[/] contactpunt {escape(punt.naam)} hoort bij NIS-code {punt.nis}, "
            "en dat is geen huidige gemeente.",
            highlight=False,
        )


def main() -> None:
    app()


__all__ = ["app", "main"]
