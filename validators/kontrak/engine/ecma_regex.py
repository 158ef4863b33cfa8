r"""ECMA-262 behaviour for JSON Schema ``pattern`` on top of Python's ``re``.

JSON Schema patterns are ECMA-262 regular expressions. Two Python differences matter for
contracts: ``$`` also matches before a final newline (so ``"…987\\n"`` would pass an 18-digit NIP
pattern), and ``\\d``/``\\w`` match non-ASCII digits and letters. Patterns are translated so that
``$`` outside a character class becomes ``\\Z``, and compiled with ``re.ASCII``.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["compile_ecma"]


def _translate(pattern: str) -> str:
    out: list[str] = []
    in_class = False
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            out.append(char)
            in_class = char != "]"
        elif char == "[":
            out.append(char)
            in_class = True
        elif char == "$":
            out.append(r"\Z")
        else:
            out.append(char)
    return "".join(out)


@cache
def compile_ecma(pattern: str) -> re.Pattern[str]:
    """Compile a JSON Schema pattern with ECMA-262 anchors and ASCII classes."""
    return re.compile(_translate(pattern), re.ASCII)
