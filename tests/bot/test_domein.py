"""The Rasa domain follows the vocabulary: slot names, form slots and question actions."""

from __future__ import annotations

import yaml
from botproces import REPO

from bot.vocabulary import laad_vocabulaire


def test_domein_volgt_de_woordenlijst() -> None:
    domein = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    sleutels = list(laad_vocabulaire().attributen)
    assert set(sleutels) <= set(domein["slots"])
    assert domein["forms"]["profiel_form"]["required_slots"] == sleutels
    # validate_profiel_form asks the engine's question itself: Rasa must not ask again
    vragen = [a for a in [*domein["actions"], *domein.get("responses", {})] if "_ask_" in a]
    assert vragen == []


def test_elke_actie_in_het_domein_bestaat() -> None:
    from rasa_sdk import Action
    from rasa_sdk.forms import FormValidationAction

    import actions  # noqa: F401  (registers every action class)

    def alle(klasse: type) -> list[type]:
        return [k for sub in klasse.__subclasses__() for k in (sub, *alle(sub))]

    namen = set()
    for klasse in alle(Action):
        try:
            namen.add(klasse().name())
        except NotImplementedError:
            continue
    domein = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    assert set(domein["actions"]) <= namen
    # the form validation is one of them, and it is a real form validation
    validaties = {klasse().name() for klasse in alle(FormValidationAction)}
    assert validaties == {"validate_profiel_form"}
    assert "validate_profiel_form" in domein["actions"]
