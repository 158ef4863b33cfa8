"""The ``kontrak`` command line."""

from __future__ import annotations

from kontrak.cli.app import app, main

__all__ = ["app", "main"]
