"""Domain errors of the hand-over, with a Dutch message for the person who sees them."""

from __future__ import annotations


class OverdrachtFout(Exception):
    """Base class: ``str(fout)`` is a Dutch sentence that can be shown as it is."""


class CodeOngeldig(OverdrachtFout):
    """The text is not a code at all (wrong length or letters)."""


class CodeOnbekend(OverdrachtFout):
    """No profile for this code: already used, expired, or never made."""
