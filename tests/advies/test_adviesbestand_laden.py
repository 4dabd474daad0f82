"""Reading the advice file: problems name the file, the line and the field, in Dutch; the
bundled file is complete (every condition and amount cited and dated) and in plain Dutch."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.advies import LEEFLOON_PAD, AdviesFout, adviesregels_uit_tekst
from bot.advies.model import Soort
from bot.klaretaal import Soort as TekstSoort
from bot.klaretaal import Tekst, code_teksten, controleer, laad_jargon
from bot.rules import Catalogus
from bot.vocabulary import Vocabulaire

TEKST = LEEFLOON_PAD.read_text("utf-8")


def _lijn(tekst: str, stukje: str) -> int:
    return tekst[: tekst.index(stukje)].count("\n") + 1


def _fout(tekst: str, catalogus: Catalogus, vocabulaire: Vocabulaire) -> AdviesFout:
    with pytest.raises(AdviesFout) as fout:
        adviesregels_uit_tekst(tekst, catalogus, vocabulaire, bron="advies/leefloon.yaml")
    return fout.value


def test_het_meegeleverde_bestand(regels, catalogus: Catalogus) -> None:
    assert regels.recht == "leefloon"
    assert {c.id for c in regels.categorieen} == {"samenwonend", "alleenstaand", "gezinslast"}
    assert {v.soort for v in regels.voorwaarden} == {Soort.VOORWAARDE, Soort.RISICO}
    recht = catalogus.recht("leefloon")
    assert recht is not None
    for c in regels.categorieen:  # amounts are the right's dated, sourced parameters
        p = recht.parameters[c.parameter]
        assert p.bron.startswith("https://") and p.waarden.vanaf
        assert c.bron.startswith("https://")
    for v in (*regels.voorwaarden, *regels.vrijstellingen):
        assert re.match(r"https?://", v.bron), v.id
    # the newest figures (../shared/rights-facts-2025.md): from 1 February 2025
    from datetime import date

    nieuw = date(2025, 2, 1)
    assert recht.parameters["categorie_2_alleenstaande"].op(nieuw, None) == 1314.20
    assert recht.parameters["vrijstelling_socioprofessioneel"].op(nieuw, None) == 309.48


def test_schemafout_noemt_bestand_regel_en_veld(catalogus, vocabulaire) -> None:
    stuk = "    bron: https://www.socialsecurity.be/citizen/nl/hulp-ocmw/financiele-hulp/igo\n"
    assert TEKST.count(stuk) == 1
    tekst = TEKST.replace(stuk, "")
    fout = _fout(tekst, catalogus, vocabulaire)
    assert fout.bestand == "advies/leefloon.yaml"
    assert "Het verplichte veld 'bron' ontbreekt." in str(fout)
    assert fout.pad == ("voorwaarden", 1)
    assert fout.regel == _lijn(tekst, "  - id: jonger_dan_65")
    assert f"advies/leefloon.yaml, regel {fout.regel} (veld voorwaarden.1)" in str(fout)


def test_onbekend_attribuut_in_een_regel(catalogus, vocabulaire) -> None:
    tekst = TEKST.replace('{"var": "werkelijk_verblijf"}', '{"var": "echt_verblijf"}')
    fout = _fout(tekst, catalogus, vocabulaire)
    assert "Attribuut 'echt_verblijf' staat niet in de woordenlijst" in fout.bericht
    assert fout.pad[:3] == ("voorwaarden", 5, "regel")
    assert fout.regel == _lijn(tekst, '{"var": "echt_verblijf"}')


def test_onbekende_parameter_van_een_categorie(catalogus, vocabulaire) -> None:
    tekst = TEKST.replace("parameter: categorie_2_alleenstaande", "parameter: categorie_9")
    fout = _fout(tekst, catalogus, vocabulaire)
    assert "'categorie_9' is geen bedrag-parameter van recht 'leefloon'" in fout.bericht
    assert fout.regel == _lijn(tekst, "parameter: categorie_9")


def test_onbekend_recht_en_kapotte_yaml(catalogus, vocabulaire) -> None:
    fout = _fout(TEKST.replace("recht: leefloon", "recht: bestaat-niet"), catalogus, vocabulaire)
    assert "Recht 'bestaat-niet' heeft geen regels in de catalogus." in fout.bericht
    fout = _fout(TEKST + "\n  kapot: [\n", catalogus, vocabulaire)
    assert "geen geldige YAML" in fout.bericht and fout.regel is not None


def test_verkeerde_soort_waarde(catalogus, vocabulaire) -> None:
    tekst = TEKST.replace("    soort: risico\n", "    soort: gevaar\n", 1)
    fout = _fout(tekst, catalogus, vocabulaire)
    assert "Waarde 'gevaar' is niet toegelaten. Kies uit: voorwaarde, risico." in fout.bericht


def _advies_teksten() -> list[Tekst]:
    """The texts a person reads: categories, exemptions, points and why, the standard
    explanations (the same kinds as in the rule files)."""
    data = yaml.compose(TEKST)
    assert isinstance(data, yaml.MappingNode)
    uit: list[Tekst] = []

    def loop(k: yaml.Node, pad: tuple) -> None:
        if isinstance(k, yaml.MappingNode):
            for s, w in k.value:
                loop(w, (*pad, str(s.value)))
        elif isinstance(k, yaml.SequenceNode):
            for i, w in enumerate(k.value):
                loop(w, (*pad, i))
        elif isinstance(k, yaml.ScalarNode) and k.tag.endswith(":str"):
            laatste = pad[-1] if pad else ""
            if pad and (
                laatste in ("tekst", "punt", "waarom", "niet_waarom")
                or (pad[0] == "uitleg" and pad[1] != "bronnen")
            ):
                plek = ".".join(map(str, pad))
                tekst = " ".join(str(k.value).split())
                uit.append(Tekst("bot/advies/leefloon.yaml", plek, k.start_mark.line + 1, tekst))

    loop(data, ())
    return uit


def test_klare_taal() -> None:
    teksten = _advies_teksten()
    assert len(teksten) > 40
    code = [t for t in code_teksten(LEEFLOON_PAD.with_suffix(".py")) if t.soort is TekstSoort.BOT]
    fouten = controleer([*teksten, *code], laad_jargon())
    assert not fouten, "\n".join(map(str, fouten))
