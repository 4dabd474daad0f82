"""The safety net as the chat route uses it: one message read, the extra messages of a turn,
each as often as it should be said (the memory is the tracker's bot events)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.chat.privacy import Soort
from bot.chat.vangnet import METADATA, PRIVACY, Extra, Vangnet, gezegd_in
from bot.klaretaal import Soort as Stem
from bot.klaretaal import Tekst, controleer, laad_jargon

REPO = Path(__file__).resolve().parents[2]


def bot_event(extra: Extra) -> dict[str, Any]:
    """As the chat route stores an extra message in the tracker."""
    return {
        "event": "bot",
        "text": extra.tekst,
        "metadata": {METADATA: {"vangnet": list(extra.sleutels), "voor_antwoord": True}},
    }


def test_identificatie_weg_en_een_keer_gezegd(vangnet: Vangnet) -> None:
    lezing = vangnet.lees("ik woon in Gent, mijn gsm is 0475 12 34 56")
    assert lezing.doorsturen == "ik woon in Gent, mijn gsm is"
    assert lezing.verwijderd == {Soort.TELEFOON}
    eerste = vangnet.berichten(lezing, frozenset())
    assert [e.sleutels for e in eerste] == [(PRIVACY,)]
    assert "uw telefoonnummer weggelaten" in eerste[0].tekst
    assert "niets over u opzoeken" in eerste[0].tekst
    assert "0475" not in eerste[0].tekst
    # the second time in the conversation: nothing more (the rest of the message goes on)
    gezegd = gezegd_in([bot_event(eerste[0])])
    assert vangnet.berichten(vangnet.lees("mail: an@skynet.be, ik ben 34"), gezegd) == []


def test_alleen_een_nummer_gaat_niet_naar_de_bot(vangnet: Vangnet) -> None:
    lezing = vangnet.lees("85.07.30-033.28")
    assert lezing.doorsturen == ""
    eerste = vangnet.berichten(lezing, frozenset())
    assert eerste[0].tekst.endswith("U kunt gewoon verder antwoorden op mijn vraag.")
    later = vangnet.berichten(lezing, frozenset({PRIVACY}))
    assert later[0].tekst == (
        "Ik heb uw rijksregisternummer weggelaten. Dat heb ik niet nodig. "
        "U kunt gewoon verder antwoorden op mijn vraag."
    )


def test_nood_eerst_met_de_gemeente_van_het_gesprek(vangnet: Vangnet) -> None:
    lezing = vangnet.lees("ik slaap al 3 maand in mijn auto")
    assert lezing.doorsturen == "ik slaap al 3 maand in mijn auto"  # the bot still gets it
    assert lezing.nood == ("geen_slaapplaats",)
    [bericht] = vangnet.berichten(lezing, frozenset(), gemeente="Brugge")
    assert bericht.sleutels == ("nood:geen_slaapplaats",)
    assert "Bent u in Brugge? Dan is dat OCMW Brugge." in bericht.tekst
    # said once per conversation ...
    assert vangnet.berichten(lezing, gezegd_in([bot_event(bericht)])) == []
    # ... but violence and suicide every time
    geweld = vangnet.lees("hij slaat me weer")
    eerder = vangnet.berichten(geweld, frozenset())
    assert vangnet.berichten(geweld, gezegd_in([bot_event(eerder[0])])) == eerder


def test_plaats_uit_het_bericht_wint(vangnet: Vangnet) -> None:
    lezing = vangnet.lees("ik ben dakloos en zit nu in Oostende")
    assert lezing.plaats is not None and lezing.plaats.naam == "Oostende"
    [bericht] = vangnet.berichten(lezing, frozenset(), gemeente="Gent")
    # the contact file gives Oostende's address and phone: they follow on the same line
    assert any(
        r.startswith("- Ga naar Sociaal Huis Oostende. Adres: ") for r in bericht.tekst.splitlines()
    )
    assert "Gent" not in bericht.tekst


def test_andere_taal_een_keer_per_taal(vangnet: Vangnet) -> None:
    frans = vangnet.lees("Bonjour, je ne parle pas néerlandais, pouvez-vous m'aider ?")
    assert frans.taal == "fr"
    [bericht] = vangnet.berichten(frans, frozenset())
    assert bericht.tekst.startswith("Bonjour. Cet assistant parle seulement néerlandais.")
    gezegd = gezegd_in([bot_event(bericht)])
    assert vangnet.berichten(frans, gezegd) == []
    engels = vangnet.lees("Hello, I need help with my rent please")
    assert vangnet.berichten(engels, gezegd)[0].sleutels == ("taal:en",)


def test_volgorde_nood_taal_privacy(vangnet: Vangnet) -> None:
    lezing = vangnet.lees("ik heb geen eten meer, bel me op 0475 12 34 56")
    berichten = vangnet.berichten(lezing, frozenset())
    assert [e.sleutels for e in berichten] == [("nood:geen_eten",), (PRIVACY,)]


def test_knoppen_en_gewone_antwoorden_zeggen_niets(vangnet: Vangnet) -> None:
    for bericht in ('/inform{"gemeente": "Gent"}', "ja", "9300", "67", "mijne vent is werkloos"):
        lezing = vangnet.lees(bericht)
        assert lezing.doorsturen == bericht
        assert not lezing.iets_te_zeggen, bericht


def test_herstart_en_nieuwe_sessie_vergeten_wat_gezegd_is() -> None:
    privacy = {"event": "bot", "metadata": {METADATA: {"vangnet": [PRIVACY]}}}
    assert gezegd_in([privacy]) == {PRIVACY}
    assert gezegd_in([privacy, {"event": "restart"}]) == frozenset()
    assert gezegd_in([privacy, {"event": "session_started"}]) == frozenset()
    assert gezegd_in([{"event": "bot", "text": "hallo", "metadata": {}}]) == frozenset()


def test_nlu_voorbeelden_blijven_nederlands_en_zonder_nood(vangnet: Vangnet) -> None:
    """Every training and test sentence of the bot is Dutch as people type it: none is taken
    for another language, and none holds an identifier."""
    zinnen: set[str] = set()
    for pad in (REPO / "nlu_data" / "nlu.yml", REPO / "tests" / "bot" / "nlu_test.yml"):
        for blok in (yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for regel in str(blok.get("examples") or "").splitlines():
                if regel.strip().startswith("- "):
                    zin = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", regel.strip()[2:])
                    zinnen.add(zin)
    assert len(zinnen) > 200
    for zin in zinnen:
        lezing = vangnet.lees(zin)
        assert lezing.taal is None, zin
        assert not lezing.verwijderd, zin


def test_klare_taal(vangnet: Vangnet) -> None:
    """What the safety net says in Dutch passes the project's klare-taal check: sentences of
    at most 20 words, no unexplained jargon, one voice."""
    n = vangnet.noodhulp.bestand
    teksten = [
        *(("noodhulp.yaml", f"hulplijnen.{k}.zin", h.zin) for k, h in n.hulplijnen.items()),
        *(("noodhulp.yaml", f"situaties.{k}.zeg", s.zeg) for k, s in n.situaties.items()),
        *(("noodhulp.yaml", f"ocmw.{k}", t) for k, t in n.ocmw.model_dump().items()),
        ("noodhulp.yaml", "slot", n.slot),
        *(("privacy.yaml", k, getattr(vangnet.privacy, k)) for k in ("melding", "herinnering")),
        ("privacy.yaml", "verder", vangnet.privacy.verder),
        *(
            ("talen.yaml", f"talen.{k}.nederlands", t.nederlands)
            for k, t in vangnet.talen.per_taal.items()
        ),
    ]
    assert len(teksten) > 20
    te_controleren = [Tekst(f"bot/vocabulary/{b}", plek, 0, t, Stem.BOT) for b, plek, t in teksten]
    assert [str(o) for o in controleer(te_controleren, laad_jargon())] == []
