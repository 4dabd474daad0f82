"""RDF sources: the IPDC LDES feed (JSON-LD), products in Turtle and the SKOS code lists.

JSON-LD is parsed with rdflib. Remote ``@context`` URLs are never fetched: the IPDC/LPDC
context is bundled (``contexten/ipdc-lpdc-im.context.jsonld``) and the few LDES/TREE
terms are defined in :data:`LDES_CONTEXT`.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from bot.catalogue.tekst import kies_taal, platte_tekst, veilige_html
from catalogus_loader.fouten import Overgeslagen
from catalogus_loader.ipdc_json import VeldFout, parse_tijd, veilige_url, zoektermen
from catalogus_loader.records import CodeRecord, ProductRecord, tekstvelden
from catalogus_loader.sleutels import INSTANTIE_SOORTEN, afgeleide_sleutel, nederlandse_tekst

TREE = Namespace("https://w3id.org/tree#")
LDES = Namespace("https://w3id.org/ldes#")
LPDC = Namespace("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#")
M8G = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
BELGIF = Namespace("http://vocab.belgif.be/ns/publicservice#")
SCHEMA = Namespace("http://schema.org/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SH = Namespace("http://www.w3.org/ns/shacl#")
TIME = Namespace("http://www.w3.org/2006/time#")
PAV = Namespace("http://purl.org/pav/")
LOCN_ADRES = Namespace("https://data.vlaanderen.be/ns/adres#")
MU = Namespace("http://mu.semte.ch/vocabularies/core/")

PRODUCT_TYPES = {
    LPDC.ConceptualPublicService: "Concept",
    LPDC.ConceptualPublicServiceSnapshot: "ConceptSnapshot",
    LPDC.InstancePublicService: "Instantie",
    LPDC.InstancePublicServiceSnapshot: "InstantieSnapshot",
}

LDES_CONTEXT: dict[str, Any] = {
    "tree": "https://w3id.org/tree#",
    "ldes": "https://w3id.org/ldes#",
    "EventStream": "ldes:EventStream",
    "Node": "tree:Node",
    "view": {"@id": "tree:view", "@type": "@id"},
    "member": {"@id": "tree:member", "@type": "@id"},
    "relation": {"@id": "tree:relation"},
    "node": {"@id": "tree:node", "@type": "@id"},
    "path": {"@id": "tree:path", "@type": "@vocab"},
    "value": {"@id": "tree:value"},
    "timestampPath": {"@id": "ldes:timestampPath", "@type": "@vocab"},
    "versionOfPath": {"@id": "ldes:versionOfPath", "@type": "@vocab"},
    "generatedAtTime": "http://www.w3.org/ns/prov#generatedAtTime",
    "isVersionOf": "http://purl.org/dc/terms/isVersionOf",
    "Relation": "tree:Relation",
    "GreaterThanRelation": "tree:GreaterThanRelation",
    "GreaterThanOrEqualToRelation": "tree:GreaterThanOrEqualToRelation",
    "LessThanRelation": "tree:LessThanRelation",
    "LessThanOrEqualToRelation": "tree:LessThanOrEqualToRelation",
    "EqualToRelation": "tree:EqualToRelation",
}
"""The LDES/TREE terms the IPDC feed uses (its ``ldes.jsonld`` context is not published)."""


@cache
def ipdc_context() -> dict[str, Any]:
    tekst = (
        resources.files("catalogus_loader")
        .joinpath("contexten/ipdc-lpdc-im.context.jsonld")
        .read_text("utf-8")
    )
    return json.loads(tekst)["@context"]


class ContextFout(ValueError):
    pass


def _lokale_context(verwijzing: Any) -> Any:
    if isinstance(verwijzing, Mapping) or verwijzing is None:
        return verwijzing
    if isinstance(verwijzing, list):
        return [_lokale_context(v) for v in verwijzing]
    if isinstance(verwijzing, str):
        naam = verwijzing.rstrip("/").rsplit("/", 1)[-1].lower()
        if "ipdc-lpdc" in naam or naam in {"jsonld", "ipdc.jsonld"}:
            return ipdc_context()
        if naam.startswith("ldes") or naam.startswith("tree"):
            return LDES_CONTEXT
        raise ContextFout(
            f"Onbekende JSON-LD-context '{verwijzing}'. We halen geen contexten van het "
            "internet; alleen de IPDC/LPDC- en LDES-context zijn bekend."
        )
    raise ContextFout(f"Ongeldige JSON-LD-context: {verwijzing!r}.")


def met_lokale_context(document: Mapping[str, Any]) -> dict[str, Any]:
    """``document`` with every remote ``@context`` replaced by the bundled one."""
    kopie = dict(document)
    kopie["@context"] = _lokale_context(document.get("@context"))
    return kopie


def is_ldes_pagina(data: Any) -> bool:
    if not isinstance(data, Mapping):
        return False
    soort = data.get("@type")
    soorten = soort if isinstance(soort, list) else [soort]
    return "member" in data or "view" in data or "EventStream" in soorten or "Node" in soorten


def is_uitgebreide_jsonld(data: Any) -> bool:
    """Expanded JSON-LD (as real LDES instance pages are published): a list of nodes with
    full IRIs as keys, or a document with ``@graph``."""
    if isinstance(data, Mapping):
        return "@graph" in data
    if not isinstance(data, list) or not data:
        return False
    return all(
        isinstance(knoop, Mapping)
        and ("@id" in knoop or "@type" in knoop)
        and "@context" not in knoop  # expanded JSON-LD has none; never fetch one
        and all(k.startswith("@") or "://" in k for k in knoop)
        for knoop in data
    )


def _knopen(data: Any) -> list[Mapping[str, Any]]:
    if isinstance(data, Mapping) and isinstance(data.get("@graph"), list):
        return [k for k in data["@graph"] if isinstance(k, Mapping)]
    if isinstance(data, list):
        return [k for k in data if isinstance(k, Mapping)]
    return []


_TREE_KNOOP = {"Node", str(TREE.Node), "tree:Node"}
_TREE_RELATIE = {"relation", str(TREE.relation), "tree:relation"}


def pagina_id_van(data: Any) -> str | None:
    """The ``@id`` of an LDES page: the document's own, or that of its ``tree:Node``."""
    if isinstance(data, Mapping) and is_ldes_pagina(data) and isinstance(data.get("@id"), str):
        return data["@id"]
    for knoop in _knopen(data):
        soort = knoop.get("@type")
        soorten = soort if isinstance(soort, list) else [soort]
        if (_TREE_KNOOP & set(map(str, soorten)) or _TREE_RELATIE & set(knoop)) and isinstance(
            knoop.get("@id"), str
        ):
            return knoop["@id"]
    return None


def is_ldes_graaf(graaf: Graph) -> bool:
    """An LDES stream or page (possibly without members)."""
    return (
        any(graaf.subjects(RDF.type, LDES.EventStream))
        or any(graaf.subjects(RDF.type, TREE.Node))
        or any(graaf.subjects(TREE.view, None))
        or any(graaf.subjects(TREE.member, None))
    )


def graaf_uit_jsonld(data: Any, basis: str | None) -> Graph:
    """Compact JSON-LD (its remote ``@context`` replaced by the bundled one) or expanded."""
    document: Any = [dict(k) for k in data] if isinstance(data, list) else met_lokale_context(data)
    graaf = Graph()
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser still uses its deprecated ConjunctiveGraph.
        warnings.simplefilter("ignore", DeprecationWarning)
        graaf.parse(data=json.dumps(document), format="json-ld", base=basis)
    return graaf


def volgende_paginas(graaf: Graph) -> list[str]:
    """The ``tree:node`` of every ``tree:relation`` in a page."""
    knopen = {
        str(n) for r in graaf.objects(None, TREE.relation) for n in graaf.objects(r, TREE.node)
    }
    return sorted(knopen)


# -- RDF -> product ------------------------------------------------------------------------


def _taalkaart(graaf: Graph, s: Node, p: URIRef) -> dict[str, str]:
    kaart: dict[str, str] = {}
    for o in graaf.objects(s, p):
        if isinstance(o, Literal):
            kaart.setdefault(o.language or "", str(o))
    return kaart


def _tekst(graaf: Graph, s: Node, p: URIRef) -> str | None:
    return kies_taal(_taalkaart(graaf, s, p))


def _blok(graaf: Graph, s: Node, p: URIRef) -> tuple[str, str]:
    ruw = _tekst(graaf, s, p)
    return veilige_html(ruw), platte_tekst(ruw)


def _waarde(graaf: Graph, s: Node, p: URIRef) -> Any:
    o = graaf.value(s, p)
    return o.toPython() if isinstance(o, Literal) else (str(o) if o is not None else None)


def _tijd(graaf: Graph, s: Node, p: URIRef, veld: str) -> datetime | None:
    waarde = graaf.value(s, p)
    if waarde is None:
        return None
    python = waarde.toPython() if isinstance(waarde, Literal) else str(waarde)
    if isinstance(python, datetime):
        return parse_tijd(python, veld)
    if isinstance(python, date):
        return parse_tijd(python.isoformat(), veld)
    return parse_tijd(str(python), veld)


def _code(o: Node) -> str:
    tekst = str(o)
    return tekst.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _codes(graaf: Graph, s: Node, p: URIRef) -> list[str]:
    return sorted({_code(o) for o in graaf.objects(s, p)})


def _volgorde(graaf: Graph, knoop: Node) -> float:
    waarde = graaf.value(knoop, SH.order)
    try:
        return float(str(waarde)) if waarde is not None else 0.0
    except ValueError:
        return 0.0


def _geordend(graaf: Graph, s: Node, p: URIRef) -> list[Node]:
    return sorted(graaf.objects(s, p), key=lambda k: (_volgorde(graaf, k), str(k)))


def _website(graaf: Graph, w: Node) -> dict[str, Any]:
    return {
        "naam": platte_tekst(_tekst(graaf, w, DCTERMS.title)) or None,
        "beschrijving": platte_tekst(_tekst(graaf, w, DCTERMS.description)) or None,
        "url": veilige_url(_waarde(graaf, w, SCHEMA.url)),
    }


def _tekstblok(graaf: Graph, knoop: Node) -> dict[str, Any]:
    html, tekst = _blok(graaf, knoop, DCTERMS.description)
    return {
        "naam": platte_tekst(_tekst(graaf, knoop, DCTERMS.title)) or None,
        "html": html,
        "tekst": tekst,
    }


def product_uit_graaf(graaf: Graph, s: Node, bron: str) -> ProductRecord:
    soort = next((PRODUCT_TYPES[t] for t in graaf.objects(s, RDF.type) if t in PRODUCT_TYPES), "")
    sleutel = _sleutel(graaf, s, soort)
    naam = nederlandse_tekst(_taalkaart(graaf, s, DCTERMS.title))
    if not naam:
        if _tekst(graaf, s, DCTERMS.title):
            raise VeldFout("naam", "Het product heeft geen Nederlandse naam.")
        raise VeldFout("naam", "De naam van het product ontbreekt.")

    voorwaarden, bewijsstukken = [], []
    for v in _geordend(graaf, s, BELGIF.hasRequirement):
        blok = _tekstblok(graaf, v)
        bewijs = graaf.value(v, M8G.hasSupportingEvidence)
        if bewijs is not None:
            blok["bewijs"] = _tekstblok(graaf, bewijs)
            bewijsstukken.append(blok["bewijs"])
        voorwaarden.append(blok)
    procedures = []
    for p in _geordend(graaf, s, CPSV.follows):
        blok = _tekstblok(graaf, p)
        blok["websites"] = [_website(graaf, w) for w in _geordend(graaf, p, LPDC.hasWebsite)]
        procedures.append(blok)
    regelgeving = []
    for r in _geordend(graaf, s, M8G.hasLegalResource):
        blok = _tekstblok(graaf, r)
        blok["url"] = veilige_url(_waarde(graaf, r, SCHEMA.url))
        regelgeving.append(blok)
    contactgegevens = []
    for c in _geordend(graaf, s, M8G.hasContactPoint):
        adres = graaf.value(c, LPDC.address)
        contactgegevens.append(
            {
                "url": veilige_url(_waarde(graaf, c, SCHEMA.url)),
                "email": _waarde(graaf, c, SCHEMA.email),
                "telefoonnummer": _waarde(graaf, c, SCHEMA.telephone),
                "openingsuren": _waarde(graaf, c, SCHEMA.openingHours),
                "adres": None
                if adres is None
                else {
                    "straat": _tekst(graaf, adres, LOCN_ADRES.Straatnaam),
                    "huisnummer": _waarde(graaf, adres, LOCN_ADRES["Adresvoorstelling.huisnummer"]),
                    "busnummer": _waarde(graaf, adres, LOCN_ADRES["Adresvoorstelling.busnummer"]),
                    "postcode": _waarde(graaf, adres, LOCN_ADRES.postcode),
                    "gemeente": _tekst(graaf, adres, LOCN_ADRES.gemeentenaam),
                    "land": _tekst(graaf, adres, LOCN_ADRES.land),
                },
            }
        )
    trefwoorden: dict[str, list[str]] = {}
    for o in graaf.objects(s, DCAT.keyword):
        if isinstance(o, Literal):
            trefwoorden.setdefault(o.language or "", []).append(str(o).strip())
    if soort in INSTANTIE_SOORTEN:
        # an instance snapshot is a version of the instance; its source is the concept
        concept = graaf.value(s, DCTERMS.source)
    else:
        concept = graaf.value(s, DCTERMS.isVersionOf) or graaf.value(s, DCTERMS.source)
    beschrijving = _blok(graaf, s, DCTERMS.description)
    verder = _blok(graaf, s, LPDC.additionalDescription)
    uitzonderingen = _blok(graaf, s, LPDC.exception)
    regelgeving_tekst = _blok(graaf, s, LPDC.regulation)
    type_ = graaf.value(s, DCTERMS.type)
    return ProductRecord(
        productnummer=sleutel,
        naam=naam,
        soort=soort,
        bron=bron,
        ipdc_uri=str(s) if isinstance(s, URIRef) else None,
        ipdc_uuid=_uuid(graaf, s),
        concept_uri=str(concept) if concept is not None else None,
        concept_id=_code(concept) if concept is not None else None,
        **tekstvelden(
            beschrijving=beschrijving,
            verdere_beschrijving=verder,
            uitzonderingen=uitzonderingen,
            regelgeving=regelgeving_tekst,
        ),
        type=_code(type_) if type_ is not None else None,
        themas=_codes(graaf, s, M8G.thematicArea),
        doelgroepen=_codes(graaf, s, LPDC.targetAudience),
        bevoegde_bestuursniveaus=_codes(graaf, s, LPDC.competentAuthorityLevel),
        uitvoerende_bestuursniveaus=_codes(graaf, s, LPDC.executingAuthorityLevel),
        bevoegde_overheden=_codes(graaf, s, M8G.hasCompetentAuthority),
        uitvoerende_overheden=_codes(graaf, s, LPDC.hasExecutingAuthority),
        geografisch_nuts=_codes(graaf, s, DCTERMS.spatial),
        publicatiekanalen=_codes(graaf, s, LPDC.publicationMedium),
        tags=sorted({*_codes(graaf, s, LPDC.conceptTag), *_codes(graaf, s, LPDC.instanceTag)}),
        your_europe_categorieen=_codes(graaf, s, LPDC.yourEuropeCategory),
        zoektermen=sorted(zoektermen(trefwoorden)),
        voorwaarden=voorwaarden,
        bewijsstukken=bewijsstukken,
        procedures=procedures,
        kosten=[_tekstblok(graaf, k) for k in _geordend(graaf, s, M8G.hasCost)],
        financiele_voordelen=[_tekstblok(graaf, f) for f in _geordend(graaf, s, CPSV.produces)],
        contactgegevens=contactgegevens,
        websites=[_website(graaf, w) for w in _geordend(graaf, s, RDFS.seeAlso)],
        regelgeving=regelgeving,
        start_dienstverlening=_tijd(graaf, s, SCHEMA.startDate, "startDienstVerlening"),
        einde_dienstverlening=_tijd(graaf, s, SCHEMA.endDate, "eindeDienstVerlening"),
        gearchiveerd=bool(_waarde(graaf, s, LPDC.isArchived) or False),
        creatie=_tijd(graaf, s, SCHEMA.dateCreated, "creatie"),
        laatst_gewijzigd=_tijd(graaf, s, SCHEMA.dateModified, "laatstGewijzigd"),
        versie_tijd=_tijd(graaf, s, PROV.generatedAtTime, "generatedAtTime"),
    )


def _uuid(graaf: Graph, s: Node) -> str | None:
    waarde = graaf.value(s, MU.uuid)
    return str(waarde) if isinstance(waarde, Literal) else None


def _sleutel(graaf: Graph, s: Node, soort: str) -> str:
    """The product number, or a key derived from the URI or uuid (see ``sleutels``).

    A snapshot is one version of an instance or concept (``dct:isVersionOf``): the key is
    that of the instance, so that every newer snapshot updates the same product.
    """
    nummer = _waarde(graaf, s, SCHEMA.productID)
    if nummer not in (None, "") and str(nummer).strip():
        return str(nummer).strip()
    versie_van = graaf.value(s, DCTERMS.isVersionOf) if soort.endswith("Snapshot") else None
    if isinstance(versie_van, URIRef):
        sleutel = afgeleide_sleutel(soort, str(versie_van), None)
    else:
        uri = str(s) if isinstance(s, URIRef) else None
        sleutel = afgeleide_sleutel(soort, uri, _uuid(graaf, s))
    if sleutel is None:
        raise VeldFout("productnummer", "Het product heeft geen productnummer, URI of uuid.")
    return sleutel


def _sleutel_of_niets(graaf: Graph, s: Node) -> str | None:
    soort = next((PRODUCT_TYPES[t] for t in graaf.objects(s, RDF.type) if t in PRODUCT_TYPES), "")
    try:
        return _sleutel(graaf, s, soort)
    except VeldFout:
        return None


def product_omschrijving(graaf: Graph, s: Node) -> str:
    """How a warning names a product: its name, else its number, else its URI."""
    naam = platte_tekst(_tekst(graaf, s, DCTERMS.title))
    nummer = _waarde(graaf, s, SCHEMA.productID)
    for kandidaat in (naam, nummer, str(s) if isinstance(s, URIRef) else None):
        if kandidaat not in (None, "") and str(kandidaat).strip():
            return str(kandidaat).strip()[:200]
    return "zonder naam"


def producten_uit_graaf(
    graaf: Graph, bron: str
) -> tuple[list[ProductRecord], list[Overgeslagen], list[str]]:
    """The products in the graph, the ones skipped (with the reason), and notes."""
    onderwerpen: set[Node] = set()
    for soort in PRODUCT_TYPES:
        onderwerpen.update(graaf.subjects(RDF.type, soort))
    leden = set(graaf.objects(None, TREE.member))
    onderwerpen.update(m for m in leden if (m, SCHEMA.productID, None) in graaf)
    producten, overgeslagen = [], []
    for s in sorted(onderwerpen, key=str):
        try:
            producten.append(product_uit_graaf(graaf, s, bron))
        except VeldFout as fout:
            overgeslagen.append(
                Overgeslagen(
                    bron,
                    product_omschrijving(graaf, s),
                    fout.bericht,
                    fout.veld,
                    _sleutel_of_niets(graaf, s),
                )
            )
    meldingen = [
        f"{bron}: lid {lid} van de LDES-stroom is geen IPDC-product; overgeslagen."
        for lid in sorted(leden - onderwerpen, key=str)
    ]
    return producten, overgeslagen, meldingen


# -- Turtle --------------------------------------------------------------------------------


def soort_turtle(graaf: Graph) -> str:
    """``shacl``, ``codelijst``, ``producten`` or ``onbekend``."""
    if any(graaf.subjects(RDF.type, SH.NodeShape)):
        return "shacl"
    if any(graaf.subjects(RDF.type, SKOS.ConceptScheme)):
        return "codelijst"
    if any(any(graaf.subjects(RDF.type, t)) for t in PRODUCT_TYPES):
        return "producten"
    return "onbekend"


def lijstnaam(schema: Node) -> str:
    tekst = str(schema)
    if "/nuts/" in tekst:
        return GEOGRAFISCH
    return _code(schema)


GEOGRAFISCH = "GeografischToepassingsgebied"


def codes_uit_graaf(graaf: Graph) -> dict[str, list[CodeRecord]]:
    """The concepts of every SKOS concept scheme in the graph, per code list."""
    uit: dict[str, list[CodeRecord]] = {}
    schemas = set(graaf.subjects(RDF.type, SKOS.ConceptScheme))
    for schema in schemas:
        lijst = lijstnaam(schema)
        concepten: set[Node] = set(graaf.subjects(SKOS.inScheme, schema))
        concepten.update(graaf.objects(schema, SKOS.hasTopConcept))
        records = []
        for c in concepten:
            if isinstance(c, BNode):
                continue
            labels = _taalkaart(graaf, c, SKOS.prefLabel)
            einde = graaf.value(c, TIME.hasEnd)
            einde_py = einde.toPython() if isinstance(einde, Literal) else None
            notatie = graaf.value(c, SKOS.notation)
            records.append(
                CodeRecord(
                    lijst=lijst,
                    code=_code(c),
                    uri=str(c),
                    label=kies_taal(labels) or _code(c),
                    notatie=str(notatie) if notatie is not None else None,
                    einde=einde_py if isinstance(einde_py, date) else None,
                )
            )
        uit[lijst] = sorted(records, key=lambda r: r.code)
    return uit
