"""Screening asks the engine for outcomes only (``met_vraag=False``): the same outcomes, no
next question. And the memo stays bounded when it evicts a part at once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from regelhulp import PEILDATUM, bouw, recht
from test_eigenschappen import ECHT, _echt, _echte_profielen
from test_geheugen import _alles

from bot.rules import evalueer
from bot.rules.geheugen import onthoud


@ECHT
@given(_echte_profielen(), st.sampled_from([None, frozenset({"leefloon"})]))
def test_zonder_vraag_dezelfde_uitkomsten(profiel, alleen):
    catalogus, _ = _echt()
    met = evalueer(profiel, catalogus, PEILDATUM, alleen=alleen)
    zonder = evalueer(profiel, catalogus, PEILDATUM, alleen=alleen, met_vraag=False)
    assert _alles(zonder)[0] == _alles(met)[0]
    assert zonder.open_rechten == met.open_rechten
    assert zonder.volgende_vraag is None and zonder.volgende_groep is None
    assert zonder.volgende_leden == ()


def test_zonder_vraag_eerst_dan_met_vraag_op_een_verse_catalogus():
    """The memo filled without a question gives the question afterwards all the same."""
    data = recht("r", {"<=": [{"var": "netto_maandinkomen_gezin"}, 1000]})
    vers, gebruikt = bouw(data), bouw(data)
    evalueer({}, gebruikt, PEILDATUM, met_vraag=False)
    assert evalueer({}, gebruikt, PEILDATUM).volgende_vraag == "netto_maandinkomen_gezin"
    assert _alles(evalueer({}, gebruikt, PEILDATUM)) == _alles(evalueer({}, vers, PEILDATUM))


def test_geheugen_blijft_begrensd_en_houdt_het_nieuwste():
    geheugen: dict[int, int] = {}
    for i in range(1000):
        onthoud(geheugen, i, i * i, 64)
        assert len(geheugen) <= 64
        assert geheugen[i] == i * i
    assert 999 in geheugen and 0 not in geheugen
    assert len(geheugen) >= 64 - 64 // 8  # a part goes at once, not everything
