"""Read sources into a :class:`Bundel`: files, folders and URLs, in every IPDC format.

- JSON of the IPDC API: one product, a list, or a list page (``hydraMember`` + ``hydraNext``);
  LPDC instances in compact JSON-LD (``"@type": "Instantie"``) have the same fields; an API
  error body (``status``, ``detail``) is reported with its Dutch ``detail``.
- LDES pages and other JSON-LD, compact or expanded (real LPDC instance-snapshot pages):
  parsed with rdflib, ``tree:relation`` is followed to the next page (a file beside it with
  that page id, or the next URL).

A product that cannot be used is skipped (``Bundel.overgeslagen``: file, product, reason);
a file that is broken or not IPDC at all is a problem that fails the whole load. A product
without a product number gets a key from its URI or uuid (see ``sleutels``).
- Turtle: SKOS code lists, products; SHACL shapes are recognised and skipped.
- CSV: ``gemeenten-2025.csv`` and ``deelgemeenten.csv`` (recognised by their columns).
- YAML: rule files, and the contact file (``contactpunten.yaml``: general line and the
  OCMW / Sociaal Huis per municipality).

Nothing here touches the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from rdflib import Graph

from catalogus_loader.contactpunten import is_contactbestand, lees_contactpunten
from catalogus_loader.fouten import Probleem, ipdc_foutmelding
from catalogus_loader.gemeenten import lees_csv, soort_csv
from catalogus_loader.ipdc_json import is_compact_product, lees_api_json
from catalogus_loader.rdf import (
    ContextFout,
    codes_uit_graaf,
    graaf_uit_jsonld,
    is_ldes_graaf,
    is_ldes_pagina,
    is_uitgebreide_jsonld,
    pagina_id_van,
    producten_uit_graaf,
    soort_turtle,
    volgende_paginas,
)
from catalogus_loader.records import Bundel
from catalogus_loader.regels import lees_regelbestand

EXTENSIES = {".json", ".jsonld", ".ttl", ".csv", ".yaml", ".yml"}
MAX_PAGINAS = 10_000
HTTP_TIMEOUT = 30.0


class Voortgang(Protocol):
    def stap(self, omschrijving: str) -> None: ...


@dataclass
class HttpInstellingen:
    api_url: str | None = None
    api_key: str | None = None
    timeout: float = HTTP_TIMEOUT

    def kop_voor(self, url: str) -> dict[str, str]:
        """``X-API-KEY`` only for the configured IPDC host (or any host if none is set)."""
        if not self.api_key:
            return {}
        if self.api_url:
            eigen, doel = urlsplit(self.api_url), urlsplit(url)
            if (eigen.scheme, eigen.netloc) != (doel.scheme, doel.netloc):
                return {}
        return {"X-API-KEY": self.api_key}

    def volledige_url(self, bron: str) -> str | None:
        """``ipdc:pad`` -> the URL under ``api_url``; a plain URL stays as it is."""
        if bron.startswith("ipdc:"):
            if not self.api_url:
                return None
            return urljoin(self.api_url.rstrip("/") + "/", bron.removeprefix("ipdc:").lstrip("/"))
        return bron


def toon_pad(pad: Path) -> str:
    """The path as shown in messages: relative to the working folder when it is inside it."""
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)


def is_url(bron: str) -> bool:
    return bron.startswith(("http://", "https://", "ipdc:"))


@dataclass
class _Lezer:
    bundel: Bundel
    http: HttpInstellingen
    voortgang: Voortgang | None = None
    client: httpx.Client | None = None
    bezochte_paginas: set[str] = field(default_factory=set)
    _ldes_index: dict[Path, dict[str, Path]] = field(default_factory=dict)

    def probleem(self, bron: str, bericht: str, regel: int | None = None, veld: str | None = None):
        self.bundel.problemen.append(Probleem(bron, bericht, regel, veld))

    def stap(self, omschrijving: str) -> None:
        if self.voortgang is not None:
            self.voortgang.stap(omschrijving)

    # -- files ---------------------------------------------------------------------------

    def lees_pad(self, pad: Path) -> None:
        if not pad.exists():
            self.probleem(str(pad), "Dit bestand of deze map bestaat niet.")
            return
        if pad.is_dir():
            bestanden = [
                p
                for p in sorted(pad.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in EXTENSIES
                and not any(d.startswith(".") for d in p.relative_to(pad).parts)
            ]
            if not bestanden:
                self.bundel.meldingen.append(f"{pad}: geen catalogusbestanden gevonden.")
            for bestand in bestanden:
                self.lees_bestand(bestand)
            return
        if pad.suffix.lower() not in EXTENSIES:
            self.probleem(
                str(pad),
                "Onbekend soort bestand. Gebruik .json, .jsonld, .ttl, .csv, .yaml of .yml.",
            )
            return
        self.lees_bestand(pad)

    def lees_bestand(self, pad: Path) -> None:
        bron = toon_pad(pad)
        if bron in self.bundel.bronnen:
            return
        self.stap(pad.name)
        try:
            tekst = pad.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.probleem(bron, "Het bestand is geen UTF-8-tekst.")
            return
        except OSError as fout:
            self.probleem(bron, f"Het bestand kan niet gelezen worden: {fout.strerror}.")
            return
        self.bundel.bronnen.append(bron)
        self.lees_tekst(tekst, bron, pad.suffix.lower(), pad=pad)

    def lees_tekst(self, tekst: str, bron: str, soort: str, pad: Path | None = None) -> None:
        if soort in {".yaml", ".yml"} and is_contactbestand(tekst, bron):
            self._contactpunten(tekst, bron)
        elif soort in {".yaml", ".yml"}:
            self._regelbestand(tekst, bron)
        elif soort == ".ttl":
            self._turtle(tekst, bron)
        elif soort == ".csv":
            self._csv(tekst, bron)
        else:
            self._json_tekst(tekst, bron, pad=pad)

    def _regelbestand(self, tekst: str, bron: str) -> None:
        record, problemen, meldingen = lees_regelbestand(tekst, bron)
        self.bundel.problemen.extend(problemen)
        self.bundel.meldingen.extend(str(m) for m in meldingen)
        if record is None:
            return
        dubbel = next((r for r in self.bundel.regels if r.recht_id == record.recht_id), None)
        if dubbel is not None:
            self.probleem(
                bron,
                f"Het recht '{record.recht_id}' staat ook in {dubbel.bron}.",
                record.regel_van(("id",)),
                "id",
            )
            return
        self.bundel.regels.append(record)

    def _contactpunten(self, tekst: str, bron: str) -> None:
        record, problemen = lees_contactpunten(tekst, bron)
        self.bundel.problemen.extend(problemen)
        if record is None:
            return
        if self.bundel.contactpunten is not None:
            self.probleem(
                bron,
                f"Er is al een contactbestand: {self.bundel.contactpunten.bron}. "
                "Zet alle contactpunten in één bestand.",
            )
            return
        self.bundel.contactpunten = record

    def _turtle(self, tekst: str, bron: str) -> None:
        graaf = Graph()
        try:
            graaf.parse(data=tekst, format="turtle", publicID=bron)
        except Exception as fout:  # rdflib raises several exception types for bad syntax
            self.probleem(bron, f"Dit is geen geldige Turtle: {fout}")
            return
        soort = soort_turtle(graaf)
        if soort == "shacl":
            self.bundel.meldingen.append(
                f"{bron}: SHACL-vormen (beschrijving van het IPDC-model), geen catalogusgegevens; "
                "overgeslagen."
            )
            return
        gevonden = False
        for lijst, codes in codes_uit_graaf(graaf).items():
            gevonden = True
            if lijst in self.bundel.codes:
                self.probleem(bron, f"De codelijst {lijst} staat in meer dan één bestand.")
                continue
            self.bundel.codes[lijst] = codes
        producten, overgeslagen, meldingen = producten_uit_graaf(graaf, bron)
        gevonden = gevonden or bool(producten) or bool(overgeslagen)
        self.bundel.producten.extend(producten)
        self.bundel.overgeslagen.extend(overgeslagen)
        self.bundel.meldingen.extend(meldingen)
        if not gevonden:
            self.bundel.meldingen.append(
                f"{bron}: geen codelijst en geen producten gevonden; overgeslagen."
            )

    def _csv(self, tekst: str, bron: str) -> None:
        try:
            kolommen, rijen = lees_csv(tekst)
        except Exception as fout:
            self.probleem(bron, f"Dit is geen geldige CSV: {fout}")
            return
        soort = soort_csv(kolommen)
        if soort == "gemeenten":
            if self.bundel.gemeenten_csv is not None:
                self.probleem(bron, f"Er is al een gemeentelijst: {self.bundel.gemeenten_bron}.")
                return
            self.bundel.gemeenten_csv, self.bundel.gemeenten_bron = rijen, bron
        elif soort == "deelgemeenten":
            if self.bundel.deelgemeenten_csv is not None:
                self.probleem(
                    bron, f"Er is al een lijst van deelgemeenten: {self.bundel.deelgemeenten_bron}."
                )
                return
            self.bundel.deelgemeenten_csv, self.bundel.deelgemeenten_bron = rijen, bron
        else:
            self.probleem(
                bron,
                "Onbekende CSV: verwacht de kolommen van gemeenten-2025.csv "
                "(nis, naam, naam_fr, gewest, provincie, centrumstad) of van deelgemeenten.csv "
                "(naam, postcode, gemeente_nis, gemeente_naam, type).",
                1,
            )

    def _json_tekst(self, tekst: str, bron: str, pad: Path | None = None) -> None:
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as fout:
            self.probleem(bron, f"Dit is geen geldige JSON: {fout.msg}.", fout.lineno)
            return
        self._json(data, bron, pad=pad)

    def _json(self, data: Any, bron: str, pad: Path | None = None, url: str | None = None) -> None:
        foutmelding = ipdc_foutmelding(data)
        if foutmelding is not None:
            self.probleem(bron, foutmelding)
            return
        if isinstance(data, dict) and set(data) == {"@context"}:
            self.bundel.meldingen.append(f"{bron}: JSON-LD-context, geen catalogusgegevens.")
            return
        if is_ldes_pagina(data) or is_uitgebreide_jsonld(data):
            self._ldes(data, bron, pad=pad, url=url)
            return
        if _is_ipdc_json(data):
            producten, overgeslagen = lees_api_json(data, bron)
            self.bundel.producten.extend(producten)
            self.bundel.overgeslagen.extend(overgeslagen)
            volgende = _hydra_volgende(data)
            if volgende and url:
                self.lees_url(urljoin(url, volgende))
            return
        self.probleem(
            bron,
            "Dit is geen IPDC-bestand: geen product van de IPDC-API of LPDC, geen lijst van "
            "producten en geen LDES-pagina.",
        )

    # -- LDES ----------------------------------------------------------------------------

    def _ldes(self, data: Any, bron: str, pad: Path | None, url: str | None) -> None:
        """An LDES page or another JSON-LD document (compact or expanded): its products,
        then the pages its ``tree:relation`` points to."""
        pagina_id = str(pagina_id_van(data) or url or bron)
        if pagina_id in self.bezochte_paginas:
            return
        self.bezochte_paginas.add(pagina_id)
        if len(self.bezochte_paginas) > MAX_PAGINAS:
            self.probleem(bron, f"Meer dan {MAX_PAGINAS} LDES-pagina's; gestopt.")
            return
        try:
            graaf = graaf_uit_jsonld(data, basis=url or pagina_id)
        except ContextFout as fout:
            self.probleem(bron, str(fout))
            return
        except Exception as fout:  # rdflib's JSON-LD parser raises plain exceptions
            self.probleem(bron, f"Deze JSON-LD kan niet gelezen worden: {fout}")
            return
        producten, overgeslagen, meldingen = producten_uit_graaf(graaf, bron)
        self.bundel.producten.extend(producten)
        self.bundel.overgeslagen.extend(overgeslagen)
        self.bundel.meldingen.extend(meldingen)
        volgende_lijst = volgende_paginas(graaf)
        if not (producten or overgeslagen or meldingen or volgende_lijst or is_ldes_graaf(graaf)):
            self.probleem(
                bron,
                "Dit is geen IPDC-bestand: deze JSON-LD bevat geen IPDC-producten en is geen "
                "LDES-pagina.",
            )
            return
        for volgende in volgende_lijst:
            if volgende in self.bezochte_paginas:
                continue
            if url is not None:
                self.lees_url(urljoin(url, volgende))
            elif pad is not None:
                buur = self._ldes_buren(pad.parent).get(volgende)
                if buur is None:
                    self.bundel.meldingen.append(
                        f"{bron}: volgende LDES-pagina {volgende} niet gevonden naast dit bestand."
                    )
                else:
                    self.lees_bestand(buur)

    def _ldes_buren(self, map_: Path) -> dict[str, Path]:
        if map_ not in self._ldes_index:
            index: dict[str, Path] = {}
            for kandidaat in sorted(map_.glob("*.json*")):
                try:
                    data = json.loads(kandidaat.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                    continue
                pagina = pagina_id_van(data)
                if pagina is not None:
                    index.setdefault(pagina, kandidaat)
            self._ldes_index[map_] = index
        return self._ldes_index[map_]

    # -- HTTP ----------------------------------------------------------------------------

    def lees_url(self, bron: str) -> None:
        url = self.http.volledige_url(bron)
        if url is None:
            self.probleem(bron, "Stel eerst IPDC_API_URL in om 'ipdc:' te gebruiken.")
            return
        if url in self.bundel.bronnen:
            return
        self.stap(url)
        client = self.client or httpx.Client(timeout=self.http.timeout, follow_redirects=True)
        try:
            antwoord = client.get(
                url,
                headers={
                    "Accept": "application/json, application/ld+json;q=0.9, text/turtle;q=0.8",
                    **self.http.kop_voor(url),
                },
            )
        except httpx.HTTPError as fout:
            self.probleem(url, f"De bron is niet bereikbaar: {fout}.")
            return
        finally:
            if self.client is None:
                client.close()
        self.bundel.bronnen.append(url)
        if antwoord.status_code >= 400:
            try:
                melding = ipdc_foutmelding(antwoord.json())
            except (json.JSONDecodeError, UnicodeDecodeError):
                melding = None
            if antwoord.status_code in (401, 403) and melding is None:
                melding = "Toegang geweigerd: kijk de IPDC_API_KEY na."
            self.probleem(url, melding or f"De server antwoordde met HTTP {antwoord.status_code}.")
            return
        soort = _soort_antwoord(url, antwoord.headers.get("content-type", ""))
        if soort != ".json":
            self.lees_tekst(antwoord.text, url, soort)
            return
        try:
            data = antwoord.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as fout:
            self.probleem(url, f"Het antwoord is geen geldige JSON: {fout}.")
            return
        self._json(data, url, url=url)


def _is_ipdc_json(data: Any) -> bool:
    """JSON of the IPDC API or an LPDC instance: a product (even one the loader will skip),
    a list of them, or a list page."""
    if isinstance(data, dict):
        return (
            "productnummer" in data
            or "naam" in data
            or is_compact_product(data)
            or "hydraMember" in data
            or "items" in data
        )
    if isinstance(data, list):
        return any(isinstance(item, dict) and _is_ipdc_json(item) for item in data)
    return False


def _hydra_volgende(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    view = data.get("hydraView") or data.get("view") or {}
    if isinstance(view, dict):
        volgende = view.get("hydraNext") or view.get("next")
        return volgende if isinstance(volgende, str) else None
    return None


def _soort_antwoord(url: str, content_type: str) -> str:
    content_type = content_type.lower()
    pad = urlsplit(url).path.lower()
    if "turtle" in content_type or pad.endswith(".ttl"):
        return ".ttl"
    if "yaml" in content_type or pad.endswith((".yaml", ".yml")):
        return ".yaml"
    if "csv" in content_type or pad.endswith(".csv"):
        return ".csv"
    return ".json"


def lees_bronnen(
    bronnen: Sequence[str | Path],
    *,
    http: HttpInstellingen | None = None,
    voortgang: Voortgang | None = None,
    client: httpx.Client | None = None,
) -> Bundel:
    """Read every source (file, folder or URL) into one bundle of records and problems."""
    lezer = _Lezer(Bundel(), http or HttpInstellingen(), voortgang, client)
    for bron in bronnen:
        if isinstance(bron, str) and is_url(bron):
            lezer.lees_url(bron)
        else:
            lezer.lees_pad(Path(bron))
    return lezer.bundel


def tel_bestanden(bronnen: Iterable[str | Path]) -> int | None:
    """How many files a load will read (``None`` when a URL is involved)."""
    totaal = 0
    for bron in bronnen:
        if isinstance(bron, str) and is_url(bron):
            return None
        pad = Path(bron)
        if pad.is_dir():
            totaal += sum(
                1 for p in pad.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIES
            )
        else:
            totaal += 1
    return totaal
