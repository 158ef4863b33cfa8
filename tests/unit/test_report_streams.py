"""Reports written in pieces are the same text as reports built whole, and never half-written."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from tests.conftest import SAMPLES

from kontrak.cli.options import write_output
from kontrak.contract import load_contract
from kontrak.reporters import REPORTERS, STREAMS
from kontrak.reporters.json_stream import iter_json_with_list
from kontrak.validation import ValidateOptions, validate_package, validate_with_contract

LAN = SAMPLES / "riwayat-angka-kredit/1.0.0"


def _value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 2 or roll < 0.3:
        return rng.choice([1, "a\nb", None, True, 2.5, "é ✓", [], {}, 'kutip "x"'])
    if roll < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {f"k{i}": _value(rng, depth + 1) for i in range(rng.randint(0, 3))}


@pytest.mark.parametrize("seed", range(40))
def test_streamed_list_is_json_dumps_text(seed: int) -> None:
    rng = random.Random(seed)
    items = [_value(rng) for _ in range(rng.randint(0, 5))]
    document = {"a": _value(rng), "runs": [{"x": _value(rng), "results": None, "z": 1}], "b": 2}
    whole = copy.deepcopy(document)
    whole["runs"][0]["results"] = items
    pieces = iter_json_with_list(document, ("runs", 0, "results"), iter(items))
    assert "".join(pieces) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def _reports() -> list[Any]:
    contract = load_contract("riwayat-angka-kredit@1.0.0")
    files = sorted(path for path in LAN.rglob("*") if path.is_file())
    return [
        validate_with_contract(contract, files, ValidateOptions()),
        validate_with_contract(contract, files, ValidateOptions(max_errors=2)),
        validate_package(SAMPLES / "packages/valid/bkn-2024-s1", ValidateOptions()),
    ]


@pytest.mark.parametrize("fmt", sorted(STREAMS))
def test_every_stream_gives_the_whole_report(fmt: str) -> None:
    for report in _reports():
        for lang in ("id", "en"):
            assert "".join(STREAMS[fmt](report, lang)) == REPORTERS[fmt](report, lang)


def test_streamed_junit_is_laid_out_as_the_whole_tree() -> None:
    report = _reports()[0]
    assert report.violations
    text = REPORTERS["junit"](report, "en")
    root = ET.fromstring(text.encode())
    ET.indent(root)
    assert '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n" == text
    cases = root.findall("testsuite/testcase")
    assert len(cases) == sum(int(suite.get("tests", "0")) for suite in root)


def test_a_report_that_fails_midway_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report\n", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "{\n"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_output(pieces(), target)
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert not (tmp_path / "report.json.tmp").exists()


def test_pieces_are_written_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pieces = [f"{i},\n" for i in range(50_000)]
    write_output(iter(pieces), tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "".join(pieces)
    write_output(iter(pieces), None)
    assert capsys.readouterr().out == "".join(pieces)
