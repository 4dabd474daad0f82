"""Write a :class:`Bundel` into the database, inside the caller's transaction.

Order: code lists, municipalities, contact points, products, rule files, then the
engine's check of the whole rule set. Any problem raises :class:`LaadFout`; the caller
rolls back, so the previous catalogue stays as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.models import (
    Code,
    Contactpunt,
    GemeenteAliasRij,
    GemeenteRij,
    Laadbeurt,
    Product,
    ProductGebied,
    RechtRegel,
    Zoekterm,
    nu,
)
from bot.catalogue.tekst import zoeksleutel
from bot.gemeenten import sleutel as gemeente_sleutel
from catalogus_loader.bronnen import lees_bronnen
from catalogus_loader.fouten import LaadFout, Overgeslagen, Probleem
from catalogus_loader.gemeenten import bouw_gemeenten
from catalogus_loader.motor import controleer_met_motor
from catalogus_loader.rdf import GEOGRAFISCH
from catalogus_loader.records import (
    AliasRecord,
    Bundel,
    CodeRecord,
    ContactpuntenRecord,
    ContactRecord,
    GemeenteRecord,
    ProductRecord,
    RegelRecord,
)
from catalogus_loader.sleutels import INSTANTIE_SOORTEN

CODEVELDEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "type": ("type", ("Type",)),
    "themas": ("themas", ("Thema",)),
    "doelgroepen": ("doelgroepen", ("Doelgroep",)),
    "bevoegde_bestuursniveaus": ("bevoegdBestuursniveaus", ("BevoegdBestuursniveau",)),
    "uitvoerende_bestuursniveaus": ("uitvoerendBestuursniveaus", ("UitvoerendBestuursniveau",)),
    "publicatiekanalen": ("publicatiekanalen", ("PublicatieKanaal",)),
    "your_europe_categorieen": ("yourEuropeCategorieen", ("YourEuropeCategorie",)),
    "tags": ("tags", ("ConceptTag", "InstantieTag")),
}
"""Record field -> (IPDC field name, code lists that define its values)."""


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    overgeslagen: int = 0
    verwijderd: int = 0

    @property
    def veranderd(self) -> int:
        return self.nieuw + self.gewijzigd + self.verwijderd


@dataclass
class LaadResultaat:
    """What a load did, per kind of data."""

    producten: Telling = field(default_factory=Telling)
    regels: Telling = field(default_factory=Telling)
    codelijsten: Telling = field(default_factory=Telling)
    gemeenten: Telling = field(default_factory=Telling)
    contactpunten: Telling = field(default_factory=Telling)
    meldingen: list[str] = field(default_factory=list)
    overgeslagen: list[Overgeslagen] = field(default_factory=list)
    """Products left out because they cannot be used: file, product and reason."""
    bronnen: list[str] = field(default_factory=list)

    @property
    def veranderd(self) -> int:
        """Total of new, changed and removed items: 0 after reloading the same data."""
        return sum(t.veranderd for t in self.tellingen().values())

    def tellingen(self) -> dict[str, Telling]:
        return {
            "producten": self.producten,
            "regels": self.regels,
            "codelijsten": self.codelijsten,
            "gemeenten": self.gemeenten,
            "contactpunten": self.contactpunten,
        }


# -- reference data ------------------------------------------------------------------------


def _codes_in_db(sessie: Session) -> dict[str, list[CodeRecord]]:
    uit: dict[str, list[CodeRecord]] = {}
    rijen = sessie.execute(
        select(Code.lijst, Code.code, Code.uri, Code.label, Code.notatie, Code.einde)
    )
    for lijst, code, uri, label, notatie, einde in rijen:
        uit.setdefault(lijst, []).append(CodeRecord(lijst, code, uri, label, notatie, einde))
    return uit


def _schrijf_codes(sessie: Session, lijst: str, codes: list[CodeRecord]) -> None:
    sessie.execute(delete(Code).where(Code.lijst == lijst))
    if codes:
        sessie.execute(
            insert(Code),
            [
                {
                    "lijst": c.lijst,
                    "code": c.code,
                    "uri": c.uri,
                    "label": c.label,
                    "notatie": c.notatie,
                    "einde": c.einde,
                }
                for c in codes
            ],
        )


def _gemeenten_in_db(sessie: Session) -> tuple[list[GemeenteRecord], list[AliasRecord]]:
    """Read as plain rows (no ORM objects), so that the tables can be rewritten safely."""
    g_kolommen = (
        "nis",
        "naam",
        "gewest",
        "naam_fr",
        "provincie",
        "centrumstad",
        "nuts_code",
        "fusiejaar",
    )
    a_kolommen = (
        "naam",
        "sleutel",
        "nis",
        "type",
        "postcode",
        "vroegere_nis",
        "dubbelzinnig",
        "bron",
    )
    gemeenten = [
        GemeenteRecord(**{k: rij[k] for k in g_kolommen})
        for rij in sessie.execute(select(GemeenteRij.__table__)).mappings()
    ]
    aliassen = [
        AliasRecord(**{k: rij[k] for k in a_kolommen})
        for rij in sessie.execute(select(GemeenteAliasRij.__table__)).mappings()
    ]
    return gemeenten, aliassen


def _alias_sleutel(a: AliasRecord) -> tuple[Any, ...]:
    return (
        a.naam,
        a.sleutel,
        a.nis,
        str(a.type),
        a.postcode,
        a.vroegere_nis,
        a.dubbelzinnig,
        a.bron,
    )


def _schrijf_gemeenten(
    sessie: Session, gemeenten: list[GemeenteRecord], aliassen: list[AliasRecord]
) -> None:
    sessie.execute(delete(GemeenteAliasRij))
    sessie.execute(delete(GemeenteRij))
    sessie.execute(insert(GemeenteRij), [g.kolommen() for g in gemeenten])
    if aliassen:
        sessie.execute(
            insert(GemeenteAliasRij),
            [
                {
                    "naam": a.naam,
                    "sleutel": a.sleutel,
                    "nis": a.nis,
                    "type": str(a.type),
                    "postcode": a.postcode,
                    "vroegere_nis": a.vroegere_nis,
                    "dubbelzinnig": a.dubbelzinnig,
                    "bron": a.bron,
                }
                for a in aliassen
            ],
        )


@dataclass
class Gebiedsindeling:
    """NUTS/LAU codes -> current NIS codes."""

    lau: dict[str, str]
    """LAU code -> NIS code in ``skos:notation`` (current or former)."""
    gemeenten: dict[str, str | None]
    """Current NIS code -> its NUTS/LAU code."""
    vroeger: dict[str, str]
    """Former NIS code -> current NIS code."""

    def nis_codes(self, code: str) -> set[str] | None:
        """The current municipalities in area ``code``; ``None`` for an unknown code."""
        if code in self.lau:
            nis = self.lau[code]
            if nis in self.gemeenten:
                return {nis}
            if nis in self.vroeger:
                return {self.vroeger[nis]}
            return None
        gevonden = {nis for nis, nuts in self.gemeenten.items() if nuts and nuts.startswith(code)}
        if code == "BE":
            gevonden = set(self.gemeenten)
        return gevonden or None


def _gebiedsindeling(sessie: Session, geografisch: list[CodeRecord]) -> Gebiedsindeling:
    lau = {
        c.code: c.notatie for c in geografisch if c.notatie and re.fullmatch(r"\d{5}", c.notatie)
    }
    gemeenten = dict(sessie.execute(select(GemeenteRij.nis, GemeenteRij.nuts_code)).all())
    vroeger = {
        oud: nis
        for oud, nis in sessie.execute(
            select(GemeenteAliasRij.vroegere_nis, GemeenteAliasRij.nis).where(
                GemeenteAliasRij.vroegere_nis.isnot(None)
            )
        )
        if oud not in gemeenten
    }
    return Gebiedsindeling(lau, gemeenten, vroeger)


# -- the sync ------------------------------------------------------------------------------


@dataclass
class _Sync:
    sessie: Session
    bundel: Bundel
    catalogus_pad: Path
    volledig: bool
    resultaat: LaadResultaat = field(default_factory=LaadResultaat)
    problemen: list[Probleem] = field(default_factory=list)
    overgeslagen: list[Overgeslagen] = field(default_factory=list)
    codes: dict[str, list[CodeRecord]] = field(default_factory=dict)
    _meegeleverd: Bundel | None = None

    def stop_bij_problemen(self) -> None:
        if self.problemen:
            raise LaadFout(self.problemen)

    def meegeleverd(self) -> Bundel:
        """The bundled code lists and municipality lists (read once, when needed)."""
        if self._meegeleverd is None:
            paden = [self.catalogus_pad / "codelijsten", self.catalogus_pad / "gemeenten"]
            bundel = lees_bronnen([p for p in paden if p.exists()])
            if bundel.problemen:
                raise LaadFout(bundel.problemen)
            self._meegeleverd = bundel
        return self._meegeleverd

    # code lists

    def sync_codes(self) -> None:
        in_db = _codes_in_db(self.sessie)
        self.codes = dict(in_db)
        for lijst, codes in sorted(self.bundel.codes.items()):
            self.codes[lijst] = codes
            oud = Counter(c.sleutel() for c in in_db.get(lijst, []))
            if oud == Counter(c.sleutel() for c in codes):
                self.resultaat.codelijsten.ongewijzigd += 1
                continue
            _schrijf_codes(self.sessie, lijst, codes)
            if lijst in in_db:
                self.resultaat.codelijsten.gewijzigd += 1
            else:
                self.resultaat.codelijsten.nieuw += 1
        if not self.codes:
            for lijst, codes in sorted(self.meegeleverd().codes.items()):
                self.codes[lijst] = codes
                _schrijf_codes(self.sessie, lijst, codes)
                self.resultaat.codelijsten.nieuw += 1

    # municipalities

    def sync_gemeenten(self) -> None:
        b = self.bundel
        bron_bundel: Bundel | None = None
        if b.gemeenten_csv is not None:
            bron_bundel = b
        elif b.deelgemeenten_csv is not None:
            self.problemen.append(
                Probleem(
                    b.deelgemeenten_bron or "deelgemeenten.csv",
                    "Laad deelgemeenten.csv samen met gemeenten-2025.csv.",
                )
            )
            return
        elif self.sessie.scalar(select(GemeenteRij.nis).limit(1)) is None:
            bron_bundel = self.meegeleverd()
        if bron_bundel is None:
            if GEOGRAFISCH in b.codes:
                self._controleer_lau_tegen_db(b.codes[GEOGRAFISCH])
            return
        if bron_bundel.gemeenten_csv is None:
            self.problemen.append(
                Probleem(str(self.catalogus_pad / "gemeenten"), "gemeenten-2025.csv ontbreekt.")
            )
            return
        data = bouw_gemeenten(
            bron_bundel.gemeenten_csv,
            bron_bundel.gemeenten_bron or "gemeenten-2025.csv",
            bron_bundel.deelgemeenten_csv,
            bron_bundel.deelgemeenten_bron,
            self.codes.get(GEOGRAFISCH),
        )
        self.problemen.extend(data.problemen)
        self.resultaat.meldingen.extend(data.meldingen)
        if data.problemen:
            return
        oude_gemeenten, oude_aliassen = _gemeenten_in_db(self.sessie)
        zelfde = Counter(tuple(g.kolommen().items()) for g in oude_gemeenten) == Counter(
            tuple(g.kolommen().items()) for g in data.gemeenten
        ) and Counter(map(_alias_sleutel, oude_aliassen)) == Counter(
            map(_alias_sleutel, data.aliassen)
        )
        if zelfde:
            self.resultaat.gemeenten.ongewijzigd += len(data.gemeenten)
            return
        oud = {g.nis: g for g in oude_gemeenten}
        nieuw = {g.nis: g for g in data.gemeenten}
        telling = self.resultaat.gemeenten
        telling.nieuw += len(nieuw.keys() - oud.keys())
        telling.verwijderd += len(oud.keys() - nieuw.keys())
        gedeeld = nieuw.keys() & oud.keys()
        telling.gewijzigd += sum(1 for n in gedeeld if nieuw[n].kolommen() != oud[n].kolommen())
        telling.ongewijzigd += sum(1 for n in gedeeld if nieuw[n].kolommen() == oud[n].kolommen())
        if telling.veranderd == 0:
            telling.gewijzigd += 1  # only the aliases changed
        _schrijf_gemeenten(self.sessie, data.gemeenten, data.aliassen)

    def _controleer_lau_tegen_db(self, geografisch: list[CodeRecord]) -> None:
        huidig = set(self.sessie.scalars(select(GemeenteRij.nis)))
        vroeger = set(self.sessie.scalars(select(GemeenteAliasRij.vroegere_nis)))
        for c in geografisch:
            if not c.notatie or not re.fullmatch(r"\d{5}", c.notatie):
                continue
            if c.notatie not in huidig and c.notatie not in vroeger:
                self.problemen.append(
                    Probleem(
                        "codelijst " + GEOGRAFISCH,
                        f"Gemeente {c.label} ({c.notatie}, {c.code}) is geen huidige of "
                        "vroegere gemeente in de gemeentelijst van de databank.",
                    )
                )

    # contact points

    def sync_contactpunten(self) -> None:
        """The contact file replaces every contact point; without one, nothing changes."""
        record = self.bundel.contactpunten
        if record is None:
            self._controleer_bestaande_contactpunten()
            return
        self.problemen.extend(_controleer_contact_gemeenten(self.sessie, record))
        if self.problemen:
            return
        nieuw = {c.nis: c for c in [record.algemeen, *record.gemeenten]}
        oud = {r.nis: r for r in self.sessie.scalars(select(Contactpunt))}
        telling = self.resultaat.contactpunten
        for nis, rij in oud.items():
            if nis not in nieuw:
                self.sessie.delete(rij)
                telling.verwijderd += 1
        self.sessie.flush()
        for nis, c in nieuw.items():
            h = c.hash()
            rij = oud.get(nis)
            if rij is None:
                self.sessie.add(Contactpunt(**c.kolommen(), bron=record.bron, inhoud_hash=h))
                telling.nieuw += 1
            elif rij.inhoud_hash == h:
                telling.ongewijzigd += 1
            else:
                for naam, waarde in c.kolommen().items():
                    setattr(rij, naam, waarde)
                rij.bron = record.bron
                rij.inhoud_hash = h
                rij.geladen_op = nu()
                telling.gewijzigd += 1

    def _controleer_bestaande_contactpunten(self) -> None:
        """After a new municipality list: say which contact points lost their municipality."""
        if self.resultaat.gemeenten.veranderd == 0:
            return
        huidig = set(self.sessie.scalars(select(GemeenteRij.nis)))
        for rij in self.sessie.scalars(select(Contactpunt).where(Contactpunt.nis.isnot(None))):
            if rij.nis not in huidig:
                self.resultaat.meldingen.append(
                    f"{rij.bron}: contactpunt '{rij.naam}' hoort bij NIS-code {rij.nis}, en dat "
                    "is geen huidige gemeente meer. Pas het contactbestand aan."
                )

    # products

    def sync_producten(self) -> None:
        producten = self._nieuwste_versies(self.bundel.producten)
        if not producten:
            self.meld_overgeslagen()
            return
        indeling = _gebiedsindeling(self.sessie, self.codes.get(GEOGRAFISCH, []))
        geldig: list[tuple[ProductRecord, list[str]]] = []
        for record in producten:
            reden = self._controleer_codes(record)
            nis, gebiedreden = self._gebied(record, indeling)
            reden = reden or gebiedreden
            if reden is not None:
                self.overgeslagen.append(reden)
                continue
            geldig.append((record, nis))
            if _lokaal_zonder_gebied(record):
                self.resultaat.meldingen.append(
                    f"{record.bron}: product '{_naam(record)}' is een lokaal product zonder "
                    "gebied (geografischToepassingsgebied); het geldt dus voor alle gemeenten."
                )
        self.meld_overgeslagen()
        nummers = [r.productnummer for r, _ in geldig]
        bestaand = {
            p.productnummer: p
            for deel in _stukken(nummers, 500)
            for p in self.sessie.scalars(select(Product).where(Product.productnummer.in_(deel)))
        }
        telling = self.resultaat.producten
        for record, nis in geldig:
            h = record.hash(nis)
            p = bestaand.get(record.productnummer)
            if p is None:
                p = Product(**record.velden(), geografisch_nis=nis, bron=record.bron, inhoud_hash=h)
                p.gebieden = [ProductGebied(nis=n) for n in nis]
                p.zoekterm_rijen = _product_termen(record)
                self.sessie.add(p)
                telling.nieuw += 1
            elif p.inhoud_hash == h:
                telling.ongewijzigd += 1
            elif (
                record.laatst_gewijzigd is not None
                and p.laatst_gewijzigd is not None
                and record.laatst_gewijzigd < p.laatst_gewijzigd
            ):
                telling.overgeslagen += 1
                self.resultaat.meldingen.append(
                    f"{record.bron}: product {record.productnummer} is ouder "
                    f"({record.laatst_gewijzigd:%Y-%m-%d %H:%M}) dan de versie in de databank "
                    f"({p.laatst_gewijzigd:%Y-%m-%d %H:%M}); niet overschreven."
                )
            else:
                for naam, waarde in record.velden().items():
                    setattr(p, naam, waarde)
                p.geografisch_nis = nis
                p.bron = record.bron
                p.inhoud_hash = h
                p.geladen_op = nu()
                oud = {g.nis: g for g in p.gebieden}
                for weg in oud.keys() - set(nis):
                    p.gebieden.remove(oud[weg])
                p.gebieden.extend(ProductGebied(nis=n) for n in nis if n not in oud)
                p.zoekterm_rijen = _product_termen(record)
                telling.gewijzigd += 1
        if self.volledig:
            # a product skipped this time keeps its previous version
            blijven = nummers + [o.sleutel for o in self.overgeslagen if o.sleutel]
            weg = self.sessie.scalars(select(Product).where(Product.productnummer.not_in(blijven)))
            for p in weg:
                self.sessie.delete(p)
                telling.verwijderd += 1

    def _nieuwste_versies(self, producten: list[ProductRecord]) -> list[ProductRecord]:
        per_nummer: dict[str, list[ProductRecord]] = {}
        for p in producten:
            per_nummer.setdefault(p.productnummer, []).append(p)
        uit = []
        for nummer, versies in per_nummer.items():
            if len(versies) > 1:
                self.resultaat.meldingen.append(
                    f"Product {nummer} komt {len(versies)} keer voor "
                    f"({', '.join(sorted({v.bron for v in versies}))}); de nieuwste versie telt."
                )
            uit.append(max(versies, key=_versie))
        return uit

    def meld_overgeslagen(self) -> None:
        """Count and report the skipped products; say when an earlier version stays."""
        sleutels = [o.sleutel for o in self.overgeslagen if o.sleutel]
        bestaand = {
            n
            for deel in _stukken(sleutels, 500)
            for n in self.sessie.scalars(
                select(Product.productnummer).where(Product.productnummer.in_(deel))
            )
        }
        for melding in self.overgeslagen:
            if melding.sleutel in bestaand:
                melding = replace(
                    melding, reden=f"{melding.reden} De vorige versie in de databank blijft."
                )
            self.resultaat.overgeslagen.append(melding)
            self.resultaat.producten.overgeslagen += 1

    def _controleer_codes(self, record: ProductRecord) -> Overgeslagen | None:
        """An unknown type skips the product; another unknown code is left out, with a
        note (IPDC may add codes before the bundled code lists have them)."""
        for veld, (ipdc_veld, lijsten) in CODEVELDEN.items():
            gekend: set[str] = set()
            bekend_lijst = False
            for lijst in lijsten:
                if lijst in self.codes:
                    bekend_lijst = True
                    gekend.update(c.code for c in self.codes[lijst])
            if not bekend_lijst:
                continue
            waarde = getattr(record, veld)
            lijstnaam = " of ".join(lijsten)
            if isinstance(waarde, str):
                if waarde not in gekend:
                    return Overgeslagen(
                        record.bron,
                        _naam(record),
                        f"Onbekend type '{waarde}' (niet in de codelijst {lijstnaam}).",
                        ipdc_veld,
                        record.productnummer,
                    )
                continue
            onbekend = [w for w in waarde or [] if w not in gekend]
            if onbekend:
                setattr(record, veld, [w for w in waarde if w in gekend])
                codes = ", ".join(f"'{w}'" for w in onbekend)
                self.resultaat.meldingen.append(
                    f"{record.bron}: product '{_naam(record)}', veld {ipdc_veld}: onbekende "
                    f"code {codes} (niet in de codelijst {lijstnaam}); weggelaten."
                )
        return None

    def _gebied(
        self, record: ProductRecord, indeling: Gebiedsindeling
    ) -> tuple[list[str], Overgeslagen | None]:
        """The current municipalities of the product's area. An unknown area skips the
        product: without it, a local product would seem to apply everywhere."""
        nis: set[str] = set()
        for code in record.geografisch_nuts:
            gevonden = indeling.nis_codes(code)
            if gevonden is None:
                return [], Overgeslagen(
                    record.bron,
                    _naam(record),
                    f"Onbekende NUTS/LAU-code '{code}': het gebied waar het product geldt, "
                    "is niet bekend.",
                    "geografischToepassingsgebieden",
                    record.productnummer,
                )
            nis.update(gevonden)
        return sorted(nis), None

    # rule files

    def sync_regels(self) -> None:
        regels = self.bundel.regels
        if not regels:
            return
        huidig = set(self.sessie.scalars(select(GemeenteRij.nis)))
        for r in regels:
            self.problemen.extend(_controleer_nis(r, huidig))
        if self.problemen:
            return
        ids = [r.recht_id for r in regels]
        bestaand = {
            r.recht_id: r
            for r in self.sessie.scalars(select(RechtRegel).where(RechtRegel.recht_id.in_(ids)))
        }
        telling = self.resultaat.regels
        for record in regels:
            h = record.hash()
            rij = bestaand.get(record.recht_id)
            velden = {
                "product_sleutel": record.product_sleutel,
                "naam": record.naam,
                "niveau": record.niveau,
                "themas": record.themas,
                "gemeenten": record.gemeenten,
                "synoniemen": record.synoniemen,
                "definitie": record.definitie,
                "bron": record.bron,
                "inhoud_hash": h,
            }
            if rij is None:
                rij = RechtRegel(recht_id=record.recht_id, **velden)
                rij.zoekterm_rijen = _regel_termen(record)
                self.sessie.add(rij)
                telling.nieuw += 1
            elif rij.inhoud_hash == h:
                telling.ongewijzigd += 1
            else:
                for naam, waarde in velden.items():
                    setattr(rij, naam, waarde)
                rij.geladen_op = nu()
                rij.zoekterm_rijen = _regel_termen(record)
                telling.gewijzigd += 1
        if self.volledig:
            for rij in self.sessie.scalars(
                select(RechtRegel).where(RechtRegel.recht_id.not_in(ids))
            ):
                self.sessie.delete(rij)
                telling.verwijderd += 1

    def controleer_geheel(self) -> None:
        self.sessie.flush()
        per_id = {r.recht_id: r for r in self.bundel.regels}
        self.problemen.extend(controleer_met_motor(self.sessie, per_id))
        onbekend = repository.dekking(self.sessie).onbekend_product
        for rij in onbekend:
            if rij.recht_id in per_id:
                record = per_id[rij.recht_id]
                self.resultaat.meldingen.append(
                    f"{record.bron}, regel {record.regel_van(('product',))}: product "
                    f"'{record.product_sleutel}' staat (nog) niet in de catalogus."
                )


def _lokaal_zonder_gebied(record: ProductRecord) -> bool:
    """An LPDC instance of a local government (or of no stated level) without an area."""
    lokaal = not record.bevoegde_bestuursniveaus or "Lokaal" in record.bevoegde_bestuursniveaus
    return record.soort in INSTANTIE_SOORTEN and lokaal and not record.geografisch_nuts


def _naam(record: ProductRecord) -> str:
    return f"{record.naam} ({record.productnummer})"


def _versie(p: ProductRecord) -> tuple[Any, ...]:
    minimum = datetime.min.replace(tzinfo=UTC)
    return (p.laatst_gewijzigd or minimum, p.versie_tijd or minimum)


def _stukken(lijst: list[str], grootte: int) -> Iterable[list[str]]:
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


def _termen(paren: Iterable[tuple[str, str]], maak: Callable[..., Zoekterm]) -> list[Zoekterm]:
    gezien: set[tuple[str, str]] = set()
    uit = []
    for term, herkomst in paren:
        sleutel = zoeksleutel(term)[:500]
        if not sleutel or (sleutel, herkomst) in gezien:
            continue
        gezien.add((sleutel, herkomst))
        uit.append(maak(term=term[:500], sleutel=sleutel, herkomst=herkomst))
    return uit


def _product_termen(record: ProductRecord) -> list[Zoekterm]:
    paren = [(record.naam, "naam"), *((t, "zoekterm") for t in record.zoektermen)]
    return _termen(paren, Zoekterm)


def _regel_termen(record: RegelRecord) -> list[Zoekterm]:
    paren = [(record.naam, "naam"), *((s, "synoniem") for s in record.synoniemen)]
    return _termen(paren, Zoekterm)


def _controleer_nis(record: RegelRecord, huidig: set[str]) -> list[Probleem]:
    fouten = []
    for i, nis in enumerate(record.gemeenten):
        if nis not in huidig:
            fouten.append(
                Probleem(
                    record.bron,
                    f"NIS-code {nis} is geen huidige gemeente (na de fusies van 2025).",
                    record.regel_van(("gemeenten", i)),
                    f"gemeenten.{i}",
                )
            )
    for naam, parameter in (record.definitie.get("parameters") or {}).items():
        for nis in parameter.get("per_gemeente") or {}:
            if nis not in huidig:
                pad = ("parameters", naam, "per_gemeente", nis)
                fouten.append(
                    Probleem(
                        record.bron,
                        f"NIS-code {nis} is geen huidige gemeente (na de fusies van 2025).",
                        record.regel_van(pad),
                        ".".join(pad),
                    )
                )
    return fouten


def _controleer_contact_gemeenten(sessie: Session, record: ContactpuntenRecord) -> list[Probleem]:
    """Every NIS code is a current municipality, and the name written next to it is its name."""
    namen = dict(sessie.execute(select(GemeenteRij.nis, GemeenteRij.naam)).all())
    vroeger = {
        oud: nis
        for oud, nis in sessie.execute(
            select(GemeenteAliasRij.vroegere_nis, GemeenteAliasRij.nis).where(
                GemeenteAliasRij.vroegere_nis.isnot(None)
            )
        )
        if oud not in namen
    }
    fouten = []
    for i, c in enumerate(record.gemeenten):
        bericht = _contact_gemeente_fout(c, namen, vroeger)
        if bericht is not None:
            fouten.append(
                Probleem(
                    record.bron,
                    f"Gemeente {c.nis} ({c.gemeente}): {bericht}",
                    record.regel_van(("gemeenten", i, "nis")),
                    f"gemeenten.{i}.nis",
                )
            )
    return fouten


def _contact_gemeente_fout(
    c: ContactRecord, namen: dict[str, str], vroeger: dict[str, str]
) -> str | None:
    if c.nis is None:
        return None
    if c.nis in vroeger:
        nieuw = vroeger[c.nis]
        return (
            f"NIS-code {c.nis} is een vroegere gemeente. Gebruik de huidige NIS-code "
            f"{nieuw} ({namen[nieuw]})."
        )
    if c.nis not in namen:
        return f"NIS-code {c.nis} is geen huidige gemeente (na de fusies van 2025)."
    if gemeente_sleutel(c.gemeente or "") != gemeente_sleutel(namen[c.nis]):
        return (
            f"NIS-code {c.nis} is {namen[c.nis]}, niet '{c.gemeente}'. "
            "Kijk de NIS-code of de naam na."
        )
    return None


def synchroniseer(
    sessie: Session, bundel: Bundel, *, catalogus_pad: Path, volledig: bool = False
) -> LaadResultaat:
    """Write ``bundel`` into the open transaction of ``sessie``; raise :class:`LaadFout`."""
    if bundel.problemen:
        raise LaadFout(bundel.problemen)
    sync = _Sync(sessie, bundel, catalogus_pad, volledig)
    sync.overgeslagen.extend(bundel.overgeslagen)
    sync.resultaat.meldingen.extend(bundel.meldingen)
    sync.resultaat.bronnen.extend(bundel.bronnen)
    sync.sync_codes()
    sync.sync_gemeenten()
    sync.stop_bij_problemen()
    sync.sync_contactpunten()
    sync.stop_bij_problemen()
    sync.sync_producten()
    sync.stop_bij_problemen()
    sync.sync_regels()
    sync.stop_bij_problemen()
    sync.controleer_geheel()
    sync.stop_bij_problemen()
    r = sync.resultaat
    sessie.add(
        Laadbeurt(
            bronnen=r.bronnen[:1000],
            toegevoegd=sum(t.nieuw for t in r.tellingen().values()),
            gewijzigd=sum(t.gewijzigd + t.verwijderd for t in r.tellingen().values()),
            ongewijzigd=sum(t.ongewijzigd for t in r.tellingen().values()),
            samenvatting={k: vars(t) for k, t in r.tellingen().items()},
        )
    )
    sessie.flush()
    return r
