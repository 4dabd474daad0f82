"""The freshness and coverage report per right (``bot.catalogue.rapport``) and its command
``python -m catalogus_loader report``, on a small catalogue in a real SQLite file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bot.catalogue.db import maak_engine, migreer
from bot.catalogue.models import GemeenteRij, Product, RechtRegel
from bot.catalogue.rapport import (
    NIET_GECONTROLEERD,
    Dekkingsrapport,
    RapportRij,
    dekkingsrapport,
    is_na_te_kijken,
    oude_parameters,
)
from catalogus_loader.cli import app

PEILDATUM = date(2026, 6, 1)
GENT, BRUGGE, AALST = "44021", "31005", "41002"


def _tijd(jaar: int, maand: int, dag: int) -> datetime:
    return datetime(jaar, maand, dag, 12, tzinfo=UTC)


def _regel(recht_id: str, niveau: str, definitie: dict[str, Any], **velden: Any) -> RechtRegel:
    definitie = {
        "id": recht_id,
        "product": recht_id,
        "naam": recht_id,
        "niveau": niveau,
        "bron_url": f"https://bron.example/{recht_id}",
        "voorwaarden": [{"id": "v", "tekst": "U bent 18 jaar of ouder.", "regel": True}],
        **definitie,
    }
    return RechtRegel(
        recht_id=recht_id,
        product_sleutel=definitie["product"],
        naam=recht_id.replace("-", " ").capitalize(),
        niveau=niveau,
        gemeenten=definitie.get("gemeenten", []),
        definitie=definitie,
        bron=f"regels/{recht_id}.yaml",
        inhoud_hash=recht_id,
        **velden,
    )


def _product(productnummer: str, naam: str, **velden: Any) -> Product:
    velden.setdefault("doelgroepen", ["Burger"])
    return Product(
        productnummer=productnummer,
        naam=naam,
        soort="Instantie",
        bron=f"producten/{productnummer}.json",
        inhoud_hash=productnummer,
        **velden,
    )


OUDE_PREMIE = {
    "gemeenten": [GENT],
    "nagekeken_op": "2024-03-01",
    "voorwaarden": [
        {
            "id": "inkomen",
            "tekst": "Uw inkomen is laag.",
            "bron": "https://bron.example/reglement",
            "een_van": [
                {
                    "id": "leefloon",
                    "tekst": "U krijgt een leefloon.",
                    "bron": "https://bron.example/leefloon",
                    "regel": True,
                },
                {"id": "andere", "tekst": "Het OCMW gaat het na.", "na_te_gaan": True},
            ],
        }
    ],
    "parameters": {
        "premie": {
            "omschrijving": "Premie per jaar",
            "bron": "https://bron.example/premie",
            "waarden": [{"vanaf": "2023-01-01", "waarde": 100}],
        },
        "grens": {
            "omschrijving": "Inkomensgrens",
            "bron": "https://bron.example/premie",
            "waarden": [
                {"vanaf": "2024-01-01", "waarde": 1000},
                {"vanaf": "2026-01-01", "waarde": 1100, "bron": "https://bron.example/2026"},
                {"vanaf": "2027-01-01", "waarde": 1200},
            ],
            "indexering": {"marge_per_jaar": 0.02, "basis": "Spilindex, ongeveer jaarlijks."},
        },
        "lokale_grens": {
            "omschrijving": "Grens per gemeente",
            "bron": "https://bron.example/lokaal",
            "waarden": [{"vanaf": "2026-01-01", "waarde": 5}],
            "per_gemeente": {GENT: [{"vanaf": "2024-02-01", "waarde": 6}]},
            "indexering": {"marge_per_jaar": 0.02, "basis": "Spilindex, ongeveer jaarlijks."},
        },
        "volgende_voorbij": {
            "omschrijving": "Bedrag met een gekende indexering",
            "bron": "https://bron.example/premie",
            "waarden": [{"vanaf": "2026-01-01", "waarde": 50}],
            "indexering": {
                "marge_per_jaar": 0.02,
                "basis": "Spilindex, ongeveer jaarlijks.",
                "volgende": "2026-05-01",
            },
        },
    },
}


def _vul(sessie: Session) -> None:
    sessie.add_all(
        [
            GemeenteRij(nis=GENT, naam="Gent", gewest="Vlaanderen", centrumstad=True),
            GemeenteRij(nis=BRUGGE, naam="Brugge", gewest="Vlaanderen", centrumstad=True),
            GemeenteRij(nis=AALST, naam="Aalst", gewest="Vlaanderen", centrumstad=True),
            GemeenteRij(nis="44019", naam="Evergem", gewest="Vlaanderen", centrumstad=False),
        ]
    )
    sessie.add_all(
        [
            _regel("oude-premie-gent", "lokaal", OUDE_PREMIE),
            _regel("nieuw-recht-gent", "lokaal", {"gemeenten": [GENT]}),
            _regel("vers-recht", "vlaams", {"nagekeken_op": "2026-01-15"}),
            _regel("brugge-recht", "lokaal", {"nagekeken_op": "2025-06-01"}),
            _regel("bijna-oud", "federaal", {"nagekeken_op": "2025-05-31"}),
        ]
    )
    sessie.add_all(
        [
            # the right's own product, archived after its last check
            _product(
                "oude-premie-gent",
                "Oude premie",
                concept_id="concept-premie",
                gearchiveerd=True,
                laatst_gewijzigd=_tijd(2025, 1, 10),
            ),
            # another instance of the same concept, ended before the check: not listed
            _product(
                "premie-evergem",
                "Premie Evergem",
                concept_id="concept-premie",
                einde_dienstverlening=_tijd(2023, 12, 31),
            ),
            _product("nieuw-recht-gent", "Nieuw recht"),
            # ended after its last check (and before the reference date)
            _product("vers-recht", "Vers recht", einde_dienstverlening=_tijd(2026, 3, 1)),
            # ends after the reference date: still offered
            _product("bijna-oud", "Bijna oud", einde_dienstverlening=_tijd(2027, 1, 1)),
            # a local product without own municipalities in the rule file
            _product("brugge-recht", "Brugs recht", geografisch_nis=[BRUGGE]),
            # products without rules: offered for citizens (a row), archived, for companies
            _product(
                "123",
                "Lokale korting zonder regels",
                bevoegde_bestuursniveaus=["Lokaal"],
                geografisch_nis=[GENT],
            ),
            _product("456", "Gearchiveerd zonder regels", gearchiveerd=True),
            _product("789", "Voor bedrijven", doelgroepen=["Onderneming"]),
        ]
    )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = maak_engine(f"sqlite:///{tmp_path / 'rapport.db'}")
    migreer(e)
    with Session(e) as sessie, sessie.begin():
        _vul(sessie)
    yield e
    e.dispose()


@pytest.fixture
def testmap(tmp_path: Path) -> Path:
    map_ = tmp_path / "regels"
    map_.mkdir()
    geval = "- naam: geval\n  datum: 2026-01-01\n  profiel: {}\n  verwacht: {status: niet}\n"
    (map_ / "oude-premie-gent.yaml").write_text(geval * 4, encoding="utf-8")
    (map_ / "nieuw-recht-gent.yaml").write_text(geval * 3, encoding="utf-8")
    (map_ / "brugge-recht.yaml").write_text(geval * 2, encoding="utf-8")
    return map_


@pytest.fixture
def rapport(engine: Engine, testmap: Path) -> Dekkingsrapport:
    with Session(engine) as sessie:
        return dekkingsrapport(sessie, PEILDATUM, testmap)


def _rij(rapport: Dekkingsrapport, recht_id: str) -> RapportRij:
    return next(r for r in rapport.rijen if r.recht_id == recht_id)


def test_oud_nagekeken_recht_is_gemarkeerd_met_oude_bedragen_en_bronnen(
    rapport: Dekkingsrapport,
) -> None:
    rij = _rij(rapport, "oude-premie-gent")
    assert rij.niveau == "lokaal"
    assert rij.gemeenten == ("Gent",)
    assert rij.heeft_regels
    assert rij.testgevallen == 4
    assert rij.nagekeken_op == date(2024, 3, 1)
    assert rij.na_te_kijken
    assert rij.reden == "Na te kijken: nagekeken op 1 maart 2024, meer dan 12 maanden geleden."
    oud = {p.parameter: p for p in rij.oude_parameters}
    # "grens" has a value of 2026-01-01 (the one of 2027 does not hold yet): not old
    assert set(oud) == {"premie", "lokale_grens", "volgende_voorbij"}
    assert oud["premie"].sinds == date(2023, 1, 1)
    assert not oud["premie"].geindexeerd
    assert (oud["lokale_grens"].sinds, oud["lokale_grens"].gemeente) == (date(2024, 2, 1), GENT)
    assert oud["volgende_voorbij"].geindexeerd
    assert rij.bronnen == (
        "https://bron.example/oude-premie-gent",
        "https://bron.example/reglement",
        "https://bron.example/leefloon",
        "https://bron.example/premie",
        "https://bron.example/2026",
        "https://bron.example/lokaal",
    )


def test_gearchiveerde_producten_sinds_de_laatste_controle(rapport: Dekkingsrapport) -> None:
    oud = _rij(rapport, "oude-premie-gent").gearchiveerd
    assert [(g.productnummer, g.datum) for g in oud] == [("oude-premie-gent", date(2025, 1, 10))]
    vers = _rij(rapport, "vers-recht")
    assert [(g.productnummer, g.datum) for g in vers.gearchiveerd] == [
        ("vers-recht", date(2026, 3, 1))
    ]
    assert _rij(rapport, "bijna-oud").gearchiveerd == ()


def test_recht_zonder_nagekeken_op(rapport: Dekkingsrapport) -> None:
    rij = _rij(rapport, "nieuw-recht-gent")
    assert rij.nagekeken_op is None
    assert rij.na_te_kijken
    assert rij.reden == "Na te kijken: nooit nagekeken."
    assert rij.oude_parameters == ()
    assert rij.testgevallen == 3


def test_twaalf_maanden_is_de_grens(rapport: Dekkingsrapport) -> None:
    assert not _rij(rapport, "brugge-recht").na_te_kijken  # exactly 12 months ago
    assert _rij(rapport, "bijna-oud").na_te_kijken  # one day more
    assert not _rij(rapport, "vers-recht").na_te_kijken
    # a year before 29 February is 28 February
    assert is_na_te_kijken(date(2023, 2, 27), date(2024, 2, 29))
    assert not is_na_te_kijken(date(2023, 2, 28), date(2024, 2, 29))


def test_lokaal_recht_neemt_de_gemeenten_van_zijn_product(rapport: Dekkingsrapport) -> None:
    assert _rij(rapport, "brugge-recht").gemeenten == ("Brugge",)
    assert _rij(rapport, "vers-recht").gemeenten == ()
    assert _rij(rapport, "vers-recht").aantal_gemeenten == 0
    assert _rij(rapport, "vers-recht").testgevallen == 0  # no test file


def test_product_zonder_regels_is_niet_gecontroleerd(rapport: Dekkingsrapport) -> None:
    zonder = [r for r in rapport.rijen if not r.heeft_regels]
    assert [(r.recht_id, r.status) for r in zonder] == [("ipdc-123", NIET_GECONTROLEERD)]
    rij = zonder[0]
    assert rij.niveau == "lokaal"
    assert rij.gemeenten == ("Gent",)
    assert not rij.na_te_kijken  # not checked is its status, not a flag
    assert rapport.zonder_regels == 1


def test_tellingen_per_niveau_en_centrumstad(rapport: Dekkingsrapport) -> None:
    per_niveau = {n.niveau: (n.met_regels, n.zonder_regels) for n in rapport.per_niveau}
    assert per_niveau == {"federaal": (1, 0), "vlaams": (1, 0), "lokaal": (3, 1)}
    assert rapport.na_te_kijken == 3
    steden = {c.naam: c for c in rapport.centrumsteden}
    assert list(steden) == ["Aalst", "Brugge", "Gent"]
    assert steden["Gent"].getest == ("nieuw-recht-gent", "oude-premie-gent")
    assert steden["Gent"].doel_gehaald
    assert steden["Brugge"].lokale_rechten == ("brugge-recht",)
    assert steden["Brugge"].getest == ()  # 2 test cases is not enough
    assert not steden["Brugge"].doel_gehaald
    assert steden["Aalst"].lokale_rechten == ()


def test_zonder_testmap_is_het_aantal_onbekend(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as sessie:
        rapport = dekkingsrapport(sessie, PEILDATUM, tmp_path / "bestaat-niet")
    assert {r.testgevallen for r in rapport.rijen} == {None}


def test_oude_parameters_van_een_toekomstige_waarde_alleen() -> None:
    definitie = {
        "parameters": {
            "later": {
                "omschrijving": "Pas later",
                "bron": "https://bron.example/later",
                "waarden": [{"vanaf": "2030-01-01", "waarde": 1}],
            }
        }
    }
    assert oude_parameters(definitie, PEILDATUM) == []


@pytest.fixture
def cli_omgeving(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))


def test_report_toont_actualiteit_per_recht(cli_omgeving: None, testmap: Path) -> None:
    uit = CliRunner().invoke(
        app, ["report", "--peildatum", PEILDATUM.isoformat(), "--testgevallen", str(testmap)]
    )
    assert uit.exit_code == 0, uit.output
    # the existing parts stay
    assert "Producten zonder regels" in uit.output
    assert "Contactpunten:" in uit.output
    # the new ones
    assert "Actualiteit per recht op 1 juni 2026 (6 rechten, 3 na te kijken, 1 zonder" in uit.output
    assert (
        "- oude-premie-gent: Na te kijken: nagekeken op 1 maart 2024, meer dan 12 maanden "
        "geleden." in uit.output
    )
    assert "- nieuw-recht-gent: Na te kijken: nooit nagekeken." in uit.output
    assert "- ipdc-123: https://" not in uit.output  # a product without any link
    assert "- oude-premie-gent: https://bron.example/oude-premie-gent, " in uit.output
    assert "Centrumsteden: 1 van 3 hebben minstens 2 eigen lokale rechten" in uit.output
    assert "NIET GEHAALD" in uit.output


def test_report_json(cli_omgeving: None, testmap: Path) -> None:
    uit = CliRunner().invoke(
        app,
        ["report", "--json", "--peildatum", "2026-06-01", "--testgevallen", str(testmap)],
    )
    assert uit.exit_code == 0, uit.output
    data = json.loads(uit.output)
    assert data["peildatum"] == "2026-06-01"
    rijen = {r["recht_id"]: r for r in data["rechten"]}
    assert rijen["ipdc-123"]["status"] == "niet_gecontroleerd"
    assert rijen["oude-premie-gent"]["nagekeken_op"] == "2024-03-01"
    assert rijen["oude-premie-gent"]["na_te_kijken"] is True
    assert rijen["oude-premie-gent"]["gearchiveerd"] == [
        {"productnummer": "oude-premie-gent", "naam": "Oude premie", "datum": "2025-01-10"}
    ]
    gent = next(c for c in data["centrumsteden"] if c["naam"] == "Gent")
    assert gent["doel_gehaald"] is True
    assert data["zonder_regels"] == 1


def test_report_weigert_een_verkeerde_datum(cli_omgeving: None) -> None:
    uit = CliRunner().invoke(app, ["report", "--peildatum", "1-6-2026"])
    assert uit.exit_code == 2
