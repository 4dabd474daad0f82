"""Klare taal (B1) in every text the bot says to a citizen that we write ourselves: the
vocabulary, the rule files, the responses in domain.yml and the texts in actions/*.py.

Sentences of at most 20 words, no word of bot/vocabulary/jargon.yaml without an
explanation, one voice. A failure names the file, the line, the key and the sentence.
The rules themselves: bot/klaretaal.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.klaretaal import (
    MAX_WOORDEN,
    REPO,
    Soort,
    Tekst,
    code_teksten,
    controleer,
    laad_jargon,
    regelbestand_teksten,
    teksten,
    woordenlijst_teksten,
    zinnen,
)

JARGON = laad_jargon()


def test_alle_teksten_voor_burgers_zijn_klare_taal() -> None:
    fouten = controleer(teksten(), JARGON)
    assert not fouten, f"{len(fouten)} teksten zijn geen klare taal:\n" + "\n".join(
        str(f) for f in fouten
    )


def test_de_controle_leest_alle_bronnen() -> None:
    """Every source is read, with the texts a citizen sees (else the test above proves
    nothing)."""
    alle = teksten()
    plekken = {(t.bestand, t.plek) for t in alle}
    assert ("bot/vocabulary/attributen.yaml", "attributen.leeftijd.vraag") in plekken
    assert ("bot/vocabulary/attributen.yaml", "vraaggroepen.situaties.geen") in plekken
    assert ("bot/vocabulary/attributen.yaml", "attributen.woonsituatie.opties.eigenaar") in (
        plekken
    )
    assert ("domain.yml", "responses.utter_begroeting[0].text") in plekken
    regelbestanden = sorted(p.name for p in (REPO / "catalogus" / "regels").glob("*.yaml"))
    gelezen = {Path(t.bestand).name for t in alle if t.bestand.startswith("catalogus/regels/")}
    assert gelezen == set(regelbestanden)
    assert ("catalogus/regels/leefloon.yaml", "voorwaarden[8].een_van[1].tekst") in plekken
    assert ("catalogus/regels/leefloon.yaml", "bedrag.tekst") in plekken
    code = {t.tekst for t in alle if t.bestand == "actions/resultaat.py"}
    assert any(t.startswith("Dit is een inschatting.") for t in code)
    # not: synonyms, sources, comments, ids, payloads, docstrings, log messages
    assert not any(t.plek.startswith(("synoniemen", "bron", "parameters")) for t in alle)
    assert not any(t.tekst.startswith("/") for t in alle)
    assert not any("De motor en de catalogus voor de acties" in t.tekst for t in alle)


# --- the rules, on small texts ---------------------------------------------------------------


def _fouten(tekst: str, soort: Soort = Soort.GEDEELD) -> list[str]:
    return [f.regel for f in controleer([Tekst("x.yaml", "k", 1, tekst, soort)], JARGON)]


def test_een_zin_van_21_woorden_is_te_lang() -> None:
    twintig = " ".join(["woord"] * (MAX_WOORDEN - 1)) + " einde."
    assert _fouten(twintig) == []
    assert _fouten("Een " + twintig) == ["lange zin"]
    # two sentences of twenty words each are fine
    assert _fouten(f"{twintig} {twintig[0].upper()}{twintig[1:]}") == []


def test_zinnen_splitsen_niet_na_een_afkorting_of_in_een_getal() -> None:
    assert zinnen("Bij uw operator (bv. Proximus). Eén tarief per gezin.") == [
        "Bij uw operator (bv. Proximus).",
        "Eén tarief per gezin.",
    ]
    assert zinnen("Tot € 1.314,20 per maand. Vraag het aan.") == [
        "Tot € 1.314,20 per maand.",
        "Vraag het aan.",
    ]
    assert zinnen("Kop:\n• Een recht: waarom.") == ["Kop:", "Een recht: waarom."]


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        ("Vraag het na bij het VAPH.", True),
        (
            "Vraag het na bij het VAPH (het Vlaams Agentschap voor Personen met een Handicap).",
            False,
        ),
        (
            "Het Vlaams Agentschap voor Personen met een Handicap (VAPH) beslist. Bel het VAPH.",
            False,
        ),
        ("Vraag het na bij het VAPH (VAPH).", True),  # one word between brackets explains nothing
        ("U hebt een kind ten laste.", True),
        ("U hebt een kind ten laste: een kind voor wie u zorgt.", False),
        ("Het OCMW bepaalt uw categorie.", True),
        ("Uw BEL-score is hoog.", True),
        ("Het vaph beslist.", False),  # an abbreviation is matched as written
        ('Zeg bijvoorbeeld "ik krijg de IGO".', False),  # the person's words
        ("Vraag het aan bij het OCMW.", False),  # allowed: see jargon.yaml
    ],
)
def test_jargon_zonder_uitleg(tekst: str, fout: bool) -> None:
    assert ("jargon" in _fouten(tekst)) is fout


def test_een_stem() -> None:
    assert _fouten("We beginnen opnieuw. Ik ben alles vergeten.", Soort.BOT) == ["twee stemmen"]
    assert _fouten("Ik begin opnieuw. Ik ben alles vergeten.", Soort.BOT) == []
    assert _fouten("Zeg 'ik weet het niet', dan gaan we verder.", Soort.BOT) == []
    # a text the bot puts next to its own "ik": no "we"
    assert _fouten("We bewaren uw antwoord niet.") == ["twee stemmen"]
    assert _fouten("Uw antwoord wordt niet bewaard.") == []
    # a button is the person's own voice
    assert _fouten("Ik huur van een private verhuurder", Soort.KNOP) == []


def test_toegestane_woorden_hebben_een_reden_en_ocmw_is_er_een() -> None:
    assert "OCMW" in JARGON.toegestaan
    assert all(len(reden.split()) >= 5 for reden in JARGON.toegestaan.values())
    termen = {v.term for v in JARGON.vakwoorden}
    assert {"VAPH", "BEL-score", "ten laste", "categorie", "RIZIV", "IGO", "FOD"} <= termen


# --- file, key and line in the report -------------------------------------------------------


def test_de_melding_noemt_bestand_sleutel_lijn_en_zin(tmp_path: Path) -> None:
    pad = tmp_path / "recht.yaml"
    pad.write_text(
        "id: r\n"
        "samenvatting: Kort.\n"
        "voorwaarden:\n"
        "  - id: v\n"
        "    tekst: >-\n"
        "      Dit is een heel lange zin met veel te veel woorden, zodat niemand hem\n"
        "      in een keer kan lezen of onthouden. Kort.\n"
        "    regel: {'var': 'leeftijd'}\n",
        encoding="utf-8",
    )
    fouten = controleer(list(regelbestand_teksten(pad)), JARGON)
    assert len(fouten) == 1
    melding = str(fouten[0])
    assert f"{pad}:5 (voorwaarden[0].tekst): lange zin: 21 woorden" in melding
    assert "» Dit is een heel lange zin" in melding and "Kort." not in melding


def test_woordenlijst_knoppen_zijn_de_stem_van_de_persoon(tmp_path: Path) -> None:
    pad = tmp_path / "attributen.yaml"
    pad.write_text(
        "attributen:\n"
        "  a:\n"
        "    vraag: Hoe woont u?\n"
        "    waarom: We vragen het.\n"
        "    opties: {huur: Ik huur, eigen: Ik ben eigenaar}\n",
        encoding="utf-8",
    )
    gelezen = {t.plek: t.soort for t in woordenlijst_teksten(pad)}
    assert gelezen == {
        "attributen.a.vraag": Soort.GEDEELD,
        "attributen.a.waarom": Soort.GEDEELD,
        "attributen.a.opties.huur": Soort.KNOP,
        "attributen.a.opties.eigen": Soort.KNOP,
    }


def test_teksten_in_de_code(tmp_path: Path) -> None:
    pad = tmp_path / "actie.py"
    pad.write_text(
        '"""Een docstring met veel woorden die niemand in de chat ziet."""\n'
        "import logging\n"
        "log = logging.getLogger(__name__)\n"
        'PATROON = re.compile(r"(?<!mijn )ons huis")\n'
        "def run(d, naam):\n"
        '    log.error("De databank is niet klaar, zeg het de beheerder")\n'
        '    d.utter_message(text=f"U hebt recht op {naam}. "\n'
        '                    "Vraag het aan.", buttons=[{"title": "Meer over dit recht",\n'
        '                    "payload": "/meer_uitleg{\\"recht\\": 1}"}])\n'
        '    return "Eerst dit " + naam + " en dan dat."\n',
        encoding="utf-8",
    )
    gelezen = {(t.tekst, t.soort, t.lijn) for t in code_teksten(pad)}
    assert gelezen == {
        ("U hebt recht op {}. Vraag het aan.", Soort.BOT, 7),
        ("Meer over dit recht", Soort.KNOP, 8),
        ("Eerst dit {} en dan dat.", Soort.BOT, 10),
    }
