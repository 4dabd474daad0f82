"""Municipalities and their aliases from ``gemeenten-2025.csv``, ``deelgemeenten.csv`` and the
NUTS/LAU code list (``geografisch-toepassingsgebied.ttl``).

The CSV decides which municipalities are current (after the 2025 mergers); the code list
gives their NUTS/LAU code and is checked against the CSV: every LAU code in it must be a
current municipality or a former one listed in the CSV.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.gemeenten import AliasType, sleutel
from catalogus_loader.fouten import Probleem
from catalogus_loader.records import AliasRecord, CodeRecord, GemeenteRecord

GEMEENTEN_KOLOMMEN = {"nis", "naam", "naam_fr", "gewest", "provincie", "centrumstad"}
DEELGEMEENTEN_KOLOMMEN = {"naam", "postcode", "gemeente_nis", "gemeente_naam", "type"}
GEWESTEN = {"Vlaanderen", "Brussel"}
BRUSSEL_NUTS = "BE100"

_ALIAS_TYPES = {
    "hoofdplaats": AliasType.DEELGEMEENTE,
    "deelgemeente": AliasType.DEELGEMEENTE,
    "vroegere_gemeente": AliasType.VROEGERE_GEMEENTE,
    "gemeente": AliasType.OFFICIEEL,
    "gemeente_fr": AliasType.FRANS,
    "deelgemeente_fr": AliasType.FRANS,
    "roepnaam": AliasType.DEELGEMEENTE,  # "Molenbeek": how people name a municipality
}


def lees_csv(tekst: str) -> tuple[list[str], list[dict[str, str]]]:
    lezer = csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")))
    rijen = [{k: (v or "").strip() for k, v in rij.items() if k is not None} for rij in lezer]
    return list(lezer.fieldnames or []), rijen


def soort_csv(kolommen: Sequence[str]) -> str | None:
    namen = set(kolommen)
    if namen >= GEMEENTEN_KOLOMMEN:
        return "gemeenten"
    if namen >= DEELGEMEENTEN_KOLOMMEN:
        return "deelgemeenten"
    return None


@dataclass
class Gemeentedata:
    gemeenten: list[GemeenteRecord] = field(default_factory=list)
    aliassen: list[AliasRecord] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def _bool(waarde: str) -> bool | None:
    return {"true": True, "false": False, "ja": True, "nee": False, "": False}.get(waarde.lower())


def bouw_gemeenten(
    gemeenten_rijen: list[dict[str, str]],
    gemeenten_bron: str,
    deelgemeenten_rijen: list[dict[str, str]] | None,
    deelgemeenten_bron: str | None,
    geografisch: list[CodeRecord] | None,
) -> Gemeentedata:
    uit = Gemeentedata()
    nuts_per_nis: dict[str, str] = {}
    for code in geografisch or []:
        if code.notatie and re.fullmatch(r"\d{5}", code.notatie) and code.einde is None:
            nuts_per_nis[code.notatie] = code.code

    per_nis: dict[str, GemeenteRecord] = {}
    vroeger: dict[str, str] = {}
    for i, rij in enumerate(gemeenten_rijen):
        regel = i + 2

        def fout(bericht: str, veld: str, regel: int = regel) -> None:
            uit.problemen.append(Probleem(gemeenten_bron, bericht, regel, veld))

        nis = rij.get("nis", "")
        if not re.fullmatch(r"\d{5}", nis):
            fout(f"'{nis}' is geen NIS-code van 5 cijfers.", "nis")
            continue
        if nis in per_nis:
            fout(f"NIS-code {nis} staat twee keer in de lijst.", "nis")
            continue
        if not rij.get("naam"):
            fout("De naam ontbreekt.", "naam")
            continue
        if rij.get("gewest") not in GEWESTEN:
            fout(f"Gewest '{rij.get('gewest')}' is niet Vlaanderen of Brussel.", "gewest")
            continue
        centrumstad = _bool(rij.get("centrumstad", ""))
        if centrumstad is None:
            fout("Gebruik true of false.", "centrumstad")
            continue
        vroegere: list[tuple[str, str]] = []
        for deel in filter(None, rij.get("vroegere_gemeenten", "").split("|")):
            naam, _, code = deel.rpartition(":")
            if not naam or not re.fullmatch(r"\d{5}", code):
                fout(f"'{deel}' heeft niet de vorm naam:NIS-code.", "vroegere_gemeenten")
                continue
            vroegere.append((naam.strip(), code))
            vroeger[code] = nis
        fusiejaar = rij.get("fusiejaar", "")
        if fusiejaar and not fusiejaar.isdigit():
            fout(f"'{fusiejaar}' is geen jaartal.", "fusiejaar")
            continue
        nuts = nuts_per_nis.get(nis)
        if rij["gewest"] == "Brussel":
            nuts = nuts or f"{BRUSSEL_NUTS}{nis}"
        elif geografisch is not None and nuts is None:
            uit.meldingen.append(
                f"{gemeenten_bron}, regel {regel}: {rij['naam']} ({nis}) staat niet in de "
                "NUTS/LAU-codelijst."
            )
        per_nis[nis] = GemeenteRecord(
            nis=nis,
            naam=rij["naam"],
            gewest=rij["gewest"],
            naam_fr=rij.get("naam_fr") or None,
            provincie=rij.get("provincie") or None,
            centrumstad=centrumstad,
            nuts_code=nuts,
            fusiejaar=int(fusiejaar) if fusiejaar else None,
            vroegere_gemeenten=tuple(vroegere),
        )

    for code in geografisch or []:
        if not code.notatie or not re.fullmatch(r"\d{5}", code.notatie):
            continue
        if code.notatie not in per_nis and code.notatie not in vroeger:
            uit.problemen.append(
                Probleem(
                    gemeenten_bron,
                    f"De NUTS/LAU-codelijst kent gemeente {code.label} ({code.notatie}), maar die "
                    "staat niet in deze lijst, ook niet als vroegere gemeente.",
                    veld="nis",
                )
            )

    aliassen: list[AliasRecord] = []
    for g in per_nis.values():
        aliassen.append(
            AliasRecord(g.naam, sleutel(g.naam), g.nis, AliasType.OFFICIEEL, bron="gemeenten")
        )
        if g.naam_fr:
            aliassen.append(
                AliasRecord(g.naam_fr, sleutel(g.naam_fr), g.nis, AliasType.FRANS, bron="gemeenten")
            )
        for naam, code in g.vroegere_gemeenten:
            aliassen.append(
                AliasRecord(
                    naam,
                    sleutel(naam),
                    g.nis,
                    AliasType.VROEGERE_GEMEENTE,
                    vroegere_nis=code,
                    bron=f"fusie-{g.fusiejaar}" if g.fusiejaar else "fusie",
                )
            )

    for i, rij in enumerate(deelgemeenten_rijen or []):
        regel = i + 2
        bron = deelgemeenten_bron or "deelgemeenten.csv"
        nis = rij.get("gemeente_nis", "")
        naam = rij.get("naam", "")
        if not naam:
            uit.problemen.append(Probleem(bron, "De naam ontbreekt.", regel, "naam"))
            continue
        if nis not in per_nis:
            uit.problemen.append(
                Probleem(bron, f"NIS-code '{nis}' is geen huidige gemeente.", regel, "gemeente_nis")
            )
            continue
        if rij.get("gemeente_naam") and rij["gemeente_naam"] != per_nis[nis].naam:
            uit.problemen.append(
                Probleem(
                    bron,
                    f"Gemeente {nis} heet {per_nis[nis].naam}, niet {rij['gemeente_naam']}.",
                    regel,
                    "gemeente_naam",
                )
            )
            continue
        soort = _ALIAS_TYPES.get(rij.get("type", ""))
        if soort is None:
            uit.problemen.append(
                Probleem(bron, f"Onbekend type '{rij.get('type')}'.", regel, "type")
            )
            continue
        postcode = rij.get("postcode") or None
        if postcode and not re.fullmatch(r"\d{4}", postcode):
            uit.problemen.append(
                Probleem(bron, f"'{postcode}' is geen postcode van 4 cijfers.", regel, "postcode")
            )
            continue
        dubbelzinnig = _bool(rij.get("dubbelzinnig", ""))
        if dubbelzinnig is None:
            uit.problemen.append(Probleem(bron, "Gebruik true of false.", regel, "dubbelzinnig"))
            continue
        aliassen.append(
            AliasRecord(
                naam,
                sleutel(naam),
                nis,
                soort,
                postcode=postcode,
                dubbelzinnig=dubbelzinnig,
                bron="/".join(filter(None, [rij.get("type"), rij.get("bron")])),
            )
        )

    gezien: set[AliasRecord] = set()
    for alias in aliassen:
        if alias not in gezien:
            gezien.add(alias)
            uit.aliassen.append(alias)
    uit.gemeenten = sorted(per_nis.values(), key=lambda g: g.nis)
    return uit
