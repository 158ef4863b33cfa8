"""The sample exchanges of a dataset version, shown on its page and downloadable from the site."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kontrak.derive.markdown import table
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.labels import label
from kontrak.derive.site.links import relative_link
from kontrak.samples import DATA_SUFFIXES, SIDECAR_SUFFIX, sidecar_for
from kontrak.yaml_io import load_yaml

__all__ = ["MAX_SHOWN_LINES", "samples_section"]

MAX_SHOWN_LINES = 30
_FENCE_LANGUAGE = {".json": "json", ".jsonl": "json", ".ndjson": "json"}
_BINARY = frozenset({".xlsx"})  # workbooks are offered for download, not shown as text
_LOCATION_KEYS = ("pointer", "line", "row", "field")


def _sample_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.glob("*/*")
        if p.suffix.lower() in DATA_SUFFIXES and not p.name.endswith(SIDECAR_SUFFIX)
    )


def _site_path(path: Path, context: SiteContext) -> str:
    return "samples/" + path.relative_to(context.samples_root).as_posix()


def _shown_text(path: Path, lang: str) -> tuple[str, str]:
    """The first lines of a sample, and a note when it was cut."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    note = ""
    if len(lines) > MAX_SHOWN_LINES:
        note = label("truncated", lang).format(n=MAX_SHOWN_LINES)
        lines = lines[:MAX_SHOWN_LINES]
    return "\n".join(lines), note


def _valid_block(path: Path, page: str, context: SiteContext, lang: str) -> str:
    agency = path.parent.name.upper()
    link = relative_link(page, _site_path(path, context))
    download = f"    [{label('download', lang)} `{path.name}`]({link})"
    if path.suffix.lower() in _BINARY:
        return "\n".join([f'??? example "{path.name} ({agency})"', download]) + "\n"
    text, note = _shown_text(path, lang)
    fence = _FENCE_LANGUAGE.get(path.suffix.lower(), "text")
    body = "\n".join(f"    {line}" if line else "" for line in text.splitlines())
    parts = [
        f'??? example "{path.name} ({agency})"',
        download,
        "",
        f"    ```{fence}",
        body,
        "    ```",
    ]
    if note:
        parts += ["", f"    {note}"]
    return "\n".join(parts) + "\n"


def _location(error: Mapping[str, Any]) -> str:
    return ", ".join(f"{key} `{error[key]}`" for key in _LOCATION_KEYS if key in error)


def _invalid_table(files: list[Path], page: str, context: SiteContext, lang: str) -> str:
    headers = [label(k, lang) for k in ("file", "expected", "location", "description")]
    rows = []
    galat = relative_link(page, "galat.md")
    for path in files:
        sidecar = sidecar_for(path)
        data: Mapping[str, Any] = load_yaml(sidecar) if sidecar.is_file() else {}
        errors = [e for e in data.get("errors", []) if isinstance(e, Mapping)]
        link = relative_link(page, _site_path(path, context))
        rows.append(
            [
                f"[`{path.name}`]({link}) ({path.parent.name.upper()})",
                "<br>".join(f"[`{e['code']}`]({galat}#{e['code']})" for e in errors),
                "<br>".join(_location(e) for e in errors),
                str(data.get("description", "")),
            ]
        )
    return table(headers, rows)


def samples_section(dataset: str, version: str, page: str, context: SiteContext, lang: str) -> str:
    """The "sample exchanges" section of a dataset version page."""
    base = context.samples_root / dataset / version
    valid, invalid = _sample_files(base / "valid"), _sample_files(base / "invalid")
    parts = [f"## {label('samples', lang)} {{#samples}}\n", f"{label('samples_intro', lang)}\n"]
    if not valid and not invalid:
        return "\n".join([*parts, label("no_samples", lang) + "\n"])
    if valid:
        parts.append(f"### {label('valid_samples', lang)}\n")
        parts += [_valid_block(path, page, context, lang) for path in valid]
    if invalid:
        parts.append(f"### {label('invalid_samples', lang)}\n")
        parts.append(_invalid_table(invalid, page, context, lang))
    return "\n".join(parts)
