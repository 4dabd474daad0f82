"""Dated parameters and per-municipality values."""

from __future__ import annotations

from datetime import date

import pytest
from regelhulp import M, N, W, bouw, parameter, recht

from bot.rules import evalueer

INKOMEN = {"var": "netto_maandinkomen_gezin"}
GENT, BRUGGE, LEUVEN = "44021", "31005", "24062"


def _gedateerd():
    return bouw(
        recht(
            "r",
            {"<=": [INKOMEN, {"param": "grens"}]},
            parameters={
                # deliberately not in date order: the engine sorts
                "grens": parameter(("2025-01-01", 1300), ("2024-01-01", 1200)),
            },
        )
    )


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [
        (date(2023, 12, 31), M),  # before the first date: unknown, never 0
        (date(2024, 1, 1), N),  # exact first date: 1200 (known, so decided)
        (date(2024, 12, 31), N),  # still 1200
        (date(2025, 1, 1), W),  # exact switch date: 1300
        (date(2030, 6, 1), W),  # last value stays valid
    ],
)
def test_gedateerde_parameter(datum, verwacht):
    profiel = {"netto_maandinkomen_gezin": 1250}
    assert evalueer(profiel, _gedateerd(), datum).uitkomst("r").status == verwacht


def test_voor_de_eerste_datum_wordt_niets_gevraagd_wat_niet_helpt():
    evaluatie = evalueer({"netto_maandinkomen_gezin": 1250}, _gedateerd(), date(2023, 1, 1))
    assert evaluatie.uitkomst("r").status == M
    assert evaluatie.volgende_vraag is None


def test_eerste_peildatum_is_de_laatste_eerste_datum():
    catalogus = bouw(
        recht("a", True, parameters={"x": parameter(("2024-03-01", 1), ("2025-01-01", 2))}),
        recht(
            "b",
            True,
            parameters={
                "y": parameter(("2023-01-01", 1), per_gemeente={GENT: [("2024-07-01", 5)]})
            },
        ),
    )
    assert catalogus.eerste_peildatum == date(2024, 7, 1)
    assert bouw(recht("c", True)).eerste_peildatum is None


def test_bedrag_volgt_de_peildatum():
    catalogus = bouw(
        recht(
            "leefloon",
            True,
            parameters={"bedrag": parameter(("2023-01-01", 1214.13), ("2024-05-01", 1288.46))},
            bedrag={"per": "maand", "regel": {"param": "bedrag"}, "tekst": "{bedrag} per maand"},
        )
    )
    assert evalueer({}, catalogus, date(2024, 4, 30)).uitkomst("leefloon").bedrag == 1214.13
    assert evalueer({}, catalogus, date(2024, 5, 1)).uitkomst("leefloon").bedrag == 1288.46
    assert evalueer({}, catalogus, date(2022, 1, 1)).uitkomst("leefloon").bedrag is None


def _lokaal():
    return bouw(
        recht(
            "huurpremie",
            {"<=": [INKOMEN, {"param": "grens"}]},
            parameters={
                "grens": parameter(
                    ("2024-01-01", 1000),
                    per_gemeente={
                        GENT: [("2024-01-01", 1500)],
                        BRUGGE: [("2024-01-01", 1100), ("2025-01-01", 1400)],
                    },
                )
            },
        )
    )


@pytest.mark.parametrize(
    ("gemeente", "verwacht"),
    [
        (GENT, W),  # 1200 <= 1500 (local value)
        (BRUGGE, N),  # 1200 > 1100 in 2024
        (LEUVEN, N),  # no local value: default 1000
    ],
)
def test_per_gemeente(gemeente, verwacht):
    profiel = {"netto_maandinkomen_gezin": 1200, "gemeente": gemeente}
    evaluatie = evalueer(profiel, _lokaal(), date(2024, 6, 1))
    assert evaluatie.uitkomst("huurpremie").status == verwacht


def test_per_gemeente_gedateerd():
    profiel = {"netto_maandinkomen_gezin": 1200, "gemeente": BRUGGE}
    assert evalueer(profiel, _lokaal(), date(2025, 1, 1)).uitkomst("huurpremie").status == W


def test_onbekende_gemeente_maakt_lokale_parameter_onbekend():
    evaluatie = evalueer({"netto_maandinkomen_gezin": 1200}, _lokaal(), date(2024, 6, 1))
    uitkomst = evaluatie.uitkomst("huurpremie")
    assert uitkomst.status == M
    assert "gemeente" in uitkomst.open_attributen
    assert evaluatie.volgende_vraag == "gemeente"


def test_gemeente_weet_ik_niet_blijft_onbekend_en_wordt_niet_opnieuw_gevraagd():
    profiel = {"netto_maandinkomen_gezin": 1200, "gemeente": None}
    evaluatie = evalueer(profiel, _lokaal(), date(2024, 6, 1))
    uitkomst = evaluatie.uitkomst("huurpremie")
    assert uitkomst.status == M
    assert "gemeente" not in uitkomst.open_attributen
    assert evaluatie.volgende_vraag != "gemeente"


def test_onbekende_gemeente_en_inkomen_zijn_allebei_kandidaat():
    evaluatie = evalueer({}, _lokaal(), date(2024, 6, 1))
    assert evaluatie.uitkomst("huurpremie").open_attributen == {
        "gemeente",
        "netto_maandinkomen_gezin",
    }


def test_lokale_parameter_zonder_nodig_te_zijn_vraagt_geen_gemeente():
    """A local parameter behind a false ``and`` does not make the municipality a question."""
    catalogus = bouw(
        recht(
            "r",
            {"and": [{"var": "mantelzorger"}, {"<=": [INKOMEN, {"param": "grens"}]}]},
            parameters={
                "grens": parameter(("2024-01-01", 1), per_gemeente={GENT: [("2024-01-01", 2)]})
            },
        )
    )
    evaluatie = evalueer({"mantelzorger": False}, catalogus, date(2024, 6, 1))
    assert evaluatie.uitkomst("r").status == N
    assert evaluatie.volgende_vraag is None


def test_tabel_per_gemeente():
    catalogus = bouw(
        recht(
            "r",
            {"<=": [INKOMEN, {"tabel": ["grens", {"var": "aantal_kinderen"}]}]},
            parameters={
                "grens": parameter(
                    ("2024-01-01", [1000, 1100]),
                    per_gemeente={GENT: [("2024-01-01", [1500, 1600])]},
                )
            },
        )
    )
    profiel = {"netto_maandinkomen_gezin": 1550, "aantal_kinderen": 3}
    assert (
        evalueer({**profiel, "gemeente": GENT}, catalogus, date(2024, 6, 1)).uitkomst("r").status
        == W
    )
    assert (
        evalueer({**profiel, "gemeente": LEUVEN}, catalogus, date(2024, 6, 1)).uitkomst("r").status
        == N
    )
    evaluatie = evalueer(profiel, catalogus, date(2024, 6, 1))
    assert evaluatie.uitkomst("r").status == M
    assert evaluatie.volgende_vraag == "gemeente"
