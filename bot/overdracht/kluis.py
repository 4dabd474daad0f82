"""Encryption of the kept profile (Fernet: AES-128-CBC with HMAC-SHA256) and the keyed hash
under which it is found (HMAC-SHA256 of the code). One secret gives both keys.

The secret is ``Settings.overdracht_sleutel``; without it, a key is made at the first start
and kept in a file (``var/overdracht.sleutel``, readable by the owner only). Losing that key
only makes the codes still open unusable.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from bot.overdracht.fouten import CodeOnbekend


def laad_of_maak_sleutel(pad: Path) -> bytes:
    """The key in ``pad``; a new one (file mode 0600) when the file does not exist."""
    try:
        return pad.read_bytes().strip()
    except FileNotFoundError:
        pass
    pad.parent.mkdir(parents=True, exist_ok=True)
    sleutel = Fernet.generate_key()
    try:
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made at the same moment by another process
        return pad.read_bytes().strip()
    with os.fdopen(fd, "wb") as bestand:
        bestand.write(sleutel + b"\n")
    return sleutel


class Kluis:
    def __init__(self, sleutel: bytes | str) -> None:
        ruw = sleutel.encode() if isinstance(sleutel, str) else sleutel
        self._fernet = Fernet(ruw)  # ValueError for a key that is not a Fernet key
        self._hmac = hmac.new(ruw, b"overdracht-code", hashlib.sha256).digest()

    def code_hash(self, code: str) -> str:
        return hmac.new(self._hmac, code.encode(), hashlib.sha256).hexdigest()

    def versleutel(self, inhoud: dict[str, Any]) -> bytes:
        return self._fernet.encrypt(json.dumps(inhoud, ensure_ascii=False).encode())

    def ontsleutel(self, token: bytes) -> dict[str, Any]:
        try:
            return json.loads(self._fernet.decrypt(token))
        except InvalidToken:  # kept under another key: as good as gone
            raise CodeOnbekend(ONLEESBAAR) from None


ONLEESBAAR = "Deze code kan niet meer geopend worden. Vraag de persoon om een nieuwe code."
