"""``python -m kontrak`` runs the CLI."""

from __future__ import annotations

from kontrak.cli import main

main()
