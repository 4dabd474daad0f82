"""Products in the JSON of the IPDC REST API (``/producten/{nr}``, list pages)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.catalogue.tekst import TAALVOORKEUR, kies_taal, platte_tekst, veilige_html
from catalogus_loader.fouten import Overgeslagen
from catalogus_loader.records import ProductRecord, tekstvelden
from catalogus_loader.sleutels import PRODUCT_SOORTEN, afgeleide_sleutel, nederlandse_tekst

_TOEGELATEN_URL = ("http://", "https://", "mailto:")


class VeldFout(ValueError):
    def __init__(self, veld: str, bericht: str):
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht


def parse_tijd(waarde: Any, veld: str) -> datetime | None:
    """An ISO 8601 time from IPDC (nanoseconds allowed); a date without a zone is UTC."""
    if waarde in (None, ""):
        return None
    if isinstance(waarde, datetime):
        tijd = waarde
    elif isinstance(waarde, str):
        tekst = waarde.strip()
        if tekst.endswith("Z"):
            tekst = tekst[:-1] + "+00:00"
        # Python keeps at most 6 decimals of a second.
        if "." in tekst:
            kop, _, rest = tekst.partition(".")
            cijfers = len(rest) - len(rest.lstrip("0123456789"))
            tekst = kop + "." + rest[: min(cijfers, 6)] + rest[cijfers:]
        try:
            tijd = datetime.fromisoformat(tekst)
        except ValueError:
            raise VeldFout(veld, f"'{waarde}' is geen geldige datum en tijd.") from None
    else:
        raise VeldFout(veld, f"'{waarde}' is geen geldige datum en tijd.")
    if tijd.tzinfo is None:
        tijd = tijd.replace(tzinfo=UTC)
    return tijd


def veilige_url(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if url.lower().startswith(_TOEGELATEN_URL) else None


def _lijst(data: Mapping[str, Any], veld: str) -> list[Any]:
    waarde = data.get(veld)
    if waarde is None:
        return []
    if not isinstance(waarde, list):
        raise VeldFout(veld, "moet een lijst zijn.")
    return waarde


def _codes(data: Mapping[str, Any], veld: str) -> list[str]:
    codes = []
    for i, waarde in enumerate(_lijst(data, veld)):
        if isinstance(waarde, Mapping):
            waarde = waarde.get("value") or waarde.get("id") or waarde.get("@id")
        if not isinstance(waarde, str | int) or not str(waarde).strip():
            raise VeldFout(f"{veld}[{i}]", "moet een code (tekst) zijn.")
        codes.append(str(waarde).strip())
    return codes


def _overheden(data: Mapping[str, Any], veld: str) -> list[str]:
    return _codes(data, veld)


def _tekstblok(waarde: Any, veld: str) -> tuple[str, str]:
    if waarde is not None and not isinstance(waarde, Mapping | str):
        raise VeldFout(veld, 'moet tekst per taal zijn, bv. {"nl": "..."}.')
    ruw = kies_taal(waarde)
    return veilige_html(ruw), platte_tekst(ruw)


def _website(data: Any, veld: str) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise VeldFout(veld, "moet een blok met naam en url zijn.")
    return {
        "naam": platte_tekst(kies_taal(data.get("naam"))) or None,
        "beschrijving": platte_tekst(kies_taal(data.get("beschrijving"))) or None,
        "url": veilige_url(data.get("url")),
    }


def _websites(data: Mapping[str, Any], veld: str) -> list[dict[str, Any]]:
    items = sorted(enumerate(_lijst(data, veld)), key=lambda p: _volgorde(p[1]))
    return [_website(w, f"{veld}[{i}]") for i, w in items]


def _volgorde(item: Any) -> float:
    if isinstance(item, Mapping):
        try:
            return float(item.get("order", 0) or 0)
        except (TypeError, ValueError):
            return 0.0
    return 0.0


def _blokken(data: Mapping[str, Any], veld: str) -> list[dict[str, Any]]:
    """``voorwaarden``, ``kosten``…: named text blocks, in their ``order``."""
    uit = []
    for i, item in sorted(enumerate(_lijst(data, veld)), key=lambda p: _volgorde(p[1])):
        if not isinstance(item, Mapping):
            raise VeldFout(f"{veld}[{i}]", "moet een blok met naam en beschrijving zijn.")
        html, tekst = _tekstblok(item.get("beschrijving"), f"{veld}[{i}].beschrijving")
        blok: dict[str, Any] = {
            "naam": platte_tekst(kies_taal(item.get("naam"))) or None,
            "html": html,
            "tekst": tekst,
        }
        if "bewijs" in item and item["bewijs"]:
            bewijs = item["bewijs"]
            if not isinstance(bewijs, Mapping):
                raise VeldFout(
                    f"{veld}[{i}].bewijs", "moet een blok met naam en beschrijving zijn."
                )
            b_html, b_tekst = _tekstblok(bewijs.get("beschrijving"), f"{veld}[{i}].bewijs")
            blok["bewijs"] = {
                "naam": platte_tekst(kies_taal(bewijs.get("naam"))) or None,
                "html": b_html,
                "tekst": b_tekst,
            }
        if "websites" in item:
            blok["websites"] = _websites(item, "websites")
        if "url" in item:
            blok["url"] = veilige_url(item.get("url"))
        uit.append(blok)
    return uit


def _contactgegevens(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    uit = []
    for i, item in sorted(
        enumerate(_lijst(data, "contactgegevens")), key=lambda p: _volgorde(p[1])
    ):
        if not isinstance(item, Mapping):
            raise VeldFout(f"contactgegevens[{i}]", "moet een blok zijn.")
        adres = item.get("adres") if isinstance(item.get("adres"), Mapping) else None
        uit.append(
            {
                "url": veilige_url(item.get("url")),
                "email": item.get("email") or None,
                "telefoonnummer": item.get("telefoonnummer") or None,
                "openingsuren": item.get("openingsuren") or None,
                "adres": None
                if adres is None
                else {
                    "straat": kies_taal(adres.get("straatnaam")),
                    "huisnummer": adres.get("huisnummer"),
                    "busnummer": adres.get("busnummer"),
                    "postcode": adres.get("postcode"),
                    "gemeente": kies_taal(adres.get("gemeentenaam")),
                    "land": kies_taal(adres.get("land")),
                },
            }
        )
    return uit


def zoektermen(waarde: Any, veld: str = "zoektermen") -> list[str]:
    """IPDC keywords: a language map of lists; the preferred language is used."""
    if waarde is None:
        return []
    if isinstance(waarde, list):
        lijst = waarde
    elif isinstance(waarde, Mapping):
        lijst = []
        for taal in (*TAALVOORKEUR, "", *waarde.keys()):
            kandidaat = waarde.get(taal)
            if kandidaat:
                lijst = kandidaat if isinstance(kandidaat, list) else [kandidaat]
                break
    else:
        raise VeldFout(veld, "moet een lijst van woorden per taal zijn.")
    termen = []
    for term in lijst:
        if isinstance(term, str) and term.strip() and term.strip() not in termen:
            termen.append(term.strip())
    return termen


def _bool(data: Mapping[str, Any], veld: str) -> bool:
    waarde = data.get(veld, False)
    if waarde is None:
        return False
    if not isinstance(waarde, bool):
        raise VeldFout(veld, "moet true of false zijn.")
    return waarde


def product_omschrijving(data: Mapping[str, Any]) -> str:
    """How a warning names a product: its name, else its number, else its URI or uuid."""
    naam = platte_tekst(kies_taal(data.get("naam")))
    for kandidaat in (naam, data.get("productnummer"), data.get("@id"), data.get("id")):
        if isinstance(kandidaat, str | int) and str(kandidaat).strip():
            return str(kandidaat).strip()[:200]
    return "zonder naam"


def _soort(data: Mapping[str, Any]) -> str:
    soort = data.get("@type") or "Instantie"
    if isinstance(soort, list):
        soort = soort[0] if soort else "Instantie"
    return str(soort)


def _sleutel(data: Mapping[str, Any], soort: str) -> str:
    """The product number, or a key derived from the URI or uuid (see ``sleutels``)."""
    nummer = data.get("productnummer")
    if nummer not in (None, ""):
        if not isinstance(nummer, str | int) or not str(nummer).strip():
            raise VeldFout("productnummer", "Het productnummer moet tekst zijn.")
        return str(nummer).strip()
    uri = data.get("@id") if isinstance(data.get("@id"), str) else None
    uuid = data.get("id") if isinstance(data.get("id"), str) else None
    versie_van = data.get("isVersionOf")
    if soort.endswith("Snapshot") and isinstance(versie_van, str):
        # A snapshot is one version of an instance or concept: the key is that of the
        # instance, so that every newer snapshot updates the same product.
        uri, uuid = versie_van, None
    sleutel = afgeleide_sleutel(soort, uri, uuid)
    if sleutel is None:
        raise VeldFout(
            "productnummer", "Het product heeft geen productnummer, geen URI (@id) en geen uuid."
        )
    return sleutel


def product_uit_api_json(data: Mapping[str, Any], bron: str) -> ProductRecord:
    """A product from the API's JSON (or an LPDC instance in compact JSON-LD, which has the
    same fields). Raises :class:`VeldFout` naming the field."""
    soort = _soort(data)
    sleutel = _sleutel(data, soort)
    naam = nederlandse_tekst(data.get("naam"))
    if not naam:
        if platte_tekst(kies_taal(data.get("naam"))):
            raise VeldFout("naam", "Het product heeft geen Nederlandse naam.")
        raise VeldFout("naam", "De naam van het product ontbreekt.")
    beschrijving = _tekstblok(data.get("beschrijving"), "beschrijving")
    verder = _tekstblok(data.get("verdereBeschrijving"), "verdereBeschrijving")
    uitzonderingen = _tekstblok(data.get("uitzonderingen"), "uitzonderingen")
    regelgeving_tekst = _tekstblok(data.get("regelgevingTekst"), "regelgevingTekst")
    contact = _tekstblok(data.get("contactBeschrijving"), "contactBeschrijving")
    voorwaarden = _blokken(data, "voorwaarden")
    bewijsstukken = [v["bewijs"] for v in voorwaarden if v.get("bewijs")]
    if isinstance(data.get("bewijs"), Mapping):
        html, tekst = _tekstblok(data["bewijs"].get("beschrijving"), "bewijs")
        bewijsstukken.append(
            {
                "naam": platte_tekst(kies_taal(data["bewijs"].get("naam"))) or None,
                "html": html,
                "tekst": tekst,
            }
        )
    link = data.get("publicatieLink")
    type_ = data.get("type")
    if type_ is not None and not isinstance(type_, str):
        raise VeldFout("type", "moet een code (tekst) zijn.")
    return ProductRecord(
        productnummer=sleutel,
        naam=naam,
        soort=soort,
        bron=bron,
        ipdc_uri=data.get("@id") if isinstance(data.get("@id"), str) else None,
        ipdc_uuid=str(data["id"]) if data.get("id") else None,
        concept_uri=data.get("linkedConcept") or None,
        concept_id=str(data["linkedConceptId"]) if data.get("linkedConceptId") else None,
        concept_productnummer=str(data["linkedConceptProductnummer"])
        if data.get("linkedConceptProductnummer")
        else None,
        **tekstvelden(
            beschrijving=beschrijving,
            verdere_beschrijving=verder,
            uitzonderingen=uitzonderingen,
            regelgeving=regelgeving_tekst,
            contact=contact,
        ),
        type=type_,
        themas=_codes(data, "themas"),
        doelgroepen=_codes(data, "doelgroepen"),
        bevoegde_bestuursniveaus=_codes(data, "bevoegdBestuursniveaus"),
        uitvoerende_bestuursniveaus=_codes(data, "uitvoerendBestuursniveaus"),
        bevoegde_overheden=_overheden(data, "bevoegdeOverheden"),
        uitvoerende_overheden=_overheden(data, "uitvoerendeOverheden"),
        contact_overheden=_overheden(data, "contactOverheden"),
        geografisch_nuts=_codes(data, "geografischToepassingsgebieden"),
        publicatiekanalen=_codes(data, "publicatiekanalen"),
        tags=_codes(data, "tags"),
        your_europe_categorieen=_codes(data, "yourEuropeCategorieen")
        or _codes(data, "yourEuropeCategorieeen"),
        cases=_codes(data, "cases"),
        zoektermen=zoektermen(data.get("zoektermen")),
        voorwaarden=voorwaarden,
        bewijsstukken=bewijsstukken,
        procedures=_blokken(data, "procedures"),
        kosten=_blokken(data, "kosten"),
        financiele_voordelen=_blokken(data, "financieleVoordelen"),
        contactgegevens=_contactgegevens(data),
        publicatie_link=_website(link, "publicatieLink") if link else None,
        websites=_websites(data, "websites"),
        regelgeving=_blokken(data, "regelgeving"),
        start_dienstverlening=parse_tijd(data.get("startDienstVerlening"), "startDienstVerlening"),
        einde_dienstverlening=parse_tijd(data.get("eindeDienstVerlening"), "eindeDienstVerlening"),
        gearchiveerd=_bool(data, "gearchiveerd"),
        creatie=parse_tijd(data.get("creatie"), "creatie"),
        laatst_gewijzigd=parse_tijd(data.get("laatstGewijzigd"), "laatstGewijzigd"),
    )


def is_compact_product(data: Any) -> bool:
    """An IPDC/LPDC product in compact JSON-LD: ``"@type": "Instantie"`` and its kin."""
    return isinstance(data, Mapping) and _soort_is_product(data.get("@type"))


def _soort_is_product(soort: Any) -> bool:
    soorten = soort if isinstance(soort, list) else [soort]
    return any(isinstance(s, str) and s in PRODUCT_SOORTEN for s in soorten)


def lees_api_json(data: Any, bron: str) -> tuple[list[ProductRecord], list[Overgeslagen]]:
    """One product, a JSON list of products, or a list page (``hydraMember``/``items``).

    A product that cannot be used is skipped: it is in the second list, with the reason.
    """
    if isinstance(data, Mapping) and ("productnummer" in data or is_compact_product(data)):
        items: list[Any] = [data]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, Mapping):
        items = list(data.get("hydraMember") or data.get("items") or data.get("member") or [])
    else:
        items = []
    producten: list[ProductRecord] = []
    overgeslagen: list[Overgeslagen] = []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            overgeslagen.append(
                Overgeslagen(bron, f"nummer {i + 1} in de lijst", "Dit is geen JSON-object.")
            )
            continue
        try:
            producten.append(product_uit_api_json(item, bron))
        except VeldFout as fout:
            try:
                sleutel: str | None = _sleutel(item, _soort(item))
            except VeldFout:
                sleutel = None
            overgeslagen.append(
                Overgeslagen(bron, product_omschrijving(item), fout.bericht, fout.veld, sleutel)
            )
    return producten, overgeslagen
