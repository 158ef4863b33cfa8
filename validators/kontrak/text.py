"""Bilingual text: Bahasa Indonesia first, English beside it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["LANGUAGES", "Lang", "LocalText"]

Lang = Literal["id", "en"]
LANGUAGES: tuple[Lang, ...] = ("id", "en")


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in Bahasa Indonesia (``id``) and English (``en``)."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang``; anything but "en" gives Bahasa Indonesia."""
        return self.en if lang == "en" else self.id

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> LocalText:
        """Build from ``{"id": ..., "en": ...}``."""
        return cls(id=str(data["id"]), en=str(data["en"]))
