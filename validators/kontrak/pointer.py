"""RFC 6901 JSON Pointers."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["join_pointer", "pointer_from_parts"]


def _escape(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def join_pointer(base: str, *parts: str | int) -> str:
    """Append reference tokens to a JSON Pointer: ``join_pointer("/data", 0)`` → ``/data/0``."""
    if len(parts) == 1:  # the common case: one field name with nothing to escape
        part = parts[0]
        if type(part) is str and "~" not in part and "/" not in part:
            return f"{base}/{part}"
    return base + "".join("/" + _escape(part) for part in parts)


def pointer_from_parts(parts: Iterable[str | int]) -> str:
    """Build a JSON Pointer from reference tokens; no tokens gives ``""`` (the whole document)."""
    return join_pointer("", *parts)
