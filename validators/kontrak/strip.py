"""Data minimisation (Pasal 9): drop every field the contract does not list before storing data.

SIASN adds fields to its responses over time; the validator reports them as ``field-not-agreed``
warnings, and this module removes them so that only agreed data is kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.contract import Contract
from kontrak.readers import UnreadableInputError, detect_format
from kontrak.readers.base import InputProblem
from kontrak.readers.csv_reader import sniff_delimiter
from kontrak.readers.decoding import decode_utf8
from kontrak.readers.json_text import json_error_problem

__all__ = ["StripResult", "strip_file"]


@dataclass(frozen=True, slots=True)
class StripResult:
    """What was removed: field name → how many records carried it."""

    records: int
    dropped: Counter[str]


def _strip_record(record: Any, allowed: frozenset[str], dropped: Counter[str]) -> Any:
    if not isinstance(record, dict):
        return record
    for name in [key for key in record if key not in allowed]:
        dropped[name] += 1
        del record[name]
    return record


def _records_of(document: Any) -> Iterable[Any]:
    if isinstance(document, dict) and "code" in document and "data" in document:
        data = document["data"]
        return data if isinstance(data, list) else ([data] if isinstance(data, dict) else [])
    if isinstance(document, list):
        return document
    return [document]


def _parse(text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(json_error_problem(exc, line=line)) from None


def _strip_json(text: str, allowed: frozenset[str], dropped: Counter[str]) -> tuple[str, int]:
    document = _parse(text)
    records = list(_records_of(document))
    for record in records:
        _strip_record(record, allowed, dropped)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", len(records)


def _strip_jsonl(text: str, allowed: frozenset[str], dropped: Counter[str]) -> tuple[str, int]:
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = _strip_record(_parse(line, number), allowed, dropped)
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines), len(lines)


def _strip_csv(text: str, allowed: frozenset[str], dropped: Counter[str]) -> tuple[str, int]:
    delimiter = sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        raise UnreadableInputError(InputProblem(code="missing-header", row=1))
    keep = [i for i, name in enumerate(rows[0]) if name in allowed]
    body = [row for row in rows[1:] if row]
    for name in rows[0]:
        if name not in allowed:
            dropped[name] += len(body)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for row in [rows[0], *body]:
        writer.writerow([row[i] if i < len(row) else "" for i in keep])
    return out.getvalue(), len(body)


_STRIPPERS = {"json": _strip_json, "jsonl": _strip_jsonl, "csv": _strip_csv}


def strip_file(
    contract: Contract, source: Path, target: Path, input_format: str | None = None
) -> StripResult:
    """Write ``source`` to ``target`` without the fields ``contract`` does not list.

    The target is written only when the whole source was read (no half-written output).

    Raises:
        UnreadableInputError: the source is missing, not UTF-8, not parsable, or not JSON,
            JSON Lines or CSV.
    """
    if not source.is_file():
        raise UnreadableInputError(
            InputProblem(code="file-not-found" if not source.exists() else "not-a-file")
        )
    fmt = input_format or detect_format(source)
    if fmt not in _STRIPPERS:  # a spreadsheet: export it as CSV first
        raise UnreadableInputError(InputProblem(code="unsupported-format", ctx={"extension": fmt}))
    text = decode_utf8(source.read_bytes())
    dropped: Counter[str] = Counter()
    output, records = _STRIPPERS[fmt](text, frozenset(contract.fields), dropped)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(output, encoding="utf-8")
    temporary.replace(target)
    return StripResult(records=records, dropped=dropped)
