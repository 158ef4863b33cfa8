"""The canonical layer: wire values (strings, DD-MM-YYYY, "" for absent) turned into Python values.

Contracts model the wire as it is; rules, matching and reports read values through these
functions so that every tool normalises the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from kontrak.formats import ISO_DATE_PATTERN, parse_tanggal_dmy, parse_tanggal_iso

__all__ = [
    "ABSENT_DATES",
    "KEY_ALIASES",
    "VALUE_KINDS",
    "canonical_expr",
    "canonical_key",
    "canonical_value",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "wire_date",
    "wire_text",
]

# How SIASN writes "no date": empty text, null, or Go's zero time.
ABSENT_DATES = frozenset({"", "01-01-0001", "0001-01-01", "0001-01-01T00:00:00Z"})

_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_INT = re.compile(r"^-?[0-9]+$")


def parse_date(value: object) -> dt.date | None:
    """Return the date a wire value means, or None when it is absent or not a date.

    Accepts ``DD-MM-YYYY`` (the SIASN default) and ISO ``YYYY-MM-DD`` with an optional midnight
    time (seen in ``tmtGolongan``); ``""``, null and ``01-01-0001`` mean absent.
    """
    if not isinstance(value, str) or value in ABSENT_DATES:
        return None
    return parse_tanggal_dmy(value) or parse_tanggal_iso(value)


def parse_decimal(value: object) -> Decimal | None:
    """Return the decimal a wire value means (``"37.5"``, ``37.5``), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern rules this out
            return None
    return None


def parse_int(value: object) -> int | None:
    """Return the integer a wire value means (``"07"``, ``7``), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INT.fullmatch(value.strip()):
        return int(value.strip())
    return None


# ---------------------------------------------------------------- canonical record values
#
# Matching (pemadanan) compares LAN's records with BKN's. Both sides are first put in one
# canonical form: key names of the SIASN save bodies (which LAN's contracts use), and every value
# as canonical text or None. ``canonical_value`` does it for one value; ``canonical_expr`` does
# the same for a whole column (Polars), and a test holds the two to the same answers.

# Wire key → canonical key: GET names and spelling variants → the save-body (POST) name.
KEY_ALIASES: dict[str, str] = {
    "rwJabatan": "rwJabatanId",
    "pns": "pnsId",
    "idPns": "pnsId",
    "pnsOrangId": "pnsId",
    "bulanMulaiPenilaian": "bulanMulaiPenailan",
    "tahunMulaiPenilaian": "tahunMulaiPenailan",
    "bulanSelesaiPenilaian": "bulanSelesaiPenailan",
    "tahunSelesaiPenilaian": "tahunSelesaiPenailan",
    "noSertipikat": "nomorSertipikat",
    "jenisKursusSertifikat": "jenisKursusSertipikat",
    "jenisKursus": "jenisKursusId",
}

# How a field's values compare: text (spaces tidied), key (natural-key text: case and spaces
# ignored), code, id (letter case ignored: 32-hex ids in upper case, dashed UUIDs in lower case,
# as SIASN writes each), date (ISO), decimal, int, flag ("1" or "0").
VALUE_KINDS = ("text", "key", "code", "id", "date", "decimal", "int", "flag")

_SPACES = re.compile(r"\s+")
_DMY_SHAPE = re.compile(r"^[0-9]{2}-[0-9]{2}-[0-9]{4}$")
_CANONICAL_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_UNSIGNED = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def canonical_key(name: str) -> str:
    """Return the canonical name of a wire key (``rwJabatan`` → ``rwJabatanId``)."""
    return KEY_ALIASES.get(name, name)


def wire_text(value: object) -> str | None:
    """Return a wire value as text, as a string-typed column reader would (``280`` → ``"280"``)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    import json  # noqa: PLC0415 - only documents reach here

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _canonical_number(text: str, *, decimal: bool) -> str:
    """Drop leading zeros (and, for decimals, trailing fraction zeros) of an unsigned number.

    Anything else (signed, malformed) is kept as written; the column form does the same.
    """
    if not _UNSIGNED.fullmatch(text) or (not decimal and "." in text):
        return text
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.lstrip("0")
    if not text:
        return "0"
    return "0" + text if text.startswith(".") else text


def _canonical_date(text: str) -> str:
    if text in ABSENT_DATES:
        return ""
    parsed = parse_tanggal_dmy(text) if _DMY_SHAPE.fullmatch(text) else None
    if parsed is None:
        parsed = parse_tanggal_iso(text)
    if parsed is None or parsed.year == 1:
        return text if parsed is None else ""
    return parsed.isoformat()


def canonical_value(kind: str, value: object) -> str | None:
    """Return the canonical text of a wire value of ``kind``; None when the value is absent.

    ``""``, whitespace, null and (for dates) ``01-01-0001`` are absent. Dates become ISO
    ``YYYY-MM-DD`` from ``DD-MM-YYYY`` or ISO; numbers sent as text or as numbers lose leading
    and trailing zeros (``"037.50"`` → ``"37.5"``); ids ignore letter case (32-hex ids upper,
    dashed UUIDs lower, the forms SIASN uses, so a canonical id is a valid wire id); flags are
    ``"1"`` or ``"0"``. A value that is not of its kind is kept as its trimmed text, so it
    still compares.
    """
    text = wire_text(value)
    if kind == "flag":
        return "1" if text is not None and text.strip() == "1" else "0"
    if text is None or not text.strip():
        return None
    text = text.strip()
    result: str
    if kind == "text":
        result = _SPACES.sub(" ", text)
    elif kind == "key":
        result = _SPACES.sub("", text).upper()
    elif kind == "id":
        result = text.lower() if "-" in text else text.upper()
    elif kind == "date":
        result = _canonical_date(text)
    elif kind in ("decimal", "int"):
        result = _canonical_number(text, decimal=kind == "decimal")
    else:
        result = text
    return result or None


def wire_date(canonical: str | None) -> str:
    """Return a canonical ISO date in the wire form ``DD-MM-YYYY`` (``""`` when absent)."""
    if canonical is None:
        return ""
    match = _CANONICAL_DATE.fullmatch(canonical)
    if match is None:
        return canonical
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}"


def canonical_expr(kind: str, column: str) -> Any:
    """Return a Polars expression giving :func:`canonical_value` of a String ``column``.

    Polars is imported here, so validation alone never loads it.
    """
    import polars as pl  # noqa: PLC0415 - heavy, needed by matching only

    raw = pl.col(column).cast(pl.String)
    if kind == "flag":
        flag = pl.when(raw.str.strip_chars() == "1").then(pl.lit("1")).otherwise(pl.lit("0"))
        return flag.alias(column)
    text = raw.str.strip_chars()
    text = pl.when(text == "").then(None).otherwise(text)
    if kind == "text":
        out = text.str.replace_all(r"\s+", " ")
    elif kind == "key":
        out = text.str.replace_all(r"\s+", "").str.to_uppercase()
    elif kind == "id":
        dashed = text.str.contains("-", literal=True)
        out = pl.when(dashed).then(text.str.to_lowercase()).otherwise(text.str.to_uppercase())
    elif kind in ("decimal", "int"):
        shape = _UNSIGNED.pattern if kind == "decimal" else r"^[0-9]+$"
        tidy = text
        if kind == "decimal":
            tidy = (
                pl.when(text.str.contains(".", literal=True))
                .then(text.str.strip_chars_end("0").str.strip_chars_end("."))
                .otherwise(text)
            )
        lead = tidy.str.strip_chars_start("0")
        number = (
            pl.when(lead == "")
            .then(pl.lit("0"))
            .when(lead.str.starts_with("."))
            .then(pl.concat_str([pl.lit("0"), lead]))
            .otherwise(lead)
        )
        out = pl.when(text.str.contains(shape)).then(number).otherwise(text)
    elif kind == "date":
        dmy = (
            pl.when(text.str.contains(_DMY_SHAPE.pattern))
            .then(text.str.to_date("%d-%m-%Y", strict=False))
            .otherwise(None)
        )
        iso = (
            pl.when(text.str.contains(ISO_DATE_PATTERN))
            .then(text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False))
            .otherwise(None)
        )
        parsed = pl.coalesce(dmy, iso)
        absent = text.is_in(sorted(ABSENT_DATES)) | (parsed.dt.year() == 1)
        out = (
            pl.when(absent)
            .then(None)
            .when(parsed.is_not_null())
            .then(parsed.dt.to_string("%Y-%m-%d"))
            .otherwise(text)
        )
    else:
        out = text
    return out.alias(column)
