"""One finding about one place in one input: the unit every check reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kontrak.error_catalog import error_code

__all__ = ["SEVERITY_ORDER", "Severity", "Violation"]

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Violation:
    """A violation found in an input, located as precisely as the format allows.

    Attributes:
        code: stable code from :data:`kontrak.error_catalog.ERROR_CATALOG`.
        severity: ``error``, ``warning`` or ``info``; contracts may lower a rule to a warning.
        file: the input path as the user gave it.
        pointer: RFC 6901 JSON Pointer into the file's JSON document (JSON), or into the record
            (JSON Lines, CSV); ``""`` is the whole document or record.
        field: the contract field concerned, when there is one.
        line: 1-based line (JSON Lines, or the line of a JSON syntax error).
        row: 1-based spreadsheet row (CSV: the header is row 1, the first record row 2).
        record: 0-based index of the record in the file, when the violation is about a record.
        subject: a masked hint that finds the record (e.g. its masked NIP), or None.
        value: the offending value as text: masked unless the user asked to see values.
        ctx: values for the message template (never personal values).
        dataset: dataset id of the contract checked.
        version: version of the contract checked.
        engine: the engine or rule that found it ("jsonschema", a rule id, "reader", ...).
    """

    code: str
    severity: Severity
    file: str
    pointer: str | None = None
    field: str | None = None
    line: int | None = None
    row: int | None = None
    record: int | None = None
    subject: str | None = None
    value: str | None = None
    ctx: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    dataset: str | None = None
    version: str | None = None
    engine: str = "kontrak"

    @property
    def layer(self) -> str:
        """The check layer that reports this code (input, structure, domain, ...)."""
        return error_code(self.code).layer

    def message(self, lang: str = "id") -> str:
        """Render the catalog message template in ``lang`` ("id" or "en")."""
        template = error_code(self.code).template(lang)
        ctx = {key: _in_language(value, lang) for key, value in self.ctx.items()}
        values = _TemplateValues(ctx, field=self.field or "")
        return template.format_map(values)

    def sort_key(self) -> tuple[str, int, int, int, str, str, str]:
        """Order violations by file, then position in the file, then place, code and details.

        The key orders any two different violations the same way every time, so a report's list
        (and the part of it ``--max-errors`` keeps) does not depend on the order checks ran in.
        """
        position = self.row or self.line or 0
        record = -1 if self.record is None else self.record
        return (
            self.file,
            position,
            record,
            -SEVERITY_ORDER[self.severity],
            self.pointer or "",
            self.code,
            repr(sorted(self.ctx.items())),
        )


def _in_language(value: Any, lang: str) -> Any:
    """A message value as ``lang`` writes it: ``{"id": …, "en": …}`` holds one text per language."""
    if isinstance(value, Mapping) and set(value) == {"id", "en"}:
        return value[lang]
    return value


class _TemplateValues(dict[str, Any]):
    """Template context that renders a missing key as ``?`` instead of raising."""

    def __init__(self, ctx: Mapping[str, Any], **extra: Any) -> None:
        super().__init__(extra)
        self.update(ctx)

    def __missing__(self, key: str) -> str:
        return "?"
