"""The pre-commit hook validates staged payload files as the documented configurations set it up.

pre-commit itself would install kontrak from the hook's tag into a fresh environment (a network
install); here the hook's command runs with the kontrak under test, on the files pre-commit would
pass: those staged, matching the manifest's ``files`` and the configuration's ``files``.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_config, load_manifest
from tests.conftest import REPO
from tests.support.docs_examples import yaml_blocks

pytestmark = pytest.mark.slow

SAMPLES = REPO / "samples"
KONTRAK_BIN = Path(sys.executable).parent / "kontrak"  # the console script of the tool under test


def _hook_command(config_block: str, tmp_path: Path, staged: list[str]) -> list[str]:
    """The command pre-commit would run for ``staged`` files under ``config_block``."""
    config_path = tmp_path / ".pre-commit-config.yaml"
    config_path.write_text(config_block, encoding="utf-8")
    (entry,) = [h for repo in load_config(str(config_path))["repos"] for h in repo["hooks"]]
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    selected = [
        path
        for path in staged
        if re.search(hook["files"], path)
        and re.search(entry.get("files", ""), path)
        and not re.search(entry.get("exclude", "^$"), path)
    ]
    entry_words = shlex.split(hook["entry"])
    return [str(KONTRAK_BIN), *entry_words[1:], *entry["args"], *selected]


def _repository(tmp_path: Path, files: dict[str, Path]) -> list[str]:
    for target, source in files.items():
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / target)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", *files], check=True)
    staged = subprocess.run(
        ["git", "-C", str(tmp_path), "diff", "--cached", "--name-only"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [*staged, "README.md"]


@pytest.mark.parametrize(
    ("marker", "valid", "invalid", "code"),
    [
        (
            "SIPKA",
            {
                "exports/riwayat-angka-kredit/pak.jsonl": SAMPLES
                / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl"
            },
            {
                "exports/riwayat-angka-kredit/rusak.csv": SAMPLES
                / "riwayat-angka-kredit/1.0.0/invalid/lan/row-3.nipBaru.number-as-scientific.csv"
            },
            "number-as-scientific",
        ),
        (
            "SIASN",
            {
                "exports/siasn-rw-angkakredit/respons.json": SAMPLES
                / "siasn-rw-angkakredit/1.0.0/valid/bkn/rw-angkakredit-198403142009122987.json"
            },
            {
                "exports/siasn-rw-angkakredit/rusak.json": SAMPLES
                / "siasn-rw-angkakredit/1.0.0/invalid/bkn/data.0.id.missing-field.json"
            },
            "missing-field",
        ),
    ],
    ids=["lan", "bkn"],
)
def test_documented_hook_passes_valid_and_blocks_invalid_staged_files(
    tmp_path: Path, marker: str, valid: dict[str, Path], invalid: dict[str, Path], code: str
) -> None:
    (block,) = [
        b for b in yaml_blocks(REPO / "docs/panduan/pre-commit.md", ".pre-commit-config.yaml")
        if marker in b.splitlines()[0]
    ]  # fmt: skip
    good = tmp_path / "good"
    command = _hook_command(block, good, _repository(good, valid))
    assert command[-1].startswith("exports/"), "README.md is not a payload file"
    result = subprocess.run(command, cwd=good, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

    bad = tmp_path / "bad"
    command = _hook_command(block, bad, _repository(bad, {**valid, **invalid}))
    result = subprocess.run(command, cwd=bad, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert code in result.stdout
    assert "rusak" in result.stdout
