"""Screening asks the engine for outcomes only (``met_vraag=False``, ``met_open=False``):
the same statuses, amounts and conditions, no next question. Both kinds of evaluation on
one catalogue do not change each other. And the memo stays bounded when it evicts a part
at once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from regelhulp import PEILDATUM, bouw, recht, vocabulaire
from test_eigenschappen import ECHT, _echt, _echte_profielen, _echte_regeldata
from test_geheugen import _alles

from bot.rules import Evaluatie, bouw_catalogus, evalueer
from bot.rules.geheugen import onthoud


def _zonder_open(evaluatie: Evaluatie) -> list:
    """What ``met_open=False`` keeps: all but what is still open."""
    return [
        (
            u.recht.id,
            u.status,
            u.bedrag,
            u.bedrag_tekst,
            u.waarde_per_jaar,
            u.via_rechten,
            [(v.id, v.status, v.tekst, v.benaderingen, v.onderdelen) for v in u.voorwaarden],
        )
        for u in evaluatie.uitkomsten
    ]


@ECHT
@given(_echte_profielen(), st.sampled_from([None, frozenset({"leefloon"})]))
def test_zonder_vraag_dezelfde_uitkomsten(profiel, alleen):
    catalogus, _ = _echt()
    met = evalueer(profiel, catalogus, PEILDATUM, alleen=alleen)
    zonder = evalueer(profiel, catalogus, PEILDATUM, alleen=alleen, met_vraag=False)
    alleen_status = evalueer(profiel, catalogus, PEILDATUM, alleen=alleen, met_open=False)
    assert _alles(zonder)[0] == _alles(met)[0]
    assert _zonder_open(alleen_status) == _zonder_open(met)
    for e in (zonder, alleen_status):
        assert e.open_rechten == met.open_rechten
        assert e.volgende_vraag is None and e.volgende_groep is None
        assert e.volgende_leden == ()
    assert all(not u.open_attributen for u in alleen_status.uitkomsten)
    # and the full evaluation afterwards is still the full one
    assert _alles(evalueer(profiel, catalogus, PEILDATUM, alleen=alleen)) == _alles(met)


@ECHT
@given(_echte_profielen())
def test_eerst_alleen_statussen_dan_volledig_zoals_op_een_verse_catalogus(profiel):
    catalogus = bouw_catalogus(_echte_regeldata(), vocabulaire())
    vers = bouw_catalogus(_echte_regeldata(), vocabulaire())
    evalueer(profiel, catalogus, PEILDATUM, met_open=False)
    assert _alles(evalueer(profiel, catalogus, PEILDATUM)) == _alles(
        evalueer(profiel, vers, PEILDATUM)
    )


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
