"""Indented JSON with one long list written an item at a time.

A report of a national file can list millions of violations. Building the whole document
first, and then its text, takes several times the list's memory (4.9 GB for a million
violations). :func:`iter_json_with_list` gives the same text as ``json.dumps(document,
ensure_ascii=False, indent=2)`` with the list in its place, in pieces, and only one item of the
list is turned into text at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["iter_json_with_list"]

_PLACEHOLDER = "\u0000kontrak-list\u0000"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def iter_json_with_list(
    document: dict[str, Any], path: tuple[str | int, ...], items: Iterable[Any]
) -> Iterator[str]:
    """The text of ``document`` with ``items`` as the list at ``path``, then a newline.

    ``document`` holds a placeholder at ``path`` (any value: it is replaced); the items are
    turned into text one by one as they are taken from ``items``.
    """
    holder: Any = document
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = _PLACEHOLDER
    text = _dumps(document)
    marker = json.dumps(_PLACEHOLDER)
    at = text.index(marker)
    head, tail = text[:at], text[at + len(marker) :]
    # the list's key starts a line; its items are indented one level deeper than the key
    line = head[head.rfind("\n") + 1 :]
    outer = " " * (len(line) - len(line.lstrip(" ")))
    inner = outer + "  "
    yield head
    first = True
    for item in items:
        piece = _dumps(item).replace("\n", "\n" + inner)
        yield ("[\n" if first else ",\n") + inner + piece
        first = False
    yield "[]" if first else "\n" + outer + "]"
    yield tail + "\n"
