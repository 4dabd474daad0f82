"""The chat's safety net: identifiers out, urgent help and other languages first.

The data (texts, help lines, keywords) lives in YAML files under ``bot/vocabulary/``
(``privacy.yaml``, ``noodhulp.yaml``, ``talen.yaml``). Nothing is read at import time:
:func:`bot.chat.vangnet.bouw_vangnet` reads and checks them when the app starts.
"""
