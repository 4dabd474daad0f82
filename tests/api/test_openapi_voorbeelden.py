"""The OpenAPI document shows an example for every request and answer, and the examples are
right: each fits its own schema (no unknown fields), and the stable ones are what the API
really answers. A new operation without examples makes the first test fail, naming it."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
import yaml
from fastapi import FastAPI
from fastapi.responses import Response
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import BaseModel, ConfigDict

from bot.api import voorbeelden
from bot.api.main import create_app
from bot.api.schemas import Foutmelding
from bot.settings import REPO, Settings

Document = dict[str, Any]


# --- the check, on any OpenAPI document ------------------------------------------------


TEKST_TYPES = frozenset({"application/x-ndjson", "text/csv"})
"""Answers that are text, one record per line: an example as text, no JSON schema."""


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _los_op(schema: dict[str, Any], doc: Document) -> dict[str, Any]:
    """Follow ``$ref`` (``#/components/schemas/...``) until a schema without one."""
    while "$ref" in schema:
        doel: Any = doc
        for deel in schema["$ref"].removeprefix("#/").split("/"):
            doel = doel[deel]
        schema = doel
    return schema


def _voorbeelden(media: dict[str, Any], doc: Document) -> list[Any]:
    """The examples of a media type: its own (``example``, ``examples``), else its schema's."""
    gevonden: list[Any] = []
    if "example" in media:
        gevonden.append(media["example"])
    gevonden += [v["value"] for v in (media.get("examples") or {}).values() if "value" in v]
    schema = _los_op(media.get("schema", {}), doc)
    gevonden += schema.get("examples", [])
    if "example" in schema:
        gevonden.append(schema["example"])
    return gevonden


def _strikt(doc: Document) -> Document:
    """A copy where no object allows fields it does not name: an example with a renamed or
    removed field then fails, instead of passing as an 'extra' field."""
    kopie = copy.deepcopy(doc)

    def sluit(knoop: Any) -> None:
        if isinstance(knoop, dict):
            if "properties" in knoop and "additionalProperties" not in knoop:
                knoop["additionalProperties"] = False
            for waarde in knoop.values():
                sluit(waarde)
        elif isinstance(knoop, list):
            for waarde in knoop:
                sluit(waarde)

    sluit(kopie.get("components", {}))
    return kopie


def _past_niet(voorbeeld: Any, schema: dict[str, Any], doc: Document) -> list[str]:
    """What does not fit, checked against the schema with the document's components."""
    geheel = {**schema, "components": doc.get("components", {})}
    validator = Draft202012Validator(geheel, format_checker=FormatChecker())
    return [
        f"{fout.message} (bij {'/'.join(map(str, fout.absolute_path)) or 'de wortel'})"
        for fout in validator.iter_errors(voorbeeld)
    ]


def _controleer(wat: str, media: dict[str, Any], doc: Document) -> list[str]:
    gevonden = _voorbeelden(media, doc)
    if not gevonden:
        return [
            f"{wat}: geen voorbeeld. Zet 'examples' in json_schema_extra van het model, "
            "of een 'example' in responses= van de route."
        ]
    return [
        f"{wat}: voorbeeld {nummer} past niet in het schema: {fout}"
        for nummer, voorbeeld in enumerate(gevonden, 1)
        for fout in _past_niet(voorbeeld, media.get("schema", {}), doc)
    ]


def gebreken(origineel: Document) -> list[str]:
    """Every problem with the examples of an OpenAPI document, one line each, naming the
    operation and the status code (or the schema)."""
    doc = _strikt(origineel)
    problemen: list[str] = []
    aantal = {"operaties": 0, "voorbeelden": 0}
    for pad, operaties in doc["paths"].items():
        for methode, operatie in operaties.items():
            naam = f"{methode.upper()} {pad}"
            aantal["operaties"] += 1
            inhoud = operatie.get("requestBody", {}).get("content", {})
            for media_type, media in inhoud.items():
                if _is_json(media_type):
                    wat = f"{naam}: de vraag ({media_type})"
                    problemen += _controleer(wat, media, doc)
            for status, antwoord in operatie.get("responses", {}).items():
                for media_type, media in antwoord.get("content", {}).items():
                    wat = f"{naam} → {status} ({media_type})"
                    if _is_json(media_type):
                        problemen += _controleer(wat, media, doc)
                    elif media_type in TEKST_TYPES:
                        if not isinstance(media.get("example"), str):
                            problemen.append(f"{wat}: geen voorbeeld als tekst")
                    elif media.get("schema") != {"type": "string", "format": "binary"}:
                        problemen.append(
                            f"{wat}: een binair antwoord heeft als schema "
                            '{"type": "string", "format": "binary"}'
                        )
                    if not antwoord.get("description"):
                        problemen.append(f"{wat}: geen beschrijving")
    for naam, schema in doc.get("components", {}).get("schemas", {}).items():
        for nummer, voorbeeld in enumerate(schema.get("examples", []), 1):
            ref = {"$ref": f"#/components/schemas/{naam}"}
            problemen += [
                f"schema {naam}: voorbeeld {nummer} past niet: {fout}"
                for fout in _past_niet(voorbeeld, ref, doc)
            ]
    return problemen


def _json_media(doc: Document) -> list[tuple[str, dict[str, Any]]]:
    """(operation and status, media type) of every JSON request and answer."""
    gevonden = []
    for pad, operaties in doc["paths"].items():
        for methode, operatie in operaties.items():
            naam = f"{methode.upper()} {pad}"
            for media_type, media in operatie.get("requestBody", {}).get("content", {}).items():
                if _is_json(media_type):
                    gevonden.append((f"{naam}: de vraag", media))
            for status, antwoord in operatie.get("responses", {}).items():
                for media_type, media in antwoord.get("content", {}).items():
                    if _is_json(media_type):
                        gevonden.append((f"{naam} → {status}", media))
    return gevonden


# --- the app's own document -------------------------------------------------------------


@pytest.fixture(scope="module")
def document() -> Document:
    return create_app(Settings()).openapi()


def test_elke_vraag_en_elk_antwoord_heeft_een_passend_voorbeeld(document: Document) -> None:
    problemen = gebreken(document)
    assert not problemen, (
        "Voorbeelden in de OpenAPI ontbreken of kloppen niet:\n"
        + "\n".join(problemen)
        + "\n\nNeem een echt antwoord op in bot/api/voorbeelden.py en gebruik het met "
        "json_schema_extra={'examples': [...]} op het model, of met foutantwoord() / "
        "met_voorbeeld() in responses= van de route. Een null in een voorbeeld blijft alleen "
        "staan als het voorbeeld in bot/api/voorbeelden.py of op een model staat "
        "(zie bot/api/openapi.py)."
    )


def test_alle_operaties_en_antwoorden_zijn_gedekt(document: Document) -> None:
    """Guards the check itself: it must see the operations and answers we know of."""
    media = _json_media(document)
    namen = {naam for naam, _ in media}
    assert {
        "POST /api/v1/evaluatie: de vraag",
        "POST /api/v1/evaluatie → 200",
        "POST /api/v1/evaluatie → 422",
        "GET /api/v1/attributen → 200",
        "GET /api/v1/gemeenten/{gemeente}/contactpunt → 404",
        "POST /api/v1/advies/leefloon → 503",
        "POST /api/v1/overzicht.pdf → 422",
        "POST /api/v1/chat: de vraag",
        "POST /api/v1/chat → 429",
        "GET /api/v1/chat/{sessie}/geschiedenis → 200",
        "DELETE /api/v1/chat/{sessie} → 503",
        "GET /api/v1/gezondheid → 200",
    } <= namen
    assert all(_voorbeelden(m, document) for _, m in media)
    operaties = [(p, m) for p, ops in document["paths"].items() for m in ops]
    assert len(operaties) >= 13


def test_de_fouten_antwoorden_beschrijven_de_echte_foutmelding(document: Document) -> None:
    """Error answers are documented as the Dutch ``Foutmelding`` the API gives, not as
    FastAPI's default English validation error."""
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for naam, media in _json_media(document):
        status = naam.rsplit("→ ", 1)[-1]
        if status.startswith(("4", "5")):
            assert media["schema"] == {"$ref": "#/components/schemas/Foutmelding"}, naam


def test_de_pdf_antwoorden_zijn_binair_beschreven(document: Document) -> None:
    for pad in ("/api/v1/overzicht.pdf", "/api/v1/chat/{sessie}/overzicht.pdf"):
        operatie = next(iter(document["paths"][pad].values()))
        pdf = operatie["responses"]["200"]["content"]["application/pdf"]
        assert pdf["schema"] == {"type": "string", "format": "binary"}
        assert "PDF" in operatie["responses"]["200"]["description"]


# --- the check finds what is wrong in a new operation ------------------------------------


class ZonderVoorbeeld(BaseModel):
    vraag: str


class FoutVoorbeeld(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"aantal": "drie"}]})

    aantal: int


class OudVeld(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"aantal": 3, "oud_veld": 1}]})

    aantal: int


def test_de_controle_noemt_operatie_en_status_van_wat_ontbreekt_of_niet_klopt() -> None:
    app = FastAPI()

    @app.post(
        "/api/v1/screening",
        response_model=FoutVoorbeeld,
        responses={404: {"model": OudVeld}, 409: {"model": Foutmelding}},
    )
    def screening(vraag: ZonderVoorbeeld) -> FoutVoorbeeld:
        return FoutVoorbeeld(aantal=1)

    @app.get(
        "/api/v1/blad.pdf",
        response_class=Response,
        responses={200: {"content": {"application/pdf": {}}}},
    )
    def blad() -> Response:
        return Response(b"%PDF")

    problemen = "\n".join(gebreken(app.openapi()))
    assert "POST /api/v1/screening: de vraag (application/json): geen voorbeeld" in problemen
    assert "POST /api/v1/screening → 200 (application/json): voorbeeld 1 past niet" in problemen
    assert "'drie' is not of type 'integer' (bij aantal)" in problemen
    # a field the model no longer has
    assert "POST /api/v1/screening → 404 (application/json): voorbeeld 1 past niet" in problemen
    assert "'oud_veld' was unexpected" in problemen
    # FastAPI's own 422 has no example
    assert "POST /api/v1/screening → 422 (application/json): geen voorbeeld" in problemen
    assert "→ 409" not in problemen  # Foutmelding brings its example
    assert "GET /api/v1/blad.pdf → 200 (application/pdf): een binair antwoord" in problemen
    assert "schema FoutVoorbeeld: voorbeeld 1 past niet" in problemen


# --- the examples are what the API answers -------------------------------------------------


def _ingekort(voorbeeld: Any, echt: Any) -> bool:
    """Is the example the real answer with lists cut short (items kept in their order) and
    a text cut after a whole line?"""
    if isinstance(voorbeeld, dict):
        return (
            isinstance(echt, dict)
            and voorbeeld.keys() == echt.keys()
            and all(_ingekort(voorbeeld[k], echt[k]) for k in voorbeeld)
        )
    if isinstance(voorbeeld, list):
        if not isinstance(echt, list):
            return False
        rest = iter(echt)
        return all(any(_ingekort(v, e) for e in rest) for v in voorbeeld)
    if isinstance(voorbeeld, str) and isinstance(echt, str):
        return voorbeeld == echt or echt.startswith(voorbeeld + "\n")
    return voorbeeld == echt and type(voorbeeld) is type(echt)


def test_ingekort_ziet_een_verschil() -> None:
    assert _ingekort({"a": [2, 4], "t": "x"}, {"a": [1, 2, 3, 4], "t": "x\ny"})
    assert not _ingekort({"a": [4, 2]}, {"a": [1, 2, 3, 4]})
    assert not _ingekort({"a": 1}, {"a": 1, "b": 2})
    assert not _ingekort({"t": "x"}, {"t": "xy"})
    assert not _ingekort({"n": 1}, {"n": True})


ECHTE_ANTWOORDEN = [
    ("GET", "/api/v1/gezondheid", None, 200, voorbeelden.GEZONDHEID),
    ("GET", "/api/v1/attributen", None, 200, voorbeelden.ATTRIBUTEN),
    ("GET", "/api/v1/gemeenten?q=Sint-Amandsberg&limiet=2", None, 200, voorbeelden.GEMEENTEN),
    ("GET", "/api/v1/gemeenten?limiet=0", None, 422, voorbeelden.FOUT_ONGELDIGE_VRAAG),
    ("GET", "/api/v1/gemeenten/Hasselt/contactpunt", None, 200, voorbeelden.CONTACTPUNT),
    (
        "GET",
        "/api/v1/gemeenten/Atlantis/contactpunt",
        None,
        404,
        voorbeelden.FOUT_GEMEENTE_ONBEKEND,
    ),
    (
        "GET",
        "/api/v1/gemeenten/Beveren/contactpunt",
        None,
        422,
        voorbeelden.FOUT_GEMEENTE_DUBBELZINNIG,
    ),
    ("GET", "/api/v1/rechten?q=huurpremie", None, 200, voorbeelden.RECHTEN),
    ("GET", "/api/v1/rechten?gemeente=Atlantis", None, 422, voorbeelden.FOUT_GEMEENTE_FILTER),
    ("GET", "/api/v1/rechten/vlaamse-huurpremie", None, 200, voorbeelden.RECHT),
    ("GET", "/api/v1/rechten/bestaat-niet", None, 404, voorbeelden.FOUT_RECHT_ONBEKEND),
    (
        "POST",
        "/api/v1/evaluatie",
        {"profiel": voorbeelden.PROFIEL, "datum": "2025-06-01"},
        200,
        voorbeelden.EVALUATIE,
    ),
    (
        "POST",
        "/api/v1/evaluatie",
        {"profiel": {"leeftijd": "veertig", "gemeente": "Atlantis"}},
        422,
        voorbeelden.FOUT_PROFIEL,
    ),
    (
        "POST",
        "/api/v1/overzicht.pdf",
        {"profiel": {}, "referentie": "x" * 61},
        422,
        voorbeelden.FOUT_REFERENTIE,
    ),
]


@pytest.mark.parametrize(
    ("methode", "pad", "inhoud", "status", "voorbeeld"),
    ECHTE_ANTWOORDEN,
    ids=[f"{m} {p} {s}" for m, p, _, s, _ in ECHTE_ANTWOORDEN],
)
def test_het_voorbeeld_is_het_echte_antwoord_ingekort(
    api: httpx.Client, methode: str, pad: str, inhoud: Any, status: int, voorbeeld: Any
) -> None:
    antwoord = api.request(methode, pad, json=inhoud)
    assert antwoord.status_code == status
    assert _ingekort(voorbeeld, antwoord.json()), (
        f"Het voorbeeld voor {methode} {pad} ({status}) in bot/api/voorbeelden.py is niet "
        f"meer wat de API antwoordt. Het echte antwoord: {antwoord.text[:2000]}"
    )


def test_de_vraag_van_de_evaluatie_is_die_van_het_antwoord(document: Document) -> None:
    vraag = document["components"]["schemas"]["EvaluatieVraag"]["examples"][0]
    assert vraag == {"profiel": voorbeelden.PROFIEL, "datum": "2025-06-01"}


def test_de_chatvoorbeelden_zijn_wat_de_bot_zegt() -> None:
    """The bot is not started here (the Rasa tests do that): its greeting in domain.yml is
    what the chat example shows."""
    domein = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    begroeting = domein["responses"]["utter_begroeting"][0]
    knoppen = [{"titel": k["title"], "payload": k["payload"]} for k in begroeting["buttons"]]
    echt = {"van": "bot", "tekst": " ".join(begroeting["text"].split()), "knoppen": knoppen}
    assert _ingekort(voorbeelden.BEGROETING, echt)
    assert voorbeelden.GESCHIEDENIS["berichten"][-1] == voorbeelden.BEGROETING


def test_het_document_houdt_null_in_de_voorbeelden(document: Document) -> None:
    """FastAPI drops null from examples (fastapi#5559); bot.api.openapi puts them back."""
    componenten = document["components"]["schemas"]
    assert componenten["GemeenteContactUit"]["examples"] == [voorbeelden.CONTACTPUNT]
    assert componenten["RechtDetail"]["examples"][0]["gemeenten"] is None
    attributen = document["paths"]["/api/v1/attributen"]["get"]["responses"]["200"]
    assert attributen["content"]["application/json"]["example"][0]["opties"] is None
    advies = componenten["AdviesAntwoord"]["examples"][1]
    assert advies["categorie"] is None and advies["bedrag_maand"] is None
