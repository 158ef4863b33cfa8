"""jsonschema-rs validators for a contract: an exact one, and a gate without Python callbacks.

* The **exact** validator asserts every ``format`` through the reference's own format checker
  (:data:`kontrak.formats.FORMAT_CHECKER`), called back from Rust: same semantics, slower.
* The **gate** validator replaces each format that has an equivalent regular expression
  (:data:`FORMAT_PATTERNS`) by that pattern, so that a record is checked without leaving Rust.
  Its bulk variant also requires the fields a bulk file must carry (``x-kontrak.bulk.required``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from kontrak.contract import Contract
from kontrak.formats import FORMAT_CHECKER
from kontrak.schema_registry import iter_schema_files, load_json_file

__all__ = ["FORMAT_PATTERNS", "TANGGAL_DMY_PATTERN", "RsValidators", "rs_validators"]

_DAY_MONTH = (
    "(?:(?:0[1-9]|1[0-9]|2[0-8])-(?:0[1-9]|1[0-2])"
    "|(?:29|30)-(?:0[13-9]|1[0-2])"
    "|31-(?:0[13578]|1[02]))"
)
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001-9999, as Python's date
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"

TANGGAL_DMY_PATTERN = f"^(?:|{_DAY_MONTH}-{_YEAR}|29-02-{_LEAP_YEAR})$"
"""Exactly the strings :func:`kontrak.formats.is_tanggal_dmy` accepts (tested exhaustively)."""

FORMAT_PATTERNS: dict[str, str] = {"tanggal-dmy": TANGGAL_DMY_PATTERN}


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def _format_names(documents: list[Any]) -> set[str]:
    return {
        str(node["format"])
        for doc in documents
        for node in _walk(doc)
        if isinstance(node.get("format"), str)
    }


def _callback(name: str) -> Callable[[str], bool]:
    def conforms(value: str) -> bool:
        return FORMAT_CHECKER.conforms(value, name)

    return conforms


def _formats_as_patterns(document: Any) -> Any:
    """A copy of ``document`` where each format of :data:`FORMAT_PATTERNS` is a pattern."""
    result = copy.deepcopy(document)
    for node in _walk(result):
        name = node.get("format")
        if isinstance(name, str) and name in FORMAT_PATTERNS:
            del node["format"]
            node["allOf"] = [*node.get("allOf", []), {"pattern": FORMAT_PATTERNS[name]}]
    return result


@cache
def _documents(root: Path) -> tuple[tuple[str, Any], ...]:
    docs = []
    for path in iter_schema_files(root):
        document = load_json_file(path)
        docs.append((str(document["$id"]), document))
    return tuple(docs)


@dataclass(frozen=True, slots=True)
class RsValidators:
    """The jsonschema-rs validators of one contract.

    Attributes:
        exact: every keyword and format with the reference's semantics.
        gate: the same verdicts without Python callbacks, for records of a single document.
        bulk_gate: ``gate`` that also requires the fields bulk files must carry.
        resources: schema documents by ``$id`` (to look up an error's keyword).
    """

    exact: Any
    gate: Any
    bulk_gate: Any
    resources: Mapping[str, Any]


def _build(
    schema: Mapping[str, Any], docs: tuple[tuple[str, Any], ...], formats: dict[str, Any] | None
) -> Any:
    return jsonschema_rs.validator_for(
        dict(schema),
        registry=jsonschema_rs.Registry(list(docs)),
        formats=formats or None,
        validate_formats=True,
        ignore_unknown_formats=True,
    )


_CACHE: dict[tuple[str, str], RsValidators] = {}


def rs_validators(contract: Contract) -> RsValidators:
    """Build (once per process) the jsonschema-rs validators of ``contract``."""
    key = (contract.spec, contract.sha256)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    root = contract.root
    docs = tuple((uri, doc) for uri, doc in _documents(root) if uri != contract.uri)
    schema = dict(contract.schema)
    names = _format_names([schema, *(doc for _, doc in docs)])
    exact_formats = {name: _callback(name) for name in names}
    gate_formats = {name: _callback(name) for name in names if name not in FORMAT_PATTERNS}
    gate_docs = tuple((uri, _formats_as_patterns(doc)) for uri, doc in docs)
    gate_schema = _formats_as_patterns(schema)
    bulk_schema = dict(gate_schema)
    bulk_schema["required"] = sorted({*schema.get("required", ()), *contract.bulk_required})
    validators = RsValidators(
        exact=_build(schema, docs, exact_formats),
        gate=_build(gate_schema, gate_docs, gate_formats),
        bulk_gate=_build(bulk_schema, gate_docs, gate_formats),
        resources={contract.uri: schema, **dict(docs)},
    )
    _CACHE[key] = validators
    return validators
