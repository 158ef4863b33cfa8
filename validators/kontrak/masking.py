"""Masking of personal values (Pasal 9): outputs show enough to find a record, never the value."""

from __future__ import annotations

import json
import re

__all__ = ["key_looks_like_data", "mask_text", "render_value"]

_DATA_IN_KEY = re.compile(r"[0-9]{6,}|@")

_MAX_SHOWN = 80


def mask_text(text: str) -> str:
    """Mask a personal value, keeping its length and, for long values, both ends.

    ``198403142009122987`` → ``19**************87``; short values are masked whole.
    """
    if len(text) >= 12:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]
    return "*" * len(text)


def key_looks_like_data(key: str) -> bool:
    """Whether a key the contract does not know looks like a value (a NIP, NIK, phone, e-mail).

    Payloads keyed by NIP (``{"198403142009122987": {...}}``) put personal values where field
    names belong; such keys are masked in reports like values.
    """
    return bool(_DATA_IN_KEY.search(key))


def render_value(value: object, *, personal: bool, show_values: bool) -> str:
    """Render a value for a report: JSON text, masked when ``personal`` and not ``show_values``.

    Text longer than 80 characters (masked or not) is cut there, ending with ``…``.
    """
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if personal and not show_values:
        if isinstance(value, dict | list):
            return "<disamarkan/masked>"
        # only what can be shown is masked: a huge value's mask is not built whole
        text = mask_text(text[: _MAX_SHOWN + 1])
    if len(text) > _MAX_SHOWN:
        return text[: _MAX_SHOWN - 1] + "…"
    return text
