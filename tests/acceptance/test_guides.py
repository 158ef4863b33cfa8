"""Every example in the hand-written guides runs: console commands and Python blocks.

Examples run from a scratch folder that holds this repository's ``samples/`` (as a reader who has
cloned the repository would), in both languages.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.support.docs_examples import fenced_blocks

PAGES = sorted([*(REPO / "docs/panduan").glob("*.md"), *(REPO / "docs").glob("keamanan*.md")])
KONTRAK_BIN = Path(sys.executable).parent / "kontrak"
_EXIT = re.compile(r"\(exit (\d)\)\s*$")


@pytest.fixture
def reader_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "samples").symlink_to(REPO / "samples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for name in [n for n in list(__import__("os").environ) if n.startswith("KONTRAK_")]:
        monkeypatch.delenv(name)
    return tmp_path


def _commands_with_shown_exit(page: Path) -> list[tuple[str, int | None]]:
    """Each ``$ kontrak`` command and the exit code its shown output ends with, if any."""
    found: list[tuple[str, int | None]] = []
    for block in fenced_blocks(page, "console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:].strip(), None))
            elif found and (match := _EXIT.search(line)):
                found[-1] = (found[-1][0], int(match.group(1)))
    return found


def test_the_guides_have_examples() -> None:
    assert {p.name for p in PAGES} >= {"python.md", "validasi-berkas.en.md", "keamanan.md"}
    assert sum(len(_commands_with_shown_exit(p)) for p in PAGES) >= 10


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO / "docs").as_posix())
def test_console_examples_run(page: Path, reader_folder: Path) -> None:
    for command, shown_exit in _commands_with_shown_exit(page):
        words = shlex.split(command)
        assert words[0] == "kontrak", command
        result = subprocess.run(
            [str(KONTRAK_BIN), *words[1:]],
            cwd=reader_folder,
            capture_output=True,
            text=True,
            check=False,
        )
        expected = {shown_exit} if shown_exit is not None else {0, 1}
        assert result.returncode in expected, f"{command}\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize(
    "page", [p for p in PAGES if fenced_blocks(p, "python")], ids=lambda p: p.name
)
def test_python_examples_run(page: Path, reader_folder: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__guide__"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in fenced_blocks(page, "python"):
            exec(compile(block, str(page), "exec"), namespace)
    assert "string_pattern_mismatch" in printed.getvalue()
    assert "field-not-agreed" in printed.getvalue()
