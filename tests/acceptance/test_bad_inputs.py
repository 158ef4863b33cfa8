"""Every bad input of issue 4 gives a located error with a code, exit 1 or 2, and no traceback.

Checked with both engines, through the CLI, with the JSON report (which must parse, so nothing
else was printed); one run per kind goes through a real subprocess to see stderr too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, SAMPLES
from tests.support.xlsx_files import write_xlsx
from typer.testing import CliRunner

from kontrak.cli import app

RUNNER = CliRunner()
RECORD = json.loads(
    (SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl").read_text().splitlines()[1]
)
VALID_CSV = (SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.csv").read_bytes()
LINE = json.dumps(RECORD)


@dataclass(frozen=True)
class Bad:
    """One bad input and what the report must say."""

    name: str
    make: Callable[[Path], Path]
    code: str | None
    exit: int
    where: dict[str, Any] = field(default_factory=dict)


def _file(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def _xlsx_nip(folder: Path) -> Path:
    header = list(RECORD)
    row = [float(v) if k == "nipBaru" else v for k, v in RECORD.items()]
    return write_xlsx(folder / "nip.xlsx", [header, row])


CSV_TEXT = VALID_CSV.decode("utf-8-sig")
CSV_COMMA = CSV_TEXT.replace(";", ",") if ";" in CSV_TEXT.splitlines()[0] else CSV_TEXT
BAD: list[Bad] = [
    Bad("truncated-json", _file("x.json", f"[{LINE}, {LINE[:50]}".encode()), "invalid-json", 2, {"line": 1}),
    Bad("truncated-jsonl-line", _file("x.jsonl", f"{LINE}\n{LINE[:50]}\n".encode()), "invalid-json", 1, {"line": 2}),
    Bad("invalid-utf8-csv", _file("x.csv", CSV_COMMA.replace("PAK.04", "PAK\xa004").encode("latin-1")), "not-utf8", 2, {"line": 4}),
    Bad("invalid-utf8-jsonl", _file("x.jsonl", LINE.encode() + b"\n" + LINE.replace("PAK", "P\xc4K").encode("latin-1") + b"\n"), "not-utf8", 2, {"line": 2}),
    Bad("invalid-utf8-json", _file("x.json", f"[{LINE}]".replace("PAK", "P\xc4K").encode("latin-1")), "not-utf8", 2, {"line": 1}),
    Bad("utf16-csv", _file("x.csv", CSV_COMMA.encode("utf-16")), "not-utf8", 2, {"line": 1}),
    Bad("bom-csv", _file("x.csv", "\ufeff".encode() + CSV_COMMA.encode()), None, 0),
    Bad("bom-json", _file("x.json", ("\ufeff" + json.dumps([RECORD])).encode()), None, 0),
    Bad("bom-jsonl", _file("x.jsonl", ("\ufeff" + LINE + "\n").encode()), None, 0),
    Bad("semicolon-csv", _file("x.csv", CSV_COMMA.replace(",", ";").encode()), None, 0),
    Bad("tab-tsv", _file("x.tsv", CSV_COMMA.replace(",", "\t").encode()), None, 0),
    Bad("excel-nip-in-csv", _file("x.csv", CSV_COMMA.replace("197811022003031014", "1.97811E+17").encode()), "number-as-scientific", 1, {"row": 4, "field": "nipBaru"}),
    Bad("excel-nip-in-xlsx", _xlsx_nip, "number-as-scientific", 1, {"row": 2, "field": "nipBaru"}),
    Bad("duplicate-key-json", _file("x.json", (LINE[:-1] + ', "nomorSk": "SK"}').encode()), "duplicate-key", 1, {"pointer": "/nomorSk"}),
    Bad("duplicate-key-jsonl", _file("x.jsonl", (LINE + "\n" + LINE[:-1] + ', "idSipka": "X"}\n').encode()), "duplicate-key", 1, {"line": 2, "pointer": "/idSipka"}),
    Bad("duplicate-column-csv", _file("x.csv", CSV_COMMA.replace("idSipka,", "idSipka,idSipka,", 1).replace("\nAK", "\nAK-0,AK").encode()), "duplicate-key", 1, {"row": 1, "field": "idSipka"}),
    Bad("nan-jsonl", _file("x.jsonl", f"{LINE}\n{LINE[:-1]}, \"x\": NaN}}\n".encode()), "invalid-json", 1, {"line": 2}),
    Bad("infinity-json", _file("x.json", f"[{LINE[:-1]}, \"x\": -Infinity}}]".encode()), "invalid-json", 2, {"line": 1}),
    Bad("headerless-csv", _file("x.csv", CSV_COMMA.split("\n", 1)[1].encode()), "missing-header", 1, {"row": 1}),
    Bad("headerless-xlsx", lambda folder: write_xlsx(folder / "x.xlsx", [list(RECORD.values())]), "missing-header", 1, {"row": 1}),
    Bad("empty-json", _file("x.json", b""), "empty-file", 2),
    Bad("empty-jsonl", _file("x.jsonl", b"\n\n"), "empty-file", 2),
    Bad("empty-csv", _file("x.csv", b" \n"), "empty-file", 2),
    Bad("empty-xlsx", _file("x.xlsx", b""), "empty-file", 2),
    Bad("broken-xlsx", _file("x.xlsx", b"PK\x03\x04 not a workbook"), "invalid-xlsx", 2),
    Bad("directory", lambda folder: folder, "not-a-file", 2),
    Bad("missing-file", lambda folder: folder / "tidak-ada.json", "file-not-found", 2),
    Bad("unknown-extension", _file("x.xml", b"<a/>"), "unsupported-format", 2),
]  # fmt: skip


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.name)
def test_bad_input_is_reported_with_code_and_place(bad: Bad, engine: str, tmp_path: Path) -> None:
    path = bad.make(tmp_path)
    result = RUNNER.invoke(
        app, ["validate", "riwayat-angka-kredit", str(path), "-f", "json", "--engine", engine]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    report = json.loads(result.output)
    assert result.exit_code == bad.exit, report["violations"]
    # the contract's foreign keys cannot be checked without BKN's rosters: an info notice
    codes = [v["code"] for v in report["violations"] if v["severity"] != "info"]
    if bad.code is None:
        assert codes == []
        return
    (violation,) = [v for v in report["violations"] if v["code"] == bad.code]
    for key, value in bad.where.items():
        assert violation[key] == value, (key, violation)
    assert violation["message"]
    assert violation["file"] == str(path)


@pytest.mark.slow
def test_no_traceback_reaches_the_user(tmp_path: Path) -> None:
    """All bad inputs in one real process: every code on stdout, nothing on stderr."""
    paths = []
    for bad in BAD:
        folder = tmp_path / bad.name
        folder.mkdir()
        paths.append(str(bad.make(folder)))
    result = subprocess.run(
        [sys.executable, "-m", "kontrak", "validate", "riwayat-angka-kredit", *paths],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == ""
    assert "Traceback" not in result.stdout
    for bad in BAD:
        if bad.code:
            assert bad.code in result.stdout, bad.name


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_a_line_that_is_not_a_record_names_its_json_type(engine: str, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(f"{LINE}\n42\nnull\n[{LINE}]\n", encoding="utf-8")
    result = RUNNER.invoke(
        app,
        ["validate", "riwayat-angka-kredit", str(path), "-f", "json", "--engine", engine,
         "--lang", "en"],
    )  # fmt: skip
    messages = [v["message"] for v in json.loads(result.output)["violations"]]
    assert [m for m in messages if "must be of type object" in m] == [
        "'record' must be of type object, got integer.",
        "'record' must be of type object, got null.",
        "'record' must be of type object, got array.",
    ]
