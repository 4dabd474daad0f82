"""Reading cells: the vocabulary's types from CSV text, Dutch messages naming row and column."""

from __future__ import annotations

from typing import Any

import pytest

from bot.screening.invoer import (
    CelLezer,
    InvoerFout,
    RijFout,
    controleer_kolommen,
    profiel_uit_rij,
)
from bot.vocabulary import laad_vocabulaire

VOC = laad_vocabulaire()
LEZER = CelLezer(VOC, None)


@pytest.mark.parametrize(
    ("cellen", "profiel"),
    [
        ({"netto_maandinkomen_gezin": "1.234,56"}, {"netto_maandinkomen_gezin": 1234.56}),
        ({"netto_maandinkomen_gezin": "1234.5"}, {"netto_maandinkomen_gezin": 1234.5}),
        ({"netto_maandinkomen_gezin": "€ 900"}, {"netto_maandinkomen_gezin": 900.0}),
        (
            {"ontvangt_leefloon": "Ja", "mantelzorger": "nee"},
            {"ontvangt_leefloon": True, "mantelzorger": False},
        ),  # fmt: skip
        ({"leeftijd": "?"}, {"leeftijd": None}),
        ({"leeftijd": "", "referentie": "x"}, {}),
        ({"woonsituatie": " Eigenaar "}, {"woonsituatie": "eigenaar"}),
        ({"gemeente": "44021", "leeftijd": 71}, {"gemeente": "44021", "leeftijd": 71}),
    ],
)
def test_cellen_worden_waarden_van_de_woordenlijst(
    cellen: dict[str, Any], profiel: dict[str, Any]
) -> None:
    assert profiel_uit_rij(5, cellen, LEZER) == profiel


@pytest.mark.parametrize(
    ("cellen", "kolom", "stuk"),
    [
        ({"leeftijd": "vier"}, "leeftijd", "'vier' is geen geheel getal"),
        ({"leeftijd": "250"}, "leeftijd", "hoogstens"),
        ({"ontvangt_leefloon": "soms"}, "ontvangt_leefloon", "geen ja of nee"),
        ({"netto_maandinkomen_gezin": "veel"}, "netto_maandinkomen_gezin", "geen bedrag"),
        ({"woonsituatie": "kasteel"}, "woonsituatie", "Kies een van deze waarden"),
        ({"leeftijd": True}, "leeftijd", "geheel getal"),
    ],
)
def test_een_slechte_cel_noemt_rij_kolom_en_probleem(
    cellen: dict[str, Any], kolom: str, stuk: str
) -> None:
    with pytest.raises(RijFout) as fout:
        profiel_uit_rij(7, cellen, LEZER)
    assert fout.value.fouten[0][0] == kolom
    assert str(fout.value).startswith(f"Rij 7, kolom '{kolom}': ")
    assert stuk in str(fout.value)


def test_een_onbekende_kolom_wordt_genoemd_met_een_tip() -> None:
    with pytest.raises(InvoerFout) as fout:
        controleer_kolommen(["referentie", "leeftyd", "gemeente"], VOC)
    assert "De kolom 'leeftyd' kennen we niet. Bedoelt u 'leeftijd'?" in str(fout.value)
    controleer_kolommen(["referentie", "leeftijd"], VOC)  # known columns pass


def test_het_geheugen_van_de_lezer_verandert_niets() -> None:
    """A remembered cell reads the same; True and 1 are different cells."""
    lezer = CelLezer(VOC, None, maximum=3)
    for _ in range(3):
        assert profiel_uit_rij(2, {"leeftijd": 1, "mantelzorger": True}, lezer) == {
            "leeftijd": 1,
            "mantelzorger": True,
        }
        with pytest.raises(RijFout, match="kolom 'leeftijd': Geef een geheel getal."):
            profiel_uit_rij(3, {"leeftijd": True}, lezer)
        with pytest.raises(RijFout, match="kolom 'mantelzorger': Antwoord met ja"):
            profiel_uit_rij(4, {"mantelzorger": 1}, lezer)
    assert len(lezer._geheugen) <= 3
