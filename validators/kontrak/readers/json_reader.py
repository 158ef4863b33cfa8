"""JSON documents: one record, an array of records, or a SIASN response envelope."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.decoding import decode_utf8
from kontrak.readers.json_text import find_duplicate_keys, json_error_problem, loads_json

__all__ = ["iter_json_document"]

NOT_FOUND_TEXT = "Data tidak ditemukan"


def _record(value: Any, index: int, pointer: str) -> LocatedRecord:
    return LocatedRecord(
        value=value,
        index=index,
        pointer=pointer,
        duplicate_keys=tuple(find_duplicate_keys(value)),
    )


def _is_envelope(document: Any) -> bool:
    return isinstance(document, dict) and "code" in document and "data" in document


def _is_reference_listing(document: Any) -> bool:
    """The SIASN reference API answers ``{"results": [...], ...}`` (domain.md §1)."""
    return isinstance(document, dict) and isinstance(document.get("results"), list)


def _is_error_answer(document: Any) -> bool:
    """Whether the document is an error answer instead of data (domain.md §1).

    The gateway answers ``{"Error": …, "Message": …}``, a failed save ``{"success": false,
    "message": …}``; neither is a record, so one problem is reported instead of a missing-field
    violation for every field of the contract.
    """
    if not isinstance(document, dict):
        return False
    if "Error" in document and "Message" in document:
        return True
    return document.get("success") is False and "message" in document


def _envelope_code(code: Any) -> str | None:
    """The envelope's ``code`` as ``"1"`` or ``"0"``; None for anything else.

    SIASN sends the number (JS clients compare ``code === 1``), some clients store the text; a
    JSON ``true``/``false`` is neither, although Python's ``True == 1``.
    """
    if isinstance(code, bool):
        return None
    if code in (1, "1"):
        return "1"
    if code in (0, "0"):
        return "0"
    return None


def _iter_envelope(document: dict[str, Any]) -> Iterator[LocatedRecord | InputProblem]:
    code, data = _envelope_code(document["code"]), document["data"]
    if code == "1":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield _record(item, index, f"/data/{index}")
        elif isinstance(data, dict):
            yield _record(data, 0, "/data")
        else:
            yield InputProblem(
                code="invalid-envelope",
                pointer="/data",
                ctx={"reason": "'data' harus objek atau array bila code = 1"},
            )
    elif code == "0":
        if data == NOT_FOUND_TEXT or data in ([], None):
            yield InputProblem(code="data-not-found", pointer="/data", severity="info")
        else:
            yield InputProblem(
                code="invalid-envelope",
                pointer="/data",
                ctx={"reason": f"bila code = 0, 'data' harus \"{NOT_FOUND_TEXT}\""},
            )
    else:
        yield InputProblem(
            code="invalid-envelope",
            pointer="/code",
            ctx={"reason": "'code' harus 1 (berhasil) atau 0 (tidak ditemukan)"},
        )


def iter_json_document(data: bytes) -> Iterator[LocatedRecord | InputProblem]:
    """Yield the records of a JSON document held in ``data``.

    Raises:
        UnreadableInputError: the bytes are not UTF-8, empty, or not JSON at all.
    """
    text = decode_utf8(data)
    if not text.strip():
        raise UnreadableInputError(InputProblem(code="empty-file"))
    try:
        document = loads_json(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(json_error_problem(exc)) from None
    if _is_envelope(document):
        yield from _iter_envelope(document)
    elif _is_error_answer(document):
        yield InputProblem(
            code="invalid-envelope",
            pointer="",
            ctx={"reason": "ini jawaban galat SIASN/gateway (Error/Message, success: false)"},
        )
    elif _is_reference_listing(document):
        for index, item in enumerate(document["results"]):
            yield _record(item, index, f"/results/{index}")
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield _record(item, index, f"/{index}")
    elif isinstance(document, dict):
        yield _record(document, 0, "")
    else:
        yield InputProblem(
            code="invalid-envelope",
            pointer="",
            ctx={"reason": "dokumen harus objek record, array record, atau amplop {code, data}"},
        )
