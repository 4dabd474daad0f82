"""rasa-sdk's way to extend its action server: it imports this package, if there is one,
and calls ``init_hooks`` (``rasa_sdk.plugin``). Ours builds the engine when the server
starts (``actions.opstarten``)."""

from __future__ import annotations

import pluggy


def init_hooks(manager: pluggy.PluginManager) -> None:
    from actions import opstarten

    manager.register(opstarten)
