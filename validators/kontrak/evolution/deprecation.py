"""Per-field deprecation: ``x-deprecated`` on a property, shown in the docs, warned on use.

``"x-deprecated": {"since": "2.0.0", "removed-after": "2026-12-31", "replaced-by": "…",
"reason": {"id": "…", "en": "…"}}`` says the field is still accepted but will be dropped by a
major version after the date. The validator reports ``deprecated-field`` (a warning) once per
file, at the first record that uses the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.engine.findings import Finding
from kontrak.text import LocalText

__all__ = ["Deprecation", "DeprecationWatch", "deprecation_note", "field_deprecation"]

_NOTE = {
    "id": "Usang sejak {since}; dihapus setelah {removed}.",
    "en": "Deprecated since {since}; removed after {removed}.",
}
_REPLACEMENT = {"id": " Pengganti: `{name}`.", "en": " Replacement: `{name}`."}


@dataclass(frozen=True, slots=True)
class Deprecation:
    """When a field was deprecated, when it may go, and what replaces it."""

    since: str
    removed_after: str
    replaced_by: str | None = None
    reason: LocalText | None = None


def _parse(data: Any) -> Deprecation | None:
    if not isinstance(data, Mapping):
        return None
    reason = data.get("reason")
    return Deprecation(
        since=str(data.get("since", "?")),
        removed_after=str(data.get("removed-after", "?")),
        replaced_by=str(data["replaced-by"]) if data.get("replaced-by") else None,
        reason=LocalText.from_mapping(reason) if isinstance(reason, Mapping) else None,
    )


def field_deprecation(spec: FieldSpec) -> Deprecation | None:
    """The deprecation of a contract field, or None when it is not deprecated."""
    return _parse(spec.schema.get("x-deprecated"))


def deprecation_note(spec: FieldSpec, lang: str) -> str:
    """One sentence for the docs, e.g. "Usang sejak 2.0.0; dihapus setelah 2026-12-31."."""
    deprecation = field_deprecation(spec)
    if deprecation is None:
        return ""
    key = "en" if lang == "en" else "id"
    text = _NOTE[key].format(since=deprecation.since, removed=deprecation.removed_after)
    if deprecation.replaced_by:
        text += _REPLACEMENT[key].format(name=deprecation.replaced_by)
    if deprecation.reason:
        text += " " + deprecation.reason.get(key)
    return text


class DeprecationWatch:
    """Reports each deprecated field the first time a file uses it."""

    def __init__(self, contract: Contract) -> None:
        self._deprecated = {
            name: found
            for name, spec in contract.fields.items()
            if (found := field_deprecation(spec)) is not None
        }
        self._seen: set[str] = set()

    @property
    def active(self) -> bool:
        """Whether the contract has any deprecated field."""
        return bool(self._deprecated)

    def start_file(self) -> None:
        """Begin a new file: every deprecated field is reported again once."""
        self._seen.clear()

    def findings(self, record: Mapping[str, Any]) -> list[Finding]:
        """``deprecated-field`` for each deprecated field in ``record`` not yet reported."""
        found = []
        for name, deprecation in self._deprecated.items():
            if name in record and name not in self._seen:
                self._seen.add(name)
                found.append(
                    Finding(
                        code="deprecated-field",
                        parts=(name,),
                        field=name,
                        ctx={
                            "since": deprecation.since,
                            "removed_after": deprecation.removed_after,
                            "replaced_by": deprecation.replaced_by or "—",
                        },
                        engine="deprecation",
                    )
                )
        return found
