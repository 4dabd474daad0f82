"""Who may ask an attribute (``gevraagd_door`` in the vocabulary): the citizen's chat never
gets willingness to work or property as its next question, even when a right reads them;
a social worker's flow does."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from bot.rules import bouw_catalogus, evalueer
from bot.rules.volgende_vraag import hoogstens_nog, kies_volgende_vraag
from bot.vocabulary import STANDAARD_PAD, Vocabulaire, Vrager
from bot.vocabulary.laden import VocabulaireFout, vocabulaire_uit_data

DATUM = date(2025, 6, 1)
BRON = "https://primabook.mi-is.be/nl/recht-op-maatschappelijke-integratie/de-voorwaarden"


def test_werkbereidheid_en_eigendom_alleen_voor_de_begeleider(vocabulaire: Vocabulaire) -> None:
    a = vocabulaire.attributen
    assert a["werkbereid"].gevraagd_door == {Vrager.BEGELEIDER}
    assert a["onroerend_goed_naast_woning"].gevraagd_door == {Vrager.BEGELEIDER}
    assert not a["werkbereid"].chat_vraagt
    for naam in ("werkelijk_verblijf", "samenwonend_met_anderen", "leeftijd", "gemeente"):
        assert a[naam].gevraagd_door == {Vrager.CHAT, Vrager.BEGELEIDER}, naam
    assert set(a["werkbereid"].opties or {}) == {
        "ja",
        "nee",
        "vrijgesteld_gezondheid",
        "vrijgesteld_billijkheid",
    }


def _catalogus(vocabulaire: Vocabulaire):
    """Two rights that read only what the chat may not ask, and one it may."""

    def recht(id_: str, regel: object) -> dict:
        return {
            "id": id_,
            "product": id_,
            "naam": f"Recht {id_}",
            "niveau": "federaal",
            "bron_url": BRON,
            "voorwaarden": [{"id": "v", "tekst": "De voorwaarde is voldaan.", "regel": regel}],
            "waarde_per_jaar": 9000,
        }

    return bouw_catalogus(
        [
            recht("werk", {"==": [{"var": "werkbereid"}, "ja"]}),
            recht("eigendom", {"!": {"var": "onroerend_goed_naast_woning"}}),
            recht("verblijf", {"var": "werkelijk_verblijf"}),
        ],
        vocabulaire,
    )


def test_de_chat_krijgt_ze_nooit_als_volgende_vraag(vocabulaire: Vocabulaire) -> None:
    catalogus = _catalogus(vocabulaire)
    assert catalogus.niet_in_chat == {"werkbereid", "onroerend_goed_naast_woning"}
    profiel: dict = {"leeftijd": 40, "gemeente": "44021"}
    gevraagd = []
    while (vraag := evalueer(profiel, catalogus, DATUM).volgende_vraag) is not None:
        gevraagd.append(vraag)
        profiel[vraag] = True
    assert gevraagd == ["werkelijk_verblijf"]
    # the open rights stay open: only a social worker can settle them
    evaluatie = evalueer(profiel, catalogus, DATUM)
    assert set(evaluatie.open_rechten) == {"werk", "eigendom"}
    assert hoogstens_nog(evaluatie.uitkomsten, profiel, catalogus) == 0


def test_de_begeleider_krijgt_ze_wel(vocabulaire: Vocabulaire) -> None:
    catalogus = _catalogus(vocabulaire)
    profiel = {"leeftijd": 40, "gemeente": "44021", "werkelijk_verblijf": True}
    evaluatie = evalueer(profiel, catalogus, DATUM, vrager=Vrager.BEGELEIDER)
    assert evaluatie.volgende_vraag in {"werkbereid", "onroerend_goed_naast_woning"}
    vraag = kies_volgende_vraag(evaluatie.uitkomsten, profiel, catalogus, vrager=Vrager.CHAT)
    assert vraag is None


def test_de_echte_catalogus_vraagt_ze_de_chat_nooit(catalogus, vocabulaire: Vocabulaire) -> None:
    """Whatever the bundled rules read: a chat that answers every question never gets one
    of them (answering yes / the first option / 0, as far as the questions go)."""
    profiel: dict = {}
    for _ in range(60):
        vraag = evalueer(profiel, catalogus, DATUM).volgende_vraag
        if vraag is None:
            break
        assert vraag not in catalogus.niet_in_chat
        attribuut = vocabulaire.attributen[vraag]
        profiel[vraag] = (
            next(iter(attribuut.opties))
            if attribuut.opties
            else ("44021" if vraag == "gemeente" else 0)
        )
        if attribuut.type.value == "bool":
            profiel[vraag] = True
    else:
        pytest.fail("de vragen stoppen niet")


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (["chat", "buurman"], "'gevraagd_door' kent 'buurman' niet; kies uit: chat, begeleider"),
        ([], "'gevraagd_door' is een lijst"),
        ("begeleider", "'gevraagd_door' is een lijst"),
    ],
)
def test_een_verkeerde_vrager_wordt_geweigerd(waarde: object, melding: str) -> None:
    data = yaml.safe_load(STANDAARD_PAD.read_text("utf-8"))
    data["attributen"]["werkbereid"]["gevraagd_door"] = waarde
    with pytest.raises(VocabulaireFout) as fout:
        vocabulaire_uit_data(data, bron="attributen.yaml")
    assert "attributen.yaml: attribuut 'werkbereid'" in str(fout.value)
    assert melding in str(fout.value)
