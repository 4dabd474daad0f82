"""Check the chat's data files: ``python -m bot.chat [noodhulp|talen|privacy]`` (all without
an argument). Exit code 1 and a Dutch message with file and line when one is broken."""

from __future__ import annotations

import sys
from collections.abc import Callable

from bot.chat.gegevens import ChatGegevensFout
from bot.chat.nood import laad_noodhulp
from bot.chat.privacy import laad_privacyteksten
from bot.chat.taal import laad_talen

BESTANDEN: dict[str, Callable[[], object]] = {
    "noodhulp": laad_noodhulp,
    "talen": laad_talen,
    "privacy": laad_privacyteksten,
}


def main(argumenten: list[str]) -> int:
    namen = argumenten or list(BESTANDEN)
    onbekend = [n for n in namen if n not in BESTANDEN]
    if onbekend:
        print(f"Onbekend bestand '{onbekend[0]}'. Kies uit: {', '.join(BESTANDEN)}.")
        return 2
    fouten = 0
    for naam in namen:
        try:
            BESTANDEN[naam]()
        except ChatGegevensFout as fout:
            print(fout)
            fouten += 1
        else:
            print(f"{naam}.yaml: in orde.")
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
