"""Rechtenverkenner: engine, catalogue and web API."""
