"""Legal basis references into the agreement, written short as in the Lampiran (``3(2)3``)."""

from __future__ import annotations

import re

__all__ = ["format_basis"]

_BASIS = re.compile(
    r"^(?P<pasal>[0-9]+)(?:(?P<huruf>[a-z])|\((?P<ayat>[0-9]+)\)(?P<angka>[0-9]*))?$"
)


def format_basis(short: str, lang: str = "id") -> str:
    """Spell out a short reference: ``3(2)3`` → "Pasal 3 ayat (2) angka 3" / "Article 3(2) item 3".

    Raises:
        ValueError: when ``short`` is not a basis reference.
    """
    match = _BASIS.match(short)
    if match is None:
        msg = f"not a basis reference: {short!r}"
        raise ValueError(msg)
    pasal, huruf, ayat, angka = match.group("pasal", "huruf", "ayat", "angka")
    if lang == "en":
        text = f"Article {pasal}"
        if huruf:
            return f"{text} letter {huruf}"
        if ayat:
            text += f"({ayat})"
        if angka:
            text += f" item {angka}"
        return text
    text = f"Pasal {pasal}"
    if huruf:
        return f"{text} huruf {huruf}"
    if ayat:
        text += f" ayat ({ayat})"
    if angka:
        text += f" angka {angka}"
    return text
