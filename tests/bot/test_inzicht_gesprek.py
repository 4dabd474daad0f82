"""The anonymous count in a real conversation (real Rasa, real action server, REST): Rasa
keeps what was counted in the slot ``inzicht_geteld``, so a second result or a second
question about the same right counts nothing; "opnieuw beginnen" is a new conversation.

The mark is set only after the count was stored (``actions/inzicht.py``).
"""

from __future__ import annotations

import pytest
from botproces import BotServer
from test_resultaat_gesprek import tot_het_resultaat

from actions.inzicht import INZICHT_SLOT
from bot.inzicht import GETELD_RESULTAAT
from bot.inzicht.gesprek import gevraagd_merk

pytestmark = pytest.mark.bot


def test_een_gesprek_telt_een_keer(bot_server: BotServer) -> None:
    g = bot_server.gesprek("inzicht-0")
    assert not g.slots().get(INZICHT_SLOT)
    tot_het_resultaat(g)
    assert g.slots()[INZICHT_SLOT] == [GETELD_RESULTAAT]
    g.zeg("/toon_resultaat")
    assert g.slots()[INZICHT_SLOT] == [GETELD_RESULTAAT]
    g.zeg('/meer_uitleg{"recht": "leefloon"}')
    g.zeg('/waarom_niet{"recht": "leefloon"}')
    assert g.slots()[INZICHT_SLOT] == [GETELD_RESULTAAT, gevraagd_merk("leefloon")]
    g.zeg("opnieuw beginnen")
    assert not g.slots().get(INZICHT_SLOT)
