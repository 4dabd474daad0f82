"""Rasa custom actions (rasa-sdk) and the helpers they use."""
