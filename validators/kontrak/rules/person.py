"""Rules that tie a NIP to the person it belongs to, and a functional level to its rank span."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_date
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["JENJANG_GOLONGAN", "JENJANG_SPANS", "LEVEL_WORDS", "NIP_MATCHES_PERSON", "jenjang_of"]

_SEX_DIGIT = {"M": "1", "F": "2"}

# Standard span of the expert (keahlian) functional levels, SIASN golongan ids (domain.md §7.2).
JENJANG_SPANS: dict[str, tuple[str, ...]] = {
    "PT": ("31", "32"),
    "MU": ("33", "34"),
    "MA": ("41", "42", "43"),
    "UT": ("44", "45"),
}
_SPAN_TEXT = {"PT": "III/a–III/b", "MU": "III/c–III/d", "MA": "IV/a–IV/c", "UT": "IV/d–IV/e"}
LEVEL_WORDS = {"ahli pertama": "PT", "ahli muda": "MU", "ahli madya": "MA", "ahli utama": "UT"}


def jenjang_of(position_name: str) -> str | None:
    """The SIASN level code of a position name: "Widyaiswara Ahli Muda" → ``MU``."""
    lowered = position_name.lower()
    return next((code for words, code in LEVEL_WORDS.items() if words in lowered), None)


def _mismatch(field: str, part_id: str, part_en: str) -> Finding:
    return Finding(
        code="nip-mismatch",
        parts=(field,),
        field=field,
        ctx={"part_id": part_id, "part_en": part_en},
        engine="nip-matches-person",
    )


def _check_person(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    nip = record.get(str(args["nip"]))
    if not isinstance(nip, str) or len(nip) != 18 or not nip.isdigit():
        return
    birth_field = args.get("birth-date")
    if birth_field:
        born = parse_date(record.get(str(birth_field)))
        if born is not None and born.strftime("%Y%m%d") != nip[:8]:
            yield _mismatch(
                str(birth_field), "digit 1–8 ≠ tanggal lahir", "digits 1–8 ≠ birth date"
            )
    appointment_field = args.get("appointment")
    if appointment_field:
        tmt = parse_date(record.get(str(appointment_field)))
        if tmt is not None and tmt.strftime("%Y%m") != nip[8:14]:
            yield _mismatch(
                str(appointment_field), "digit 9–14 ≠ TMT CPNS", "digits 9–14 ≠ CPNS appointment"
            )
    sex_field = args.get("sex")
    if sex_field:
        digit = _SEX_DIGIT.get(str(record.get(str(sex_field))))
        if digit is not None and digit != nip[14]:
            yield _mismatch(str(sex_field), "digit 15 ≠ jenis kelamin", "digit 15 ≠ sex")


def _check_span(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name, rank_field = record.get(str(args["position-name"])), str(args["rank"])
    rank = record.get(rank_field)
    if not isinstance(name, str) or not isinstance(rank, str) or not rank:
        return
    jenjang = jenjang_of(name)
    if jenjang is None or rank in JENJANG_SPANS[jenjang]:
        return
    yield Finding(
        code="jenjang-golongan-mismatch",
        parts=(rank_field,),
        field=rank_field,
        ctx={"jenjang": jenjang, "span": _SPAN_TEXT[jenjang]},
        value=rank,
        has_value=True,
        engine="jenjang-golongan",
    )


NIP_MATCHES_PERSON = DomainRule(
    id="nip-matches-person",
    codes=("nip-mismatch",),
    summary=LocalText(
        id="NIP cocok dengan tanggal lahir (digit 1–8), TMT CPNS (digit 9–14) dan jenis kelamin "
        "(digit 15) pada record yang sama.",
        en="The NIP agrees with the birth date (digits 1–8), CPNS appointment (digits 9–14) and "
        "sex (digit 15) in the same record.",
    ),
    args_schema={
        "type": "object",
        "required": ["nip"],
        "additionalProperties": False,
        "properties": {
            "nip": {"type": "string"},
            "birth-date": {"type": "string"},
            "appointment": {"type": "string"},
            "sex": {"type": "string"},
        },
    },
    fields_of=lambda args: tuple(
        str(args[k]) for k in ("nip", "birth-date", "appointment", "sex") if k in args
    ),
    check=_check_person,
)

JENJANG_GOLONGAN = DomainRule(
    id="jenjang-golongan",
    codes=("jenjang-golongan-mismatch",),
    summary=LocalText(
        id="Golongan/ruang berada dalam rentang jenjang jabatan fungsional keahlian (Ahli Pertama "
        "III/a–III/b, Muda III/c–III/d, Madya IV/a–IV/c, Utama IV/d–IV/e).",
        en="The rank lies in the span of the expert functional level (first III/a–III/b, junior "
        "III/c–III/d, middle IV/a–IV/c, senior IV/d–IV/e).",
    ),
    args_schema={
        "type": "object",
        "required": ["position-name", "rank"],
        "additionalProperties": False,
        "properties": {"position-name": {"type": "string"}, "rank": {"type": "string"}},
    },
    fields_of=lambda args: (str(args["position-name"]), str(args["rank"])),
    check=_check_span,
)
