"""MkDocs hook: publish every contract file at the URL its ``$id`` names.

A contract's ``$id`` is ``<site_url>contracts/<dataset>/<version>/schema.json``; copying the
``contracts/`` folder into the built site makes every ``$id`` (and each relative ``$ref``)
resolvable on the published site, and keeps the files single-sourced.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

_PUBLISHED = ("*.json", "*.yaml", "*.csv")


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Copy the contracts into ``<site_dir>/contracts``."""
    source = Path(config["config_file_path"]).parent / "contracts"
    target = Path(config["site_dir"]) / "contracts"
    for pattern in _PUBLISHED:
        for path in source.rglob(pattern):
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
