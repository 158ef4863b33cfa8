"""MkDocs hook: publish the contracts and the samples at the site paths their URLs name.

A contract's ``$id`` is ``<site_url>contracts/<dataset>/<version>/schema.json``. Adding every file
of ``contracts/`` (and the sample exchanges of ``samples/``) to the site's files, instead of copying
them after the build, makes MkDocs check each link to them in strict mode and keeps them
single-sourced: nothing is copied into ``docs/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

PUBLISHED = {
    "contracts": ("*.json", "*.yaml", "*.csv"),
    "samples": ("*.json", "*.jsonl", "*.csv", "*.yaml", "*.xlsx"),
}


def published_files(repo: Path) -> list[tuple[str, Path]]:
    """``(site path, file)`` for every published file below ``repo``, sorted by site path."""
    found = {
        path.relative_to(repo).as_posix(): path
        for folder, patterns in PUBLISHED.items()
        for pattern in patterns
        for path in (repo / folder).rglob(pattern)
        if path.is_file()
    }
    return sorted(found.items())


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    """Add the published files to the site's files."""
    repo = Path(config["config_file_path"]).parent
    for site_path, path in published_files(repo):
        if files.get_file_from_path(site_path) is None:
            files.append(File.generated(config, site_path, abs_src_path=str(path)))
    return files
